// Opens an onnxruntime session on the first execution provider that loads, in the configured order, ending
// with cpu: a server without the GPU libraries still starts, and says once why it runs on the CPU.
import * as ort from 'onnxruntime-node';
import type { ExecutionProviderName } from '../config';
import type { Precision } from '../../../models/src/repository/manifest';

export interface SessionSettings {
  /** Preference order; cpu is tried last whatever the list says. */
  providers: readonly ExecutionProviderName[];
  /** 0 lets onnxruntime choose (one thread per core). */
  intraOpThreads: number;
  /**
   * Whether onnxruntime's intra-op threads busy-wait for work between kernels (its default). Off, they sleep,
   * leaving the core to image decoding on libuv's threads, which run at the same time.
   */
  spinning?: boolean;
}

export interface OpenedSession {
  session: ort.InferenceSession;
  provider: ExecutionProviderName;
}

// Failures reach us as exceptions, which we summarise in one line; onnxruntime's own native error log would
// repeat each of them as several lines of C++ source paths.
ort.env.logLevel = 'fatal';

/**
 * Session options an artifact's precision needs. int4: onnxruntime has no int4 Conv and keeps the weights'
 * DequantizeLinear for QDQ fusion, widening them on every run (0.6–0.8× fp32); folding them at load runs at
 * fp32 speed, with fp32-sized weights in memory. Never for int8: it would undo its integer convolutions.
 */
export function precisionSessionOptions(precision: Precision | undefined): Record<string, string> {
  return precision === 'int4' ? { disable_quant_qdq: '1' } : {};
}

export async function createSession(
  model: Uint8Array,
  settings: SessionSettings,
  log: (line: string) => void = console.warn,
  precision?: Precision,
): Promise<OpenedSession> {
  const order = [...new Set<ExecutionProviderName>([...settings.providers, 'cpu'])];
  const failures: string[] = [];
  for (const provider of order) {
    try {
      const session = await ort.InferenceSession.create(model, {
        executionProviders: [provider],
        graphOptimizationLevel: 'all',
        extra: {
          session: {
            ...precisionSessionOptions(precision),
            ...(settings.spinning === false ? { intra_op: { allow_spinning: '0' } } : {}),
          },
        },
        ...(settings.intraOpThreads > 0 ? { intraOpNumThreads: settings.intraOpThreads } : {}),
      });
      if (failures.length > 0) {
        log(`[inference] execution provider unavailable, running on ${provider}: ${failures.join('; ')}`);
      }
      return { session, provider };
    } catch (error) {
      if (provider === 'cpu') throw error; // the model itself is at fault: nothing left to fall back to
      failures.push(`${provider}: ${briefReason(error)}`);
    }
  }
  throw new Error('unreachable: cpu is always in the provider order');
}

/** The useful clause of onnxruntime's messages, without source paths and assertion text. */
function briefReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const failed = /Failed to [^\n]*/.exec(message);
  return (failed ? failed[0] : message.split('\n')[0]).slice(0, 160);
}
