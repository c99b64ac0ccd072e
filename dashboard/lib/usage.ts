// The API keys page's usage chart: images per UTC day for the last days, one series per key (the busiest few,
// the rest together), from the `usage` query's rows.
import type { ColumnSeries } from '@/components/charts/ColumnChart';
import type { UsageDayFragment } from './graphql/generated/graphql';

export const USAGE_DAYS = 14;
const MAX_KEYS = 5;
const COLORS = ['#1c7ed6', '#f59f00', '#37b24d', '#ae3ec9', '#f03e3e'];
const OTHERS_COLOR = '#868e96';
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the first day shown when the last is `today`. */
export function usageFrom(today: string, days = USAGE_DAYS): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
}

export function usageChart(rows: UsageDayFragment[], today: string, othersLabel: string, days = USAGE_DAYS) {
  const from = Date.parse(`${usageFrom(today, days)}T00:00:00Z`);
  const categories = Array.from({ length: days }, (_, i) => {
    const id = new Date(from + i * DAY_MS).toISOString().slice(0, 10);
    return { id, label: id.slice(5) };
  });
  const index = new Map(categories.map((c, i) => [c.id, i]));
  const byKey = new Map<string, { name: string; values: number[]; total: number }>();
  for (const row of rows) {
    const i = index.get(row.day);
    if (i === undefined) continue;
    const key = byKey.get(row.keyId) ?? {
      name: row.keyName,
      values: new Array<number>(days).fill(0),
      total: 0,
    };
    key.values[i]! += row.images;
    key.total += row.images;
    byKey.set(row.keyId, key);
  }
  const ranked = [...byKey.entries()].filter(([, k]) => k.total > 0).sort((a, b) => b[1].total - a[1].total);
  const series: ColumnSeries[] = ranked
    .slice(0, MAX_KEYS)
    .map(([id, k], i) => ({ id, label: k.name, color: COLORS[i]!, values: k.values }));
  const rest = ranked.slice(MAX_KEYS);
  if (rest.length) {
    series.push({
      id: 'others',
      label: othersLabel,
      color: OTHERS_COLOR,
      values: categories.map((_, i) => rest.reduce((sum, [, k]) => sum + k.values[i]!, 0)),
    });
  }
  return { categories, series };
}

const USAGE_FIELDS = ['detections', 'images', 'objects', 'errors', 'rateLimited'] as const;

/** Each key's sums over the rows (`day`: its first), busiest first. */
export function usageTotals(rows: UsageDayFragment[]): UsageDayFragment[] {
  const totals = new Map<string, UsageDayFragment>();
  for (const row of rows) {
    const sum = totals.get(row.keyId) ?? {
      ...row,
      detections: 0,
      images: 0,
      objects: 0,
      errors: 0,
      rateLimited: 0,
    };
    for (const field of USAGE_FIELDS) sum[field] += row[field];
    totals.set(row.keyId, sum);
  }
  return [...totals.values()].sort((a, b) => b.images - a.images || a.keyName.localeCompare(b.keyName));
}
