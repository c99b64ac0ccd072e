// The compiled server in a child process, as `npm start` runs it, on a data directory (and database) the test
// keeps across restarts, so it can be killed like a crashed or stopped production process.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../../api/src/config';
import { COMPILED_MAIN, SERVER_RUNTIME } from '../../api/src/server/compiled';

export interface ServerChild {
  url: string;
  pid: number;
  /** stdout and stderr so far. */
  log(): string;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | NodeJS.Signals>;
  kill(signal: NodeJS.Signals): void;
}

export async function startServerChild(
  env: Record<string, string>,
  readyTimeoutMs: number,
): Promise<ServerChild> {
  const child = spawn(process.execPath, [...SERVER_RUNTIME.nodeArgs, COMPILED_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...SERVER_RUNTIME.env,
      WANSHI_HOST: '127.0.0.1',
      PORT: '0',
      WANSHI_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code ?? 0)),
  );
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    // Port 0: the server says which port it got.
    const url = /listening on (http:\/\/[\d.:]+)\/graphql/.exec(output)?.[1];
    const ready =
      url &&
      (await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      ));
    if (url && ready) return { url, pid: child.pid!, log: () => output, exited, kill: (s) => child.kill(s) };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not get ready within ${readyTimeoutMs} ms:\n${output.slice(-3000)}`);
}
