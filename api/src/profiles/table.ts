// The profile comparison as a Markdown table, laid out like the seed article's (precision, size, batch,
// images/s, memory, mAP) plus what lets a reader judge a profile: latency, file size, Δ vs fp32, agreement, flags.
import type { ProfileResult } from './result';

const HEADER = [
  'precision',
  'size',
  'batch',
  'images/s',
  '× fp32',
  'p50 ms',
  'p95 ms',
  'memory MB',
  'file MB',
  'mAP',
  'mAP50',
  'Δ mAP',
  'agreement',
  'flags',
];

export function profileTable(results: readonly ProfileResult[]): string {
  const rows = results.map((r) => [
    r.precision,
    String(r.inputSize),
    String(r.batchSize),
    r.imagesPerSecond.toFixed(1),
    r.precision === 'fp32' || r.speedupVsFp32 === undefined ? '—' : `${r.speedupVsFp32.toFixed(2)}×`,
    r.latencyP50Ms.toFixed(1),
    r.latencyP95Ms.toFixed(1),
    r.memoryMB.toFixed(0),
    (r.fileBytes / 1e6).toFixed(2),
    (r.mAP * 100).toFixed(2),
    (r.mAP50 * 100).toFixed(2),
    r.precision === 'fp32' ? '—' : signed(r.deltaMAP),
    `${(r.agreement * 100).toFixed(1)}%`,
    r.flags.join('; ') || '—',
  ]);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const first = results[0];
  const where = first
    ? `${first.provider} on ${first.machine.cpuModel} (${first.machine.cores} cores), ${first.measuredAt}`
    : 'no results';
  return [where, '', line(HEADER), line(HEADER.map(() => '---')), ...rows.map(line)].join('\n');
}

const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
