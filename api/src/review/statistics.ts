// What the verdicts say about the model: per-class precision and recall, the confusion table (predicted vs
// corrected, with "background" for false positives and missed objects), the most confused pairs and a daily
// trend. Pure: the service loads reviewed detections and hands them here.

export type Verdict = 'correct' | 'wrong_label' | 'not_object';

export interface ReviewedDetection {
  /** When the model made the detection: trends follow the traffic the model saw, not the reviewers' hours. */
  detectedAt: Date;
  objects: { classKey: string; verdict: Verdict; correctedKey: string | null }[];
  /** Objects the model missed. */
  missed: { classKey: string }[];
}

/** A class key, or null for background (no object). */
export type ClassOrBackground = string | null;

export interface ConfusionCell {
  predicted: ClassOrBackground;
  actual: ClassOrBackground;
  count: number;
}

export interface ClassStats {
  key: string;
  /** Objects the model called this class that were reviewed. */
  predicted: number;
  correct: number;
  wrongLabel: number;
  notObject: number;
  /** Objects of this class the model missed altogether. */
  missed: number;
  /** correct / predicted; null when nothing was predicted. */
  precision: number | null;
  /** correct / objects of this class on reviewed images (found, mislabelled as another class, or missed). */
  recall: number | null;
}

export interface DayStats {
  /** YYYY-MM-DD in the requested time zone. */
  day: string;
  images: number;
  objects: number;
  correct: number;
  missed: number;
  precision: number | null;
}

export interface ReviewStatistics {
  images: number;
  objects: number;
  correct: number;
  missed: number;
  precision: number | null;
  classes: ClassStats[];
  /** Every non-empty cell, diagonal included; most frequent first. */
  confusion: ConfusionCell[];
  /** Off-diagonal cells only (the model's mistakes), most frequent first. */
  mostConfused: ConfusionCell[];
  days: DayStats[];
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** What each verdict means as a (predicted, actual) pair. */
function outcomes(
  detection: ReviewedDetection,
): { predicted: ClassOrBackground; actual: ClassOrBackground }[] {
  return [
    ...detection.objects.map((o) => ({
      predicted: o.classKey,
      actual: o.verdict === 'correct' ? o.classKey : o.verdict === 'wrong_label' ? o.correctedKey : null,
    })),
    ...detection.missed.map((m) => ({ predicted: null, actual: m.classKey })),
  ];
}

/** The calendar day of `date` in `timeZone` (IANA name), as YYYY-MM-DD. */
export function dayIn(date: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

export function summariseReviews(
  detections: readonly ReviewedDetection[],
  timeZone: string,
): ReviewStatistics {
  const cells = new Map<string, ConfusionCell>();
  const classes = new Map<string, ClassStats>();
  const days = new Map<string, DayStats>();
  const classOf = (key: string) => {
    let stats = classes.get(key);
    if (!stats) {
      stats = {
        key,
        predicted: 0,
        correct: 0,
        wrongLabel: 0,
        notObject: 0,
        missed: 0,
        precision: null,
        recall: null,
      };
      classes.set(key, stats);
    }
    return stats;
  };

  for (const detection of detections) {
    const day = dayIn(detection.detectedAt, timeZone);
    const daily = days.get(day) ?? { day, images: 0, objects: 0, correct: 0, missed: 0, precision: null };
    days.set(day, daily);
    daily.images += 1;
    daily.objects += detection.objects.length;
    daily.correct += detection.objects.filter((o) => o.verdict === 'correct').length;
    daily.missed += detection.missed.length;

    for (const object of detection.objects) {
      const stats = classOf(object.classKey);
      stats.predicted += 1;
      if (object.verdict === 'correct') stats.correct += 1;
      else if (object.verdict === 'wrong_label') stats.wrongLabel += 1;
      else stats.notObject += 1;
    }
    for (const { classKey } of detection.missed) classOf(classKey).missed += 1;
    for (const { predicted, actual } of outcomes(detection)) {
      if (actual !== null) classOf(actual); // a class only ever missed or relabelled to still has a recall
      const id = JSON.stringify([predicted, actual]);
      const cell = cells.get(id) ?? { predicted, actual, count: 0 };
      cell.count += 1;
      cells.set(id, cell);
    }
  }

  const confusion = [...cells.values()].sort(byCountThenKeys);
  const actualTotals = new Map<string, number>();
  for (const cell of confusion) {
    if (cell.actual !== null)
      actualTotals.set(cell.actual, (actualTotals.get(cell.actual) ?? 0) + cell.count);
  }
  for (const stats of classes.values()) {
    stats.precision = ratio(stats.correct, stats.predicted);
    stats.recall = ratio(stats.correct, actualTotals.get(stats.key) ?? 0);
  }
  for (const daily of days.values()) daily.precision = ratio(daily.correct, daily.objects);

  const objects = detections.reduce((n, d) => n + d.objects.length, 0);
  const correct = [...classes.values()].reduce((n, c) => n + c.correct, 0);
  return {
    images: detections.length,
    objects,
    correct,
    missed: detections.reduce((n, d) => n + d.missed.length, 0),
    precision: ratio(correct, objects),
    classes: [...classes.values()].sort(
      (a, b) => b.predicted + b.missed - (a.predicted + a.missed) || a.key.localeCompare(b.key),
    ),
    confusion,
    mostConfused: confusion.filter((cell) => cell.predicted !== cell.actual),
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

function byCountThenKeys(a: ConfusionCell, b: ConfusionCell): number {
  return (
    b.count - a.count ||
    (a.predicted ?? '').localeCompare(b.predicted ?? '') ||
    (a.actual ?? '').localeCompare(b.actual ?? '')
  );
}
