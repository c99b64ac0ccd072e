// What WorkerSession (main thread) and worker-host (worker thread) say to each other: shared by both sides, so
// neither imports the other.

export interface WorkerSessionSpec {
  /** Absolute path of the module (extension optional) that exports the class to host. */
  module: string;
  /** The exported class, constructed in the worker with `args`; it must have load(), unload() and run(batch). */
  exportName: string;
  /** Constructor arguments: plain data, as they are copied into the worker (structured clone). */
  args: unknown[];
}

export interface HostedCall {
  id: number;
  method: 'load' | 'unload' | 'run';
  args: unknown[];
}

export type HostedReply =
  | { id: number; ok: true; value: unknown }
  // Name and message survive, which is what isOutOfMemoryError and the logs need.
  | { id: number; ok: false; name: string; message: string };
