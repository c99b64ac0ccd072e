'use client';
import { formatMs } from '@/lib/format';
import type { DetectionFragment } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import styles from './try.module.css';

export function TimingSummary({
  detection,
  roundTripMs,
}: {
  detection: DetectionFragment;
  roundTripMs: number;
}) {
  const { t } = useI18n();
  const { timing, model } = detection;
  const items: [string, string][] = [
    [t.tryIt.timing.total, formatMs(timing.totalMs)],
    [t.tryIt.timing.inference, formatMs(timing.inferenceMs)],
    [t.tryIt.timing.queue, formatMs(timing.queueMs)],
    [t.tryIt.timing.batch, String(timing.batchSize)],
    [t.tryIt.timing.roundTrip, formatMs(roundTripMs)],
    [t.tryIt.timing.provider, detection.executionProvider],
    [t.tryIt.timing.model, `${model.name} ${model.version} · ${model.precision} · ${model.inputSize}`],
  ];
  return (
    <dl className={styles.timing} aria-label={t.tryIt.timing.total}>
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
