import Link from 'next/link';
import { DetectionViewer } from '@/components/detections/DetectionViewer';
import { imageUrl } from '@/components/detections/imageUrl';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { ReviewSummary } from '@/components/review/ReviewSummary';
import { requirePage } from '@/lib/auth/viewer';
import { formatDateTime, formatMs, formatProfile } from '@/lib/format';
import { DETECTION } from '@/lib/graphql/documents/detections';
import { tryQuery } from '@/lib/graphql/server';
import { getI18n } from '@/lib/i18n/server';

export default async function DetectionDetailPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage('history');
  const { locale, t } = await getI18n();
  const { id } = await params;
  const result = await tryQuery(DETECTION, { id });
  const detection = result.data?.detection;
  const back = <Link href="/history">← {t.history.back}</Link>;
  // An unknown or malformed id is "not found" to the reader, not an error to retry.
  const missing = result.error?.code === 'NOT_FOUND' || result.error?.code === 'BAD_USER_INPUT';

  if (result.error && !missing) return <ErrorNotice failure={result.error} retry />;
  if (!detection) {
    return (
      <section className="card">
        <EmptyState title={t.history.notFound}>{back}</EmptyState>
      </section>
    );
  }
  const m = t.history.meta;
  return (
    <>
      <PageHeader title={t.history.detailTitle}>{back}</PageHeader>
      <section className="card">
        <DetectionViewer
          src={imageUrl(detection.image.sha256)}
          alt={t.detections.objects(detection.objects.length)}
          width={detection.image.width}
          height={detection.image.height}
          objects={detection.objects}
          floor={0}
        />
      </section>
      <ReviewSummary detectionId={detection.id} />
      <section className="card">
        <dl className="meta">
          <dt>{m.time}</dt>
          <dd>{formatDateTime(detection.createdAt, locale)}</dd>
          <dt>{m.model}</dt>
          <dd>
            {detection.model.name} {detection.model.version} ·{' '}
            {formatProfile(detection.model.precision, detection.model.inputSize)}
          </dd>
          <dt>{m.labelSet}</dt>
          <dd className="mono">
            {detection.labelSet} v{detection.labelSetVersion}
          </dd>
          <dt>{m.timing}</dt>
          <dd>
            {t.tryIt.timing.total} {formatMs(detection.timing.totalMs)} · {t.tryIt.timing.inference}{' '}
            {formatMs(detection.timing.inferenceMs)} · {t.tryIt.timing.queue}{' '}
            {formatMs(detection.timing.queueMs)} · {t.tryIt.timing.batch} {detection.timing.batchSize}
          </dd>
          <dt>{m.provider}</dt>
          <dd className="mono">{detection.executionProvider}</dd>
          <dt>{m.image}</dt>
          <dd>
            {detection.image.width} × {detection.image.height} ·{' '}
            <span className="mono">{detection.image.sha256}</span>
          </dd>
        </dl>
      </section>
    </>
  );
}
