import Link from 'next/link';
import { LabelChips } from '@/components/detections/LabelChips';
import { Thumbnail } from '@/components/detections/Thumbnail';
import { formatDateTime, formatMs } from '@/lib/format';
import type { DetectionFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import styles from './overview.module.css';

export async function RecentDetections({ detections }: { detections: DetectionFragment[] }) {
  const { locale, t } = await getI18n();
  return (
    <ul className={styles.recent}>
      {detections.map((detection) => (
        <li key={detection.id}>
          <Link href={`/history/${detection.id}`} className={styles.recentItem}>
            <Thumbnail sha256={detection.image.sha256} alt={t.detections.objects(detection.objects.length)} />
            <div className="stack" style={{ gap: 4 }}>
              <LabelChips objects={detection.objects} emptyText={t.detections.nothingConfident} />
              <span className="muted">
                {formatDateTime(detection.createdAt, locale)} · {formatMs(detection.timing.totalMs)}
              </span>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
