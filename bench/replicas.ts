// npm run bench:replicas -- [--replicas 1,3] [--concurrency 16] [--seconds 20] [--warmup 5] [--repeats 1]
//   [--size 320] [--server-env KEY=VALUE,…]
// Replicas behind HAProxy (issue 14): closed-loop detect through a real HAProxy with the shipped policy
// (deploy/haproxy) in front of N compiled replicas on one PostgreSQL, each with its own data and models folders
// (test/support/replica-cluster.ts, what the replicas test runs). Prints img/s and accepted p50/p99 per replica
// count (medians over the repeats) and each count's ratio to the first. On one small machine the replicas share
// its cores: the point is that throughput holds and nothing is refused, not that it grows. Asserts nothing.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { compileServer } from '../api/src/server/compiled';
import { startReplicaCluster } from '../test/support/replica-cluster';
import { envPairs, list } from './lib/args';
import { detectBody, measurePoint, type PointResult } from './lib/load-point';
import { loadPhotos } from './lib/photos';
import { createPostgresDatabase } from './lib/postgres-database';
import { BENCH_ADMIN_KEY } from './lib/server-process';
import { median } from '../api/src/statistics/percentile';
import { fixed, markdownTable } from './lib/table';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      replicas: { type: 'string', default: '1,3' },
      concurrency: { type: 'string', default: '16' },
      seconds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '5' },
      repeats: { type: 'string', default: '1' },
      size: { type: 'string', default: '320' },
      'server-env': { type: 'string', default: '' },
    },
  });
  const counts = list(values.replicas).map(Number);
  const concurrency = Number(values.concurrency);
  const bodies = loadPhotos().map((p) => detectBody(p.bytes, Number(values.size)));
  compileServer();
  const results = new Map<number, PointResult[]>(counts.map((n) => [n, []]));
  for (let round = 0; round < Number(values.repeats); round++) {
    for (const replicas of counts) {
      // The machine's cores split between the replicas, as they would be between pods on one node.
      const threads = Math.max(1, Math.floor(os.availableParallelism() / replicas));
      progress(`round ${round + 1}: ${replicas} replica(s), ${threads} inference thread(s) each`);
      const database = await createPostgresDatabase();
      const cluster = await startReplicaCluster({
        replicas,
        databaseUrl: database.url,
        env: {
          WANSHI_ADMIN_KEY: BENCH_ADMIN_KEY,
          WANSHI_INTRA_OP_THREADS: String(threads),
          ...envPairs(values['server-env']),
        },
        readyTimeoutMs: 180_000,
      }).catch(async (error: unknown) => {
        await database.drop();
        throw error;
      });
      try {
        const point = await measurePoint({
          url: cluster.url,
          apiKey: BENCH_ADMIN_KEY,
          pid: cluster.replicas[0].pid,
          bodies,
          concurrency,
          seconds: Number(values.seconds),
          warmUpSeconds: Number(values.warmup),
        });
        results.get(replicas)!.push(point);
        progress(`  ${fixed(point.imagesPerSecond, 1)} img/s, p99 ${fixed(point.ok.p99)} ms`);
      } finally {
        await cluster.stop();
        await database.drop();
      }
    }
  }
  const summary = counts.map((replicas) => {
    const points = results.get(replicas)!;
    return {
      replicas,
      imagesPerSecond: median(points.map((p) => p.imagesPerSecond)),
      p50: median(points.map((p) => p.ok.p50)),
      p99: median(points.map((p) => p.ok.p99)),
      errors: points.flatMap((p) => Object.entries(p.errors).map(([code, n]) => `${code} ${n}`)).join(', '),
    };
  });
  const [first] = summary;
  console.log(
    `\nClosed-loop detect at ${concurrency} through HAProxy, ${values.size} px, ${values.seconds} s measured ` +
      `after ${values.warmup} s, median of ${values.repeats}; ${os.availableParallelism()} cores\n`,
  );
  console.log(
    markdownTable(
      ['replicas', 'img/s', 'p50 ms', 'p99 ms', 'img/s ÷ first', 'p99 ÷ first', 'errors'],
      summary.map((s) => [
        String(s.replicas),
        fixed(s.imagesPerSecond, 1),
        fixed(s.p50),
        fixed(s.p99),
        fixed(s.imagesPerSecond / first.imagesPerSecond, 2),
        fixed(s.p99 / first.p99, 2),
        s.errors || 'none',
      ]),
    ),
  );
}

function progress(line: string): void {
  console.error(`[bench:replicas] ${line}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
