// The pure parts of an import: ONNX facts, family recognition (auto and asked), class names.
import { describe, expect, it } from 'vitest';
import {
  parseNamesFile,
  parseUltralyticsNames,
  resolveClassNames,
} from '../../api/src/model-import/class-names';
import { chooseFamily } from '../../api/src/model-import/family-choice';
import { imageInput, readOnnxFacts } from '../../api/src/model-import/onnx-facts';
import { decodeCandidates } from '../../sdk/src/decoders';
import { end2endOutput, TINY_NAMES, tinyModel, ultralyticsMetadata, yolov8Output } from './fixtures';

const rejection = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { reason?: string }).reason;
  }
  return undefined;
};

describe('reading Ultralytics names', () => {
  it('reads the Python dict literal the exporter writes, quotes and escapes included', () => {
    expect(parseUltralyticsNames(`{0: 'person', 1: "men's shoe", 2: 'a\\'b'}`)).toEqual([
      'person',
      "men's shoe",
      "a'b",
    ]);
  });

  it('refuses a dict whose indices skip or that holds anything else', () => {
    expect(parseUltralyticsNames("{0: 'a', 2: 'b'}")).toBeUndefined();
    expect(parseUltralyticsNames("{0: 'a', 1: b}")).toBeUndefined();
  });

  it('reads names.txt lines and YOLO data.yaml lists and index maps', () => {
    expect(parseNamesFile('names.txt', 'cat\n\ndog \r\n')).toEqual(['cat', 'dog']);
    expect(parseNamesFile('data.yaml', 'path: x\nnames:\n  0: cat\n  1: dog\n')).toEqual(['cat', 'dog']);
    expect(parseNamesFile('data.yml', 'names: [cat, dog]\n')).toEqual(['cat', 'dog']);
  });

  it('prefers the given names, and refuses none, an empty list or repeats', () => {
    const metadata = ultralyticsMetadata(['a']);
    expect(resolveClassNames(['x'], metadata)).toEqual({ names: ['x'], source: 'given' });
    expect(resolveClassNames(undefined, metadata)).toEqual({ names: ['a'], source: 'metadata' });
    expect(rejection(() => resolveClassNames(undefined, {}))).toBe('EMPTY_NAMES');
    expect(rejection(() => resolveClassNames(undefined, { names: '{}' }))).toBe('EMPTY_NAMES');
    expect(rejection(() => resolveClassNames(['a', 'a'], {}))).toBe('INVALID_NAMES');
  });
});

function factsOf(bytes: Uint8Array) {
  const facts = readOnnxFacts(bytes);
  return {
    facts,
    graph: { outputs: facts.outputs, inputSize: imageInput(facts).inputSize, metadata: facts.metadata },
  };
}

describe('choosing the family', () => {
  it('recognises an Ultralytics detect export as yolov8 and says why', () => {
    const { facts, graph } = factsOf(
      tinyModel({ output: yolov8Output(), metadata: ultralyticsMetadata(TINY_NAMES) }),
    );
    expect(facts.opTypes).toEqual(['Add', 'Mul', 'ReduceMean']);
    expect(facts.metadata.task).toBe('detect');
    const choice = chooseFamily(graph);
    expect(choice.family.family).toBe('yolov8');
    expect(choice.classCount).toBe(3);
    expect(choice.decision).toMatch(
      /^yolov8 \(auto\): output0 is \[1, 7, 8\] = \[batch, 4 box rows \+ 3 classes, 8 anchors\]/,
    );
    expect(choice.decision).toContain('task=detect');
  });

  it('recognises [B, N, 6] as an end-to-end export', () => {
    const { graph } = factsOf(
      tinyModel({ output: end2endOutput(), metadata: ultralyticsMetadata(TINY_NAMES) }),
    );
    const choice = chooseFamily(graph);
    expect(choice.family.family).toBe('yolo-end2end');
    expect(choice.classCount).toBeUndefined();
  });

  it('refuses a family asked for that cannot read the outputs, and outputs no family reads', () => {
    const yolo = factsOf(tinyModel({ output: yolov8Output() })).graph;
    expect(rejection(() => chooseFamily(yolo, 'nanodet-gfl'))).toBe('UNSUPPORTED_OUTPUT_SHAPE');
    const flat = factsOf(tinyModel({ output: { dims: [1, 56], values: new Array(56).fill(0) } })).graph;
    expect(rejection(() => chooseFamily(flat))).toBe('UNSUPPORTED_OUTPUT_SHAPE');
  });

  it('refuses other Ultralytics tasks and non-square inputs', () => {
    const segment = factsOf(
      tinyModel({ output: yolov8Output(), metadata: ultralyticsMetadata(TINY_NAMES, { task: 'segment' }) }),
    ).graph;
    expect(rejection(() => chooseFamily(segment))).toBe('UNSUPPORTED_TASK');
    const wide = readOnnxFacts(tinyModel({ output: yolov8Output(), inputDims: [1, 3, 64, 96] }));
    expect(rejection(() => imageInput(wide))).toBe('UNSUPPORTED_INPUT_SHAPE');
  });

  it('tells a cut-off file from one that is not ONNX at all', () => {
    const bytes = tinyModel({ output: yolov8Output(), metadata: ultralyticsMetadata(TINY_NAMES) });
    expect(rejection(() => readOnnxFacts(bytes.subarray(0, Math.floor(bytes.length / 2))))).toBe('TRUNCATED');
    expect(rejection(() => readOnnxFacts(new TextEncoder().encode('{"not": "onnx"}')))).toBe('NOT_ONNX');
  });
});

describe('decoding known tensors', () => {
  it('yolov8: cx, cy, w, h rows become corner boxes for each class above the threshold', () => {
    const { dims, values } = yolov8Output();
    const outputs = { output0: { data: Float32Array.from(values), dims } };
    expect(decodeCandidates({ family: 'yolov8', output: 'output0' }, outputs, 64, 0, 0.3)).toEqual([
      { classIndex: 2, score: expect.closeTo(0.9, 6), box: [22, 25, 42, 35] },
      { classIndex: 0, score: expect.closeTo(0.6, 6), box: [12, 10, 20, 22] },
    ]);
  });

  it('yolo-end2end: rows are already boxes, class and score', () => {
    const { dims, values } = end2endOutput();
    const outputs = { output0: { data: Float32Array.from(values), dims } };
    expect(decodeCandidates({ family: 'yolo-end2end', output: 'output0' }, outputs, 64, 0, 0.3)).toEqual([
      { classIndex: 1, score: expect.closeTo(0.8, 6), box: [10, 12, 30, 40] },
      { classIndex: 2, score: expect.closeTo(0.55, 6), box: [40, 8, 60, 20] },
    ]);
  });
});
