// Horizontal bars in plain SVG, one per row, each with its value written at the end.
import { linearScale } from './scale';
import styles from './charts.module.css';

export interface Bar {
  id: string;
  label: string;
  value: number;
  color: string;
}

const WIDTH = 520;
const ROW = 24;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 64;

export function BarChart({
  title,
  bars,
  formatValue = String,
}: {
  title: string;
  bars: Bar[];
  formatValue?: (v: number) => string;
}) {
  const height = bars.length * ROW + 8;
  const width = linearScale(
    [0, Math.max(...bars.map((bar) => bar.value), 1)],
    [0, WIDTH - LABEL_WIDTH - VALUE_WIDTH],
  );
  return (
    <figure className={styles.figure}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className={styles.chart} role="img" aria-label={title}>
        {bars.map((bar, index) => {
          const top = index * ROW + 4;
          return (
            <g key={bar.id}>
              <text x={LABEL_WIDTH - 8} y={top + ROW / 2} className={styles.barLabel}>
                {bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={top + 3}
                width={Math.max(1, width(bar.value))}
                height={ROW - 8}
                rx={3}
                fill={bar.color}
              />
              <text x={LABEL_WIDTH + width(bar.value) + 6} y={top + ROW / 2} className={styles.barValue}>
                {formatValue(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
