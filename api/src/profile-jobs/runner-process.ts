// Starts a benchmark runner in a child process (runner.ts) and follows it: progress lines as they come, then its
// results, or a reason when it fails, is killed or is stopped.
import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../config';
import { ownModuleEntry } from '../runtime/own-module';
import { createInterface } from 'node:readline';
import type { ProfileProgress } from '../profiles/benchmark';
import type { ProfileResult } from '../profiles/result';
import { parseRunnerLine, type RunnerMessage, type RunnerRequest } from './runner-protocol';

const RUNNER = ownModuleEntry(__dirname, 'runner');
/** How much of the runner's stderr a failure quotes (the end of it says what went wrong). */
const STDERR_LINES_QUOTED = 5;

export interface RunningBenchmark {
  /** The runner's results, or an Error saying why there are none. */
  results: Promise<ProfileResult[]>;
  /** Ends the run; `results` then rejects with this reason. */
  stop(reason: string): void;
}

export type StartRunner = (
  request: RunnerRequest,
  onProgress: (progress: ProfileProgress) => void,
) => RunningBenchmark;

export const startRunnerProcess: StartRunner = (request, onProgress) => {
  const child = spawn(process.execPath, [...RUNNER.execArgv, RUNNER.file], { cwd: REPO_ROOT });
  let outcome: Exclude<RunnerMessage, { type: 'progress' }> | undefined;
  let stopReason: string | undefined;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4096);
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = parseRunnerLine(line);
    if (message?.type === 'progress') onProgress({ phase: message.phase, message: message.message });
    else if (message) outcome = message;
  });
  // A runner that dies before reading its request breaks the pipe; 'close' below says why it died.
  child.stdin.on('error', () => undefined).end(JSON.stringify(request));

  const results = new Promise<ProfileResult[]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (stopReason !== undefined) reject(new Error(stopReason));
      else if (outcome?.type === 'results' && code === 0) resolve(outcome.results);
      else if (outcome?.type === 'failed') reject(new Error(outcome.error));
      else
        reject(
          new Error(
            `the benchmark process ${signal ? `was killed (${signal})` : `exited with code ${code}`}${quoted(stderr)}`,
          ),
        );
    });
  });
  return {
    results,
    stop(reason) {
      stopReason ??= reason;
      child.kill('SIGTERM');
    },
  };
};

function quoted(stderr: string): string {
  const lines = stderr.trim().split('\n').slice(-STDERR_LINES_QUOTED);
  return lines[0] ? `: ${lines.join('\n')}` : '';
}
