// One measured point: closed-loop detect requests at one concurrency against a running server, summarised.
import { runClosedLoop, type Sample } from './closed-loop';
import { GraphQLClient } from './graphql-client';
import { runOpenLoop } from './open-loop';
import { readProcessCpuMs } from './process-cpu';
import { RssSampler } from './rss-sampler';
import { percentile } from '../../api/src/statistics/percentile';

export const DETECT = /* GraphQL */ `
  mutation Detect($input: DetectInput!) {
    detect(input: $input) {
      id
      objects {
        label {
          key
          zh
        }
        score
        box {
          x
          y
          width
          height
        }
      }
      timing {
        queueMs
        inferenceMs
        totalMs
        batchSize
      }
    }
  }
`;

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface PointResult {
  concurrency: number;
  /** Successful detections per second. */
  imagesPerSecond: number;
  ok: LatencySummary;
  /** Requests answered OVERLOADED: how quickly excess load is turned away. */
  rejected: LatencySummary;
  /** Count per extensions.code (transport failures as HTTP_<status> or NETWORK). */
  errors: Record<string, number>;
  peakRssMB: number;
  /** Server CPU (all threads) per successful image over the measured time. */
  cpuMsPerImage: number;
}

export interface PointOptions {
  url: string;
  apiKey: string;
  pid: number;
  /** Prepared request bodies, sent round-robin. */
  bodies: readonly Buffer[];
  concurrency: number;
  seconds: number;
  warmUpSeconds: number;
  /** Open loop at this many requests per second instead (concurrency then only caps the sockets). */
  rate?: number;
}

export async function measurePoint(options: PointOptions): Promise<PointResult> {
  const { bodies, concurrency } = options;
  const client = new GraphQLClient(options.url, options.apiKey, concurrency);
  const rss = new RssSampler(options.pid);
  let sent = 0;
  const cpuAt: number[] = [];
  const readCpuAfter = (seconds: number) =>
    setTimeout(() => cpuAt.push(readProcessCpuMs(options.pid)), seconds * 1000);
  const cpuTimers = [
    readCpuAfter(options.warmUpSeconds),
    readCpuAfter(options.warmUpSeconds + options.seconds),
  ];
  try {
    const timing = { seconds: options.seconds, warmUpSeconds: options.warmUpSeconds };
    const send = () => client.send(bodies[sent++ % bodies.length]);
    const { samples, seconds } =
      options.rate === undefined
        ? await runClosedLoop({ concurrency, ...timing, send })
        : await runOpenLoop({ rate: options.rate, ...timing, send });
    const ok = samples.filter((s) => s.errorCode === undefined);
    return {
      concurrency,
      imagesPerSecond: ok.length / seconds,
      ok: summarise(ok),
      rejected: summarise(samples.filter((s) => s.errorCode === 'OVERLOADED')),
      errors: countErrors(samples),
      peakRssMB: rss.peakMB(),
      cpuMsPerImage: (cpuAt[1] - cpuAt[0]) / ok.length,
    };
  } finally {
    cpuTimers.forEach(clearTimeout);
    rss.stop();
    client.close();
  }
}

export function detectBody(photo: Buffer, inputSize: number, precision = 'fp32'): Buffer {
  return GraphQLClient.body(DETECT, {
    input: { imageBase64: photo.toString('base64'), inputSize, precision: precision.toUpperCase() },
  });
}

function summarise(samples: readonly Sample[]): LatencySummary {
  const ms = samples.map((s) => s.ms);
  return { count: ms.length, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), p99: percentile(ms, 0.99) };
}

function countErrors(samples: readonly Sample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { errorCode } of samples) if (errorCode) counts[errorCode] = (counts[errorCode] ?? 0) + 1;
  return counts;
}
