// Review statistics for a label set: the pure summary (./statistics) with each class key shown as its label.
import type { Principal } from '../auth/roles';
import type { PrismaClient } from '../db/client';
import { requireRole } from '../services/authorization';
import { labelAsShown } from '../services/detections';
import { InputError } from '../services/errors';
import type { LabelService, LabelView } from '../services/labels';
import { loadReviewedDetections, type ReviewFilter } from './reviewed';
import { summariseReviews, type ClassStats, type ConfusionCell, type ReviewStatistics } from './statistics';

export interface ReviewStatsFilter extends ReviewFilter {
  /** IANA time zone the daily trend is bucketed in; default the server's. */
  timeZone?: string | null;
}

export interface LabelledConfusionCell {
  /** null: background (a missed object's prediction, a false positive's truth) */
  predicted: LabelView | null;
  actual: LabelView | null;
  count: number;
}

export interface ReviewStatsView extends Omit<ReviewStatistics, 'classes' | 'confusion' | 'mostConfused'> {
  classes: (ClassStats & { label: LabelView })[];
  confusion: LabelledConfusionCell[];
  mostConfused: LabelledConfusionCell[];
}

function checkTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new InputError(`Unknown time zone ${timeZone}`, { field: 'timeZone' });
  }
}

export class ReviewStatsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly labels: LabelService,
  ) {}

  async statistics(viewer: Principal | null, filter: ReviewStatsFilter): Promise<ReviewStatsView> {
    requireRole(viewer, 'reviewer');
    const timeZone = checkTimeZone(filter.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
    const { labels } = await this.labels.resolveLabelMap(filter.labelSet);
    const stats = summariseReviews(await loadReviewedDetections(this.prisma, filter), timeZone);
    const labelOf = (key: string) => labelAsShown(key, labels.get(key)?.zh ?? key, labels.get(key));
    const labelled = (cell: ConfusionCell): LabelledConfusionCell => ({
      predicted: cell.predicted === null ? null : labelOf(cell.predicted),
      actual: cell.actual === null ? null : labelOf(cell.actual),
      count: cell.count,
    });
    return {
      ...stats,
      classes: stats.classes.map((c) => ({ ...c, label: labelOf(c.key) })),
      confusion: stats.confusion.map(labelled),
      mostConfused: stats.mostConfused.map(labelled),
    };
  }
}
