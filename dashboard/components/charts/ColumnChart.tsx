// Stacked columns in plain SVG: one column per category (e.g. a day), one coloured segment per series, a legend.
import { linearScale, niceTicks } from './scale';
import styles from './charts.module.css';

export interface ColumnSeries {
  id: string;
  label: string;
  color: string;
  /** One value per category, in the categories' order. */
  values: number[];
}

const WIDTH = 520;
const HEIGHT = 200;
const LEFT = 40;
const BOTTOM = 22;
const TOP = 8;
/** At most this many category labels under the axis; the others are left out so they do not overlap. */
const MAX_TICKS_X = 8;

export function ColumnChart({
  title,
  categories,
  series,
}: {
  title: string;
  categories: { id: string; label: string }[];
  series: ColumnSeries[];
}) {
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const ticks = niceTicks(0, Math.max(...totals, 1), 4);
  const y = linearScale([0, ticks.at(-1)!], [HEIGHT - BOTTOM, TOP]);
  const slot = (WIDTH - LEFT) / Math.max(categories.length, 1);
  const labelEvery = Math.ceil(categories.length / MAX_TICKS_X);
  return (
    <figure className={styles.figure}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className={styles.chart} role="img" aria-label={title}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} className={styles.grid} />
            <text x={LEFT - 6} y={y(tick)} className={styles.tickY}>
              {tick}
            </text>
          </g>
        ))}
        {categories.map((category, i) => {
          let base = 0;
          return (
            <g key={category.id} data-category={category.id} data-total={totals[i]}>
              {series.map((s) => {
                const value = s.values[i] ?? 0;
                if (value === 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return (
                  <rect
                    key={s.id}
                    x={LEFT + i * slot + slot * 0.15}
                    y={top}
                    width={slot * 0.7}
                    height={Math.max(1, height)}
                    fill={s.color}
                    data-series={s.id}
                    data-value={value}
                  >
                    <title>{`${category.label} · ${s.label}: ${value}`}</title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 && (
                <text x={LEFT + (i + 0.5) * slot} y={HEIGHT - 6} className={styles.tickX}>
                  {category.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend}>
        {series.map((s) => (
          <li key={s.id}>
            <span className={styles.swatch} style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
