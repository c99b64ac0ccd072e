// The load results as a PNG: per photo size, images/s and p99 latency against concurrency, one line per
// precision and database, the plain-loop ceiling dashed. Drawn as SVG here and rendered by sharp (librsvg),
// so charting adds no dependency.
import sharp from 'sharp';

export interface ChartSeries {
  name: string;
  colour: string;
  /** Dashed: a reference line (the ceiling), not a measured curve. */
  dashed?: boolean;
  points: { x: number; y: number }[];
}

export interface ChartPanel {
  title: string;
  yLabel: string;
  series: ChartSeries[];
}

const PANEL_W = 360;
const PANEL_H = 240;
const MARGIN = { left: 56, right: 12, top: 28, bottom: 40 };
const LEGEND_H = 90;

export const SERIES_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Panels in `columns` columns; x is concurrency, spaced evenly by its order (1, 4, 16, 64). */
export function chartSvg(title: string, panels: readonly ChartPanel[], columns: number): string {
  const rows = Math.ceil(panels.length / columns);
  const width = columns * PANEL_W;
  const height = 30 + rows * PANEL_H + LEGEND_H;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${escape(title)}</text>`,
  ];
  panels.forEach((panel, i) => {
    const left = (i % columns) * PANEL_W;
    const top = 30 + Math.floor(i / columns) * PANEL_H;
    parts.push(panelSvg(panel, left, top));
  });
  const names = [...new Map(panels.flatMap((p) => p.series).map((s) => [s.name, s])).values()];
  names.forEach((s, i) => {
    const x = 20 + (i % 3) * (width / 3);
    const y = 30 + rows * PANEL_H + 20 + Math.floor(i / 3) * 18;
    parts.push(
      `<line x1="${x}" y1="${y - 4}" x2="${x + 24}" y2="${y - 4}" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,3"' : ''}/>`,
      `<text x="${x + 30}" y="${y}">${escape(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function panelSvg(panel: ChartPanel, left: number, top: number): string {
  const xs = [...new Set(panel.series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const ys = panel.series.flatMap((s) => s.points.map((p) => p.y)).filter(Number.isFinite);
  const yMax = niceCeiling(Math.max(1, ...ys));
  const plotW = PANEL_W - MARGIN.left - MARGIN.right;
  const plotH = PANEL_H - MARGIN.top - MARGIN.bottom;
  const x0 = left + MARGIN.left;
  const y0 = top + MARGIN.top;
  const xAt = (x: number) => x0 + (xs.length > 1 ? (xs.indexOf(x) / (xs.length - 1)) * plotW : plotW / 2);
  const yAt = (y: number) => y0 + plotH - (y / yMax) * plotH;
  const out = [
    `<text x="${left + PANEL_W / 2}" y="${top + 16}" text-anchor="middle" font-size="12">${escape(panel.title)}</text>`,
    `<rect x="${x0}" y="${y0}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
    `<text x="${left + 14}" y="${y0 + plotH / 2}" text-anchor="middle" transform="rotate(-90 ${left + 14} ${y0 + plotH / 2})">${escape(panel.yLabel)}</text>`,
    `<text x="${x0 + plotW / 2}" y="${y0 + plotH + 32}" text-anchor="middle">concurrency</text>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const value = (yMax * k) / 4;
    out.push(
      `<line x1="${x0}" y1="${yAt(value)}" x2="${x0 + plotW}" y2="${yAt(value)}" stroke="#eee"/>`,
      `<text x="${x0 - 4}" y="${yAt(value) + 4}" text-anchor="end">${formatTick(value)}</text>`,
    );
  }
  for (const x of xs) out.push(`<text x="${xAt(x)}" y="${y0 + plotH + 16}" text-anchor="middle">${x}</text>`);
  for (const s of panel.series) {
    const points = s.points.filter((p) => Number.isFinite(p.y) && xs.includes(p.x));
    if (points.length === 0) continue;
    const path = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${xAt(p.x).toFixed(1)},${yAt(p.y).toFixed(1)}`);
    out.push(
      `<path d="${path.join(' ')}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,3"' : ''}/>`,
      ...points.map((p) => `<circle cx="${xAt(p.x)}" cy="${yAt(p.y)}" r="2.5" fill="${s.colour}"/>`),
    );
  }
  return out.join('\n');
}

/** 1, 2 or 5 times a power of ten, at least `value`. */
export function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((m) => m * power >= value) ?? 10) * power;
}

const formatTick = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(value % 1 ? 1 : 0));

export async function writeChartPng(svg: string, file: string): Promise<void> {
  await sharp(Buffer.from(svg)).png().toFile(file);
}
