// Typed reads of TF node attributes as tfjs-converter writes them in JSON (int64 as strings, strings base64).
import { ElementType } from '../constTensor';
import { TfNode } from './modelJson';

export class TfAttributes {
  constructor(private readonly node: TfNode) {}

  int(name: string, fallback?: number): number {
    const value = this.node.attr?.[name]?.i;
    return value === undefined ? this.required(name, fallback) : Number(value);
  }

  float(name: string, fallback?: number): number {
    return this.node.attr?.[name]?.f ?? this.required(name, fallback);
  }

  bool(name: string, fallback?: boolean): boolean {
    return this.node.attr?.[name]?.b ?? this.required(name, fallback);
  }

  string(name: string, fallback?: string): string {
    const value = this.node.attr?.[name]?.s;
    return value === undefined
      ? this.required(name, fallback)
      : Buffer.from(value, 'base64').toString('utf8');
  }

  ints(name: string, fallback?: number[]): number[] {
    const list = this.node.attr?.[name]?.list;
    return list ? (list.i ?? []).map(Number) : this.required(name, fallback);
  }

  strings(name: string, fallback?: string[]): string[] {
    const list = this.node.attr?.[name]?.list;
    return list
      ? (list.s ?? []).map((s) => Buffer.from(s, 'base64').toString('utf8'))
      : this.required(name, fallback);
  }

  /** A dtype attribute (e.g. DstT) as the element type conversion works in. */
  elementType(name: string): ElementType {
    const type = this.node.attr?.[name]?.type;
    switch (type) {
      case 'DT_FLOAT':
        return 'float32';
      case 'DT_INT32':
      case 'DT_INT64': // TF.js keeps int64 data as int32
        return 'int32';
      case 'DT_BOOL':
        return 'bool';
      default:
        throw new Error(`${this.node.name}: attribute ${name} has unsupported type ${type}`);
    }
  }

  /** Static shape of a Placeholder; -1 (or a missing size) marks an unknown dim. */
  shape(name: string): number[] {
    const dims = this.node.attr?.[name]?.shape?.dim ?? [];
    return dims.map((d) => (d.size === undefined ? -1 : Number(d.size)));
  }

  private required<T>(name: string, fallback: T | undefined): T {
    if (fallback === undefined)
      throw new Error(`${this.node.name} (${this.node.op}): attribute ${name} is missing`);
    return fallback;
  }
}
