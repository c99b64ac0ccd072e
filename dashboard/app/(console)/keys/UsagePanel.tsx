import { ColumnChart } from '@/components/charts/ColumnChart';
import { EmptyState } from '@/components/EmptyState';
import type { UsageDayFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import { usageChart, usageTotals, USAGE_DAYS } from '@/lib/usage';

/** Images per day per key over the last two weeks, and each key's totals. */
export async function UsagePanel({ rows, today }: { rows: UsageDayFragment[]; today: string }) {
  const { t } = await getI18n();
  const u = t.keys.usage;
  const totals = usageTotals(rows);
  if (totals.length === 0) return <EmptyState title={u.empty} />;
  const { categories, series } = usageChart(rows, today, u.others);
  return (
    <div className="stack" data-testid="key-usage">
      <ColumnChart title={u.chartTitle(USAGE_DAYS)} categories={categories} series={series} />
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th>{t.keys.columns.name}</th>
              <th className="num">{u.images}</th>
              <th className="num">{u.detections}</th>
              <th className="num">{u.objects}</th>
              <th className="num">{u.errors}</th>
              <th className="num">{u.rateLimited}</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((key) => (
              <tr key={key.keyId}>
                <td>{key.keyName}</td>
                <td className="num">{key.images}</td>
                <td className="num">{key.detections}</td>
                <td className="num">{key.objects}</td>
                <td className="num">{key.errors}</td>
                <td className="num">{key.rateLimited}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
