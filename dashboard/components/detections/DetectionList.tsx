'use client';
import type { DetectedObjectFragment } from '@/lib/graphql/generated/graphql';
import { formatPercent } from '@/lib/format';
import { useI18n } from '@/lib/i18n/client';

/** The found objects as a table, highest score first. */
export function DetectionList({ objects }: { objects: DetectedObjectFragment[] }) {
  const { t } = useI18n();
  const sorted = [...objects].sort((a, b) => b.score - a.score);
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{t.detections.label}</th>
            <th>{t.detections.key}</th>
            <th className="num">{t.detections.score}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((object, index) => (
            <tr key={index}>
              <td>
                <span className="swatch" style={{ background: object.label.color }} />
                {object.label.zh}
              </td>
              <td className="mono muted">{object.label.key}</td>
              <td className="num">{formatPercent(object.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
