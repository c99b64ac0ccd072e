import Link from 'next/link';
import { LabelChips } from '@/components/detections/LabelChips';
import { Thumbnail } from '@/components/detections/Thumbnail';
import { formatDateTime, formatMs, formatProfile } from '@/lib/format';
import type { DetectionFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';

export async function HistoryTable({ detections }: { detections: DetectionFragment[] }) {
  const { locale, t } = await getI18n();
  const c = t.history.columns;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{c.photo}</th>
            <th>{c.time}</th>
            <th>{c.labels}</th>
            <th>{c.model}</th>
            <th className="num">{c.duration}</th>
          </tr>
        </thead>
        <tbody>
          {detections.map((detection) => (
            <tr key={detection.id}>
              <td>
                <Link href={`/history/${detection.id}`}>
                  <Thumbnail
                    sha256={detection.image.sha256}
                    alt={t.detections.objects(detection.objects.length)}
                  />
                </Link>
              </td>
              <td className="nowrap">
                <Link href={`/history/${detection.id}`}>{formatDateTime(detection.createdAt, locale)}</Link>
              </td>
              <td>
                <LabelChips objects={detection.objects} emptyText={t.detections.nothingConfident} />
              </td>
              <td className="nowrap">
                {detection.model.name} {detection.model.version}
                <div className="muted">
                  {formatProfile(detection.model.precision, detection.model.inputSize)}
                </div>
              </td>
              <td className="num">{formatMs(detection.timing.totalMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
