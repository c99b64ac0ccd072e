// The worker-thread side of WorkerSession: constructs the hosted class and answers calls to it, one message each.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { startGcPacer } from '../runtime/gc-pacer';
import type { HostedCall, HostedReply, WorkerSessionSpec } from './worker-protocol';

type Hosted = Record<HostedCall['method'], (...args: unknown[]) => Promise<unknown>>;

if (parentPort) {
  const port = parentPort;
  const spec = workerData as WorkerSessionSpec;
  const HostedClass = createRequire(__filename)(spec.module)[spec.exportName] as new (
    ...args: unknown[]
  ) => Hosted;
  const hosted = new HostedClass(...spec.args);
  startGcPacer(); // each batch leaves megabytes of output tensors outside the worker's heap
  port.on('message', async ({ id, method, args }: HostedCall) => {
    try {
      const value = await hosted[method](...args);
      port.postMessage({ id, ok: true, value } satisfies HostedReply);
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id, ok: false, name, message } satisfies HostedReply);
    }
  });
}
