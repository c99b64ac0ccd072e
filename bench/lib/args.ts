// Command-line values the benchmarks share.

/** "a, b,,c" → ['a', 'b', 'c']. */
export const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** "K=V,K2=V2" → { K: 'V', K2: 'V2' }, split at the first '=' only: values may hold one (NODE_OPTIONS=--a=b). */
export function envPairs(text: string): Record<string, string> {
  return Object.fromEntries(
    list(text).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}
