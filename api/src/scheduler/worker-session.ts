// Runs a model's session in a worker thread, so inference never blocks the event loop.
//
// Why a worker: onnxruntime-node (1.30) returns a promise from session.run, but resolves it by calling the
// native run synchronously in a setImmediate callback (dist/backend.js), and creates sessions the same way.
// On the main thread every batch would freeze HTTP, timers and deadlines for its whole duration.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ownModuleEntry } from '../runtime/own-module';
import type { HostedCall, HostedReply, WorkerSessionSpec } from './worker-protocol';

const HOST = ownModuleEntry(__dirname, 'worker-host');
// From sources the main thread loads swc's native binding too: otherwise it is unloaded when the first worker
// ends, and the next worker to load it crashes the whole process (segmentation fault), e.g. on reload after an
// eviction.
if (HOST.execArgv.length > 0) createRequire(__filename)('@swc/core');

interface PendingCall {
  worker: Worker;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class WorkerSession<P, O> {
  private worker: Worker | undefined;
  private loaded = false;
  private nextCallId = 0;
  private readonly calls = new Map<number, PendingCall>();

  constructor(private readonly spec: WorkerSessionSpec) {}

  /** Starts the worker and loads the session in it; answers what the hosted load() answered. */
  async load(): Promise<unknown> {
    const loaded = await this.call('load', []);
    this.loaded = true;
    return loaded;
  }

  /** Releases the session, then ends the worker and with it everything else it held (its JavaScript heap). */
  async unload(): Promise<void> {
    this.loaded = false;
    const worker = this.worker;
    if (!worker) return;
    try {
      await this.call('unload', []);
    } finally {
      this.worker = undefined;
      await worker.terminate();
    }
  }

  /**
   * Copies the batch to the worker (not transferred: after an out-of-memory error the same prepared inputs
   * are run again in smaller batches) and the outputs back.
   */
  async run(batch: readonly P[]): Promise<O[]> {
    // A worker that died (e.g. a native abort) is replaced, so one crash does not fail every later batch.
    if (this.loaded && !this.worker) await this.load();
    return (await this.call('run', [batch])) as O[];
  }

  private call(method: HostedCall['method'], args: unknown[]): Promise<unknown> {
    const worker = (this.worker ??= this.start());
    const id = this.nextCallId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { worker, resolve, reject });
      worker.postMessage({ id, method, args } satisfies HostedCall);
    });
  }

  private start(): Worker {
    const worker = new Worker(HOST.file, { workerData: this.spec, execArgv: HOST.execArgv });
    worker.on('message', (reply: HostedReply) => {
      const call = this.calls.get(reply.id);
      this.calls.delete(reply.id);
      if (reply.ok) call?.resolve(reply.value);
      else call?.reject(Object.assign(new Error(reply.message), { name: reply.name }));
    });
    worker.on('error', (error) => this.failCalls(worker, error));
    worker.on('exit', (code) =>
      this.failCalls(worker, new Error(`the inference worker exited (code ${code})`)),
    );
    return worker;
  }

  /** Fails the calls made to `worker` (which died), not those already made to its replacement. */
  private failCalls(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const [id, call] of this.calls) {
      if (call.worker !== worker) continue;
      this.calls.delete(id);
      call.reject(error);
    }
  }
}
