import { BarChart } from '@/components/charts/BarChart';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { StatCard } from '@/components/StatCard';
import { requirePage } from '@/lib/auth/viewer';
import { formatPercent } from '@/lib/format';
import { LABEL_SETS } from '@/lib/graphql/documents/labels';
import { chooseLabelSet } from '@/lib/labels/default-set';
import { REVIEW_STATS } from '@/lib/graphql/documents/review';
import { tryQuery } from '@/lib/graphql/server';
import type { LabelSetSummaryFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import { ClassTable } from './ClassTable';
import { ConfusionTable } from './ConfusionTable';
import { exportHref, periodOf, type StatsSearchParams } from './filters';
import styles from './stats.module.css';

const EXPORT_FORMATS = ['yolo.zip', 'coco.zip', 'coco.json'] as const;
const MOST_CONFUSED_SHOWN = 10;
/** The console's accent (--accent): SVG fill attributes cannot read CSS variables. */
const TREND_COLOUR = '#c2410c';

export default async function ReviewStatsPage({
  searchParams,
}: {
  searchParams: Promise<StatsSearchParams>;
}) {
  await requirePage('reviewStats');
  const { t } = await getI18n();
  const s = t.reviewStats;
  const params = await searchParams;
  const sets = await tryQuery(LABEL_SETS);
  if (sets.error) return <ErrorNotice failure={sets.error} retry />;
  const labelSet = (await chooseLabelSet(sets.data.labelSets, params.labelSet))?.key;
  const result = labelSet ? await tryQuery(REVIEW_STATS, { labelSet, ...periodOf(params) }) : null;
  const stats = result?.data?.reviewStats;

  return (
    <>
      <PageHeader title={s.title} description={s.description} />
      <StatsFilters sets={sets.data.labelSets} labelSet={labelSet} params={params} />
      {result?.error && <ErrorNotice failure={result.error} retry />}
      {stats && stats.images === 0 && (
        <section className="card">
          <EmptyState title={s.empty} />
        </section>
      )}
      {stats && stats.images > 0 && labelSet && (
        <>
          <div className="stats">
            <StatCard label={s.images} value={stats.images} />
            <StatCard label={s.objects} value={stats.objects} />
            <StatCard label={s.precision} value={formatPercent(stats.precision, 1)} />
            <StatCard label={s.missed} value={stats.missed} />
          </div>
          <section className="card stack">
            <h2>{s.confusion}</h2>
            <p className="muted">{s.confusionHint}</p>
            <ConfusionTable confusion={stats.confusion} />
          </section>
          <div className={styles.columns}>
            <section className="card stack">
              <h2>{s.mostConfused}</h2>
              <table className="data">
                <thead>
                  <tr>
                    <th>{s.pair}</th>
                    <th className="num">{s.count}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.mostConfused.slice(0, MOST_CONFUSED_SHOWN).map((cell) => (
                    <tr key={`${cell.predicted?.key}|${cell.actual?.key}`}>
                      <td>
                        {cell.predicted?.zh ?? s.background} → {cell.actual?.zh ?? s.background}
                      </td>
                      <td className="num">{cell.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="card">
              <BarChart
                title={s.trend}
                bars={stats.days.map((day) => ({
                  id: day.day,
                  label: day.day,
                  value: day.precision ?? 0,
                  color: TREND_COLOUR,
                }))}
                formatValue={(value) => formatPercent(value)}
              />
            </section>
          </div>
          <section className="card stack">
            <h2>{s.classes}</h2>
            <ClassTable classes={stats.classes} />
          </section>
        </>
      )}
      {labelSet && (
        <section className="card stack">
          <h2>{s.export}</h2>
          <p className="muted">{s.exportHint}</p>
          <div className="toolbar">
            {EXPORT_FORMATS.map((format) => (
              <a key={format} className="button" href={exportHref(format, labelSet, params)} download>
                {s.exportFormats[format]}
              </a>
            ))}
          </div>
        </section>
      )}
    </>
  );
}

/** A plain GET form, like History's: the view lands in the URL. */
async function StatsFilters({
  sets,
  labelSet,
  params,
}: {
  sets: LabelSetSummaryFragment[];
  labelSet: string | undefined;
  params: StatsSearchParams;
}) {
  const { t } = await getI18n();
  const s = t.reviewStats;
  return (
    <form method="get" action="/review/stats" className="card row" style={{ alignItems: 'flex-end' }}>
      <label className="field">
        {s.labelSet}
        <select name="labelSet" defaultValue={labelSet}>
          {sets.map((set) => (
            <option key={set.key} value={set.key}>
              {set.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {s.from}
        <input type="date" name="from" defaultValue={params.from} />
      </label>
      <label className="field">
        {s.to}
        <input type="date" name="to" defaultValue={params.to} />
      </label>
      <button type="submit" className="button primary">
        {s.apply}
      </button>
    </form>
  );
}
