// protobufjs hands 64-bit integers back as Long objects when the `long` package is present, as numbers otherwise.

export type Int64Like = number | { toNumber(): number };

export function int64ToNumber(value: Int64Like | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}
