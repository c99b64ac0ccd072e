import type { ConfusionCellFragment, ReviewStatsFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import styles from './stats.module.css';

/** Classes beyond this (by how often they occur) are left out of the table; the pairs list still has them. */
const MAX_CLASSES = 16;
const BACKGROUND = '';

type StatsLabel = NonNullable<ConfusionCellFragment['predicted']>;

/**
 * Predicted (rows) against actual (columns), over the classes that occur in the verdicts, with background for
 * false alarms (column) and missed objects (row). Mistakes are shaded by their count.
 */
export async function ConfusionTable({ confusion }: { confusion: ReviewStatsFragment['confusion'] }) {
  const { t } = await getI18n();
  const s = t.reviewStats;
  const labels = new Map<string, StatsLabel>();
  const volume = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const cell of confusion) {
    for (const label of [cell.predicted, cell.actual]) {
      if (!label) continue;
      labels.set(label.key, label);
      volume.set(label.key, (volume.get(label.key) ?? 0) + cell.count);
    }
    counts.set(`${cell.predicted?.key ?? BACKGROUND}|${cell.actual?.key ?? BACKGROUND}`, cell.count);
  }
  const classes = [...volume.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_CLASSES)
    .map(([key]) => key);
  const axis = [...classes, BACKGROUND];
  const mostMistakes = Math.max(
    1,
    ...confusion.filter((c) => c.predicted?.key !== c.actual?.key).map((c) => c.count),
  );
  const name = (key: string) => (key === BACKGROUND ? s.background : labels.get(key)!.zh);

  return (
    <div className="table-wrap">
      <table className={`data ${styles.confusion}`} data-testid="confusion-table">
        <thead>
          <tr>
            <th scope="col">{s.confusionCorner}</th>
            {axis.map((actual) => (
              <th key={actual} scope="col" className="num">
                {name(actual)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {axis.map((predicted) => (
            <tr key={predicted}>
              <th scope="row">{name(predicted)}</th>
              {axis.map((actual) => {
                const count = counts.get(`${predicted}|${actual}`) ?? 0;
                const mistake = predicted !== actual;
                return (
                  <td
                    key={actual}
                    className={`num ${!mistake && count ? styles.agree : ''}`}
                    style={
                      mistake && count
                        ? { background: `rgb(201 42 42 / ${0.12 + 0.5 * (count / mostMistakes)})` }
                        : undefined
                    }
                    aria-label={`${name(predicted)} → ${name(actual)}: ${count}`}
                  >
                    {count || ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
