// Number and date formatting shared by every page. `none` is what an absent value shows as.
import type { Locale } from './i18n/locale';

const NONE = '—';

export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return NONE;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', hour12: false }).format(
    new Date(iso),
  );
}

const msValue = (ms: number) => (ms < 10 ? ms.toFixed(1) : String(Math.round(ms)));

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return NONE;
  return `${msValue(ms)} ms`;
}

/** Several durations sharing one unit, e.g. percentiles: "18 / 31 / 44 ms". */
export function formatMsSeries(values: (number | null)[]): string {
  return `${values.map((ms) => (ms === null ? NONE : msValue(ms))).join(' / ')} ms`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return NONE;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

export function formatMB(mb: number | null | undefined): string {
  if (mb === null || mb === undefined) return NONE;
  return `${Math.round(mb)} MB`;
}

/** A 0–1 score or ratio as a whole percentage. */
export function formatPercent(ratio: number | null | undefined, digits = 0): string {
  if (ratio === null || ratio === undefined) return NONE;
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** Signed percentage points, e.g. a change of mAP: "+0.40", "−1.25". */
export function formatPoints(points: number | null | undefined): string {
  if (points === null || points === undefined) return NONE;
  return `${points > 0 ? '+' : ''}${points.toFixed(2)}`;
}

export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined) return NONE;
  return perSecond >= 100 ? Math.round(perSecond).toString() : perSecond.toFixed(1);
}

/** "FP32 · 320"; the size may be a word, for artifacts that take any size. */
export function formatProfile(precision: string, inputSize: number | string): string {
  return `${precision} · ${inputSize}`;
}

/** A duration as a clock reads it: "0:42", "12:05", "1:02:09". */
export function formatElapsed(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return NONE;
  const total = Math.max(0, Math.floor(ms / 1000));
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}
