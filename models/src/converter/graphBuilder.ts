// The ONNX graph under construction: unique value names, nodes, initializers, and turning a TensorRef into an
// ONNX value in the layout a consumer asks for (writing constants, emitting pending Pads and Transposes once).
import { onnx } from 'onnx-proto';
import { attr } from '../onnx/attribute';
import { DataType } from '../onnx/dataType';
import { makeNode } from '../onnx/node';
import { makeTensor } from '../onnx/tensor';
import { ConstTensor, ElementType, transposeConst, withRank } from './constTensor';
import { identityPerm, invertPerm, isIdentity, Perm, samePerm, transposeBetween } from './layout';
import { PendingPad, TensorRef } from './tensorRef';

export const ONNX_TYPE: Record<ElementType, DataType> = {
  float32: DataType.FLOAT,
  int32: DataType.INT32,
  bool: DataType.BOOL,
};

export class OnnxGraphBuilder {
  readonly nodes: onnx.NodeProto[] = [];
  readonly initializers: onnx.TensorProto[] = [];
  private readonly usedNames = new Set<string>();
  /** Pads and Transposes already emitted, by source value and what was done to it. */
  private readonly derived = new Map<string, string>();
  private readonly constantLayouts = new WeakMap<ConstTensor, Map<string, string>>();

  /** A value name not used yet, based on `base` (TF names are kept where free so the graph stays readable). */
  uniqueName(base: string): string {
    let name = base;
    for (let n = 1; this.usedNames.has(name); n++) name = `${base}_${n}`;
    this.usedNames.add(name);
    return name;
  }

  /** Emits a node and returns its output names. */
  add(
    opType: string,
    inputs: readonly string[],
    outputs: readonly string[],
    attributes: onnx.AttributeProto[] = [],
  ): string[] {
    const names = outputs.map((output) => this.uniqueName(output));
    this.nodes.push(makeNode(opType, inputs, names, attributes));
    return names;
  }

  /** Emits a single-output node and returns its output name. */
  add1(
    opType: string,
    inputs: readonly string[],
    output: string,
    attributes: onnx.AttributeProto[] = [],
  ): string {
    return this.add(opType, inputs, [output], attributes)[0];
  }

  lastNode(): onnx.NodeProto {
    return this.nodes[this.nodes.length - 1];
  }

  constant(base: string, tensor: ConstTensor): string {
    const name = this.uniqueName(base);
    this.initializers.push(makeTensor(name, tensor.data, tensor.shape, ONNX_TYPE[tensor.dtype]));
    return name;
  }

  /** int64 vector, the type ONNX wants for shapes, axes, pads and slice bounds. */
  int64s(base: string, values: readonly number[]): string {
    const name = this.uniqueName(base);
    this.initializers.push(makeTensor(name, BigInt64Array.from(values, BigInt), [values.length]));
    return name;
  }

  scalar(base: string, value: number, dtype: ElementType): string {
    const data =
      dtype === 'float32'
        ? Float32Array.of(value)
        : dtype === 'int32'
          ? Int32Array.of(value)
          : Uint8Array.of(value);
    return this.constant(base, { dtype, shape: [], data });
  }

  /**
   * The ONNX value of `ref` laid out so that the TF tensor is numpy.transpose(value, perm); identity perm (the
   * default) gives the TF layout itself. Pads, Transposes and constants are made once per distinct request.
   */
  valueIn(ref: TensorRef, perm: Perm = identityPerm(ref.rank)): string {
    const constant = ref.constant;
    if (constant) {
      const perConstant = this.constantLayouts.get(constant) ?? new Map<string, string>();
      this.constantLayouts.set(constant, perConstant);
      return once(perConstant, perm.join(','), () =>
        this.constant(ref.name, transposeConst(constant, invertPerm(perm))),
      );
    }
    if (!ref.value) throw new Error(`tensor ${ref.name} has no ONNX value`);
    const held = ref.pendingPad ? this.padded(ref.value, ref.pendingPad, ref.dtype) : ref.value;
    if (samePerm(ref.perm, perm)) return held;
    const onnxPerm = transposeBetween(ref.perm, perm);
    return once(this.derived, `${held} transpose ${onnxPerm}`, () =>
      this.add1('Transpose', [held], `${held}/transposed`, [attr.ints('perm', onnxPerm)]),
    );
  }

  /** A constant broadcast against a tensor of `rank` held with `perm`, written in that same ONNX layout. */
  broadcastConstant(base: string, tensor: ConstTensor, rank: number, perm: Perm): string {
    if (tensor.shape.length === 0 || isIdentity(perm)) return this.constant(base, tensor);
    return this.constant(base, transposeConst(withRank(tensor, rank), invertPerm(perm)));
  }

  private padded(value: string, { pads, constant }: PendingPad, dtype: ElementType): string {
    return once(this.derived, `${value} pad ${pads} ${constant}`, () => {
      const padValue = this.scalar(`${value}/pad_value`, constant, dtype);
      return this.add1('Pad', [value, this.int64s(`${value}/pads`, pads), padValue], `${value}/padded`);
    });
  }
}

function once(cache: Map<string, string>, key: string, make: () => string): string {
  const found = cache.get(key);
  if (found) return found;
  const made = make();
  cache.set(key, made);
  return made;
}
