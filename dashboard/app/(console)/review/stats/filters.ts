// The statistics' label set and period live in the URL, like History's filters.
export interface StatsSearchParams {
  labelSet?: string;
  from?: string;
  to?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whole local days; "to" includes its day. */
export function periodOf(params: StatsSearchParams): { from?: string; to?: string } {
  return {
    ...(params.from && DATE.test(params.from) && { from: new Date(`${params.from}T00:00:00`).toISOString() }),
    ...(params.to && DATE.test(params.to) && { to: new Date(`${params.to}T23:59:59.999`).toISOString() }),
  };
}

/** The export URL (through the dashboard's proxy) for the same label set and period. */
export function exportHref(format: string, labelSet: string, params: StatsSearchParams): string {
  const query = new URLSearchParams({ labelSet, ...periodOf(params) });
  return `/api/exports/review.${format}?${query}`;
}
