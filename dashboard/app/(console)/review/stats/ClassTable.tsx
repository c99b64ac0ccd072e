import { formatPercent } from '@/lib/format';
import type { ReviewStatsFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';

export async function ClassTable({ classes }: { classes: ReviewStatsFragment['classes'] }) {
  const { t } = await getI18n();
  const c = t.reviewStats.columns;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{c.label}</th>
            <th className="num">{c.predicted}</th>
            <th className="num">{c.correct}</th>
            <th className="num">{c.wrongLabel}</th>
            <th className="num">{c.notObject}</th>
            <th className="num">{c.missed}</th>
            <th className="num">{c.precision}</th>
            <th className="num">{c.recall}</th>
          </tr>
        </thead>
        <tbody>
          {classes.map((row) => (
            <tr key={row.label.key}>
              <td>
                <span className="swatch" style={{ background: row.label.color }} />
                {row.label.zh} <span className="muted mono">{row.label.key}</span>
              </td>
              <td className="num">{row.predicted}</td>
              <td className="num">{row.correct}</td>
              <td className="num">{row.wrongLabel}</td>
              <td className="num">{row.notObject}</td>
              <td className="num">{row.missed}</td>
              <td className="num">{formatPercent(row.precision)}</td>
              <td className="num">{formatPercent(row.recall)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
