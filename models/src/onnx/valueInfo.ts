// Graph inputs/outputs: element type plus a shape whose dims are a size, a symbolic name, or unknown (null).
import { onnx } from 'onnx-proto';
import { DataType } from './dataType';
import { Int64Like, int64ToNumber } from './int64';

export type ValueDim = number | string | null;

export function makeValueInfo(
  name: string,
  elemType: DataType,
  dims: readonly ValueDim[],
): onnx.ValueInfoProto {
  const dim = dims.map((d) =>
    typeof d === 'number' ? { dimValue: d } : typeof d === 'string' ? { dimParam: d } : {},
  );
  return onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape: { dim } } } });
}

export function readValueInfo(info: onnx.IValueInfoProto): {
  name: string;
  elemType: DataType;
  dims: ValueDim[];
} {
  const tensorType = info.type?.tensorType;
  const dims = (tensorType?.shape?.dim ?? []).map((d): ValueDim => {
    if (d.dimParam) return d.dimParam;
    // proto3 cannot tell an unset dim_value from 0; an unknown dim has neither field set.
    return Object.prototype.hasOwnProperty.call(d, 'dimValue')
      ? int64ToNumber(d.dimValue as Int64Like)
      : null;
  });
  return { name: info.name ?? '', elemType: (tensorType?.elemType ?? 0) as DataType, dims };
}
