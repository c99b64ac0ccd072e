// Session memory and kernels of one artifact, measured in a child process (see session-probe-worker.ts):
// in this process, earlier sessions' allocations would blur any RSS difference.
import { fork } from 'node:child_process';
import { ownModuleEntry } from '../runtime/own-module';
import type { ExecutionProviderName } from '../config';
import type { Precision } from '../../../models/src/repository/manifest';
import type { KernelSummary } from './kernels';

export interface SessionProbeRequest {
  file: string;
  provider: ExecutionProviderName;
  intraOpThreads: number;
  /** Opens the session as serving does for this precision (see precisionSessionOptions). */
  precision: Precision;
  /** Shape of the one run made before reading memory (the largest batch measured). */
  inputDims: number[];
}

export interface SessionProbeResult {
  /** Resident memory gained by creating the session and running it once. */
  memoryMB: number;
  kernels: KernelSummary;
}

export function probeSession(request: SessionProbeRequest): Promise<SessionProbeResult> {
  return new Promise((resolve, reject) => {
    const probe = ownModuleEntry(__dirname, 'session-probe-worker');
    const child = fork(probe.file, [JSON.stringify(request)], {
      execArgv: probe.execArgv,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let result: SessionProbeResult | undefined;
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('message', (message) => (result = message as SessionProbeResult));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) resolve(result);
      else
        reject(
          new Error(
            `session probe of ${request.file} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`,
          ),
        );
    });
  });
}
