// History filters live in the URL, so a filtered view can be bookmarked, shared and paged through.
import type { DetectionFilter } from '@/lib/graphql/generated/graphql';

export interface HistorySearchParams {
  from?: string;
  to?: string;
  label?: string;
  minScore?: string;
  model?: string;
  after?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates are whole local days: "to" includes the whole of its day. */
export function filterOf(params: HistorySearchParams): DetectionFilter {
  const filter: DetectionFilter = {};
  if (params.from && DATE.test(params.from)) filter.from = new Date(`${params.from}T00:00:00`).toISOString();
  if (params.to && DATE.test(params.to)) filter.to = new Date(`${params.to}T23:59:59.999`).toISOString();
  if (params.label?.trim()) filter.labelKey = params.label.trim();
  if (params.model?.trim()) filter.model = params.model.trim();
  const minScore = Number(params.minScore);
  if (params.minScore && minScore >= 0 && minScore <= 1) filter.minScore = minScore;
  return filter;
}

/** The same filters with another page cursor (or none, for the first page). */
export function pageHref(params: HistorySearchParams, after?: string): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...params, after })) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `/history?${text}` : '/history';
}
