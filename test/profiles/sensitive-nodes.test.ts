// Which nodes a quantized profile leaves in float, on hand-made graphs shaped like the exports admins import.
import { describe, expect, it } from 'vitest';
import { attr, makeNode, makeValueInfo } from '../../models/src/onnx';
import { DataType } from '../../models/src/onnx/dataType';
import { QUANTIZABLE_OPS } from '../../models/src/profiles/int8/quantizationPlan';
import { graphOutputWriters } from '../../models/src/profiles/sensitiveNodes';

describe('graph output writers', () => {
  it('are the quantizable nodes that write a graph output: the Concat an Ultralytics export ends in', () => {
    // Conv → boxes; Sigmoid → scores; Concat(boxes, scores) → output0; scores are also an output of their own.
    const graph = {
      node: [
        makeNode('Conv', ['images', 'weights'], ['boxes']),
        makeNode('Sigmoid', ['boxes'], ['scores']),
        makeNode('Concat', ['boxes', 'scores'], ['output0'], [attr.int('axis', 1)]),
      ],
      output: [
        makeValueInfo('output0', DataType.FLOAT, [1, 7, 8]),
        makeValueInfo('scores', DataType.FLOAT, [1, 3, 8]),
      ],
    };
    // The Sigmoid writes an output too, but int8 has no integer kernel for it: it stays float anyway.
    expect(graphOutputWriters(graph, QUANTIZABLE_OPS)).toEqual(['output0']);
  });
});
