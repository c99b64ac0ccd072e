// npm run bench:cpu-stages -- <dir of .cpuprofile files> [--last-seconds S] [--images N]
// Where the server's CPU goes per detect, by stage, from the profiles `npm run bench:load -- --cpu-prof <dir>`
// leaves (one per thread: the main thread and each inference worker). With --images (successful detections
// the profiled server answered in those last S seconds of its life, i.e. the load), prints ms per image.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { STAGES, stageTimes, type CpuProfile, type Stage } from './lib/cpu-stages';
import { fixed, markdownTable } from './lib/table';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { images: { type: 'string' }, 'last-seconds': { type: 'string' } },
  });
  const dir = positionals[0];
  if (!dir) throw new Error('usage: npm run bench:cpu-stages -- <dir> [--images N]');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort();
  const total = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const rows: string[][] = [];
  for (const file of files) {
    const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as CpuProfile;
    const times = stageTimes(profile, values['last-seconds'] ? Number(values['last-seconds']) : undefined);
    for (const stage of STAGES) total[stage] += times[stage];
    rows.push([file, ...STAGES.map((s) => fixed(times[s]))]);
  }
  const images = values.images ? Number(values.images) : undefined;
  const sum = STAGES.reduce((n, s) => n + total[s], 0);
  rows.push(['all threads, ms', ...STAGES.map((s) => fixed(total[s]))]);
  rows.push(['share', ...STAGES.map((s) => `${fixed((100 * total[s]) / sum)}%`)]);
  if (images) rows.push(['ms per image', ...STAGES.map((s) => fixed(total[s] / images, 1))]);
  console.log(markdownTable(['profile', ...STAGES], rows));
  if (images) console.log(`\n${fixed(sum / images, 1)} CPU ms per image in all (${images} detections)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
