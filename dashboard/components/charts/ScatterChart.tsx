// A labelled scatter plot in plain SVG (no chart library): each point a profile, say speed against accuracy.
import { linearScale, niceTicks } from './scale';
import styles from './charts.module.css';

export interface ScatterPoint {
  id: string;
  x: number;
  y: number;
  label: string;
  color: string;
}

interface ScatterChartProps {
  title: string;
  points: ScatterPoint[];
  xLabel: string;
  yLabel: string;
  formatY?: (value: number) => string;
}

const WIDTH = 520;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 24, bottom: 44, left: 56 };

export function ScatterChart({ title, points, xLabel, yLabel, formatY = String }: ScatterChartProps) {
  if (points.length === 0) return null;
  const xTicks = niceTicks(0, Math.max(...points.map((p) => p.x)));
  const yValues = points.map((p) => p.y);
  const yTicks = niceTicks(Math.min(...yValues) * 0.95, Math.max(...yValues) * 1.02);
  const x = linearScale([xTicks[0], xTicks.at(-1)!], [MARGIN.left, WIDTH - MARGIN.right]);
  const y = linearScale([yTicks[0], yTicks.at(-1)!], [HEIGHT - MARGIN.bottom, MARGIN.top]);

  return (
    <figure className={styles.figure}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className={styles.chart} role="img" aria-label={title}>
        {yTicks.map((tick) => (
          <g key={`y${tick}`}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
              className={styles.grid}
            />
            <text x={MARGIN.left - 6} y={y(tick)} className={styles.tickY}>
              {formatY(tick)}
            </text>
          </g>
        ))}
        {xTicks.map((tick) => (
          <text key={`x${tick}`} x={x(tick)} y={HEIGHT - MARGIN.bottom + 16} className={styles.tickX}>
            {tick}
          </text>
        ))}
        <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 6} className={styles.axisLabel}>
          {xLabel}
        </text>
        <text x={12} y={HEIGHT / 2} transform={`rotate(-90 12 ${HEIGHT / 2})`} className={styles.axisLabel}>
          {yLabel}
        </text>
        {points.map((point, index) => (
          <g key={point.id}>
            <circle cx={x(point.x)} cy={y(point.y)} r={5} fill={point.color}>
              <title>{`${point.label}: ${point.x} · ${formatY(point.y)}`}</title>
            </circle>
            {/* Alternate above and below so neighbouring labels stay apart; right-hand labels read leftwards. */}
            <text
              x={x(point.x) + (x(point.x) > WIDTH * 0.7 ? -8 : 8)}
              y={y(point.y) + (index % 2 ? 14 : -6)}
              textAnchor={x(point.x) > WIDTH * 0.7 ? 'end' : 'start'}
              className={styles.pointLabel}
            >
              {point.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
