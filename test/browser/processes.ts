// Child processes for the browser tests: started in their own process group (so children of children die
// too), output kept in a log file and a short in-memory tail for failure messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

const TAIL_LINES = 60;
const STOP_GRACE_MS = 10_000;

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** The last lines of output, for error messages. */
  tail(): string;
  stop(): Promise<void>;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logDir: string },
): ManagedProcess {
  mkdirSync(options.logDir, { recursive: true });
  const log = createWriteStream(path.join(options.logDir, `${name}.log`));
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    log.write(text);
    output += text;
    lines.push(...text.split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - TAIL_LINES));
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  const tail = () => lines.join('\n');

  return {
    name,
    child,
    tail,
    waitForOutput(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setInterval(check, 100);
        const deadline = setTimeout(
          () => finish(new Error(`${name}: no ${pattern} within ${timeoutMs} ms\n${tail()}`)),
          timeoutMs,
        );
        void exited.then((code) =>
          finish(new Error(`${name} exited (code ${code}) before printing ${pattern}\n${tail()}`)),
        );
        function check() {
          const match = output.match(pattern);
          if (match) finish(undefined, match);
        }
        function finish(error?: Error, match?: RegExpMatchArray) {
          clearInterval(timer);
          clearTimeout(deadline);
          if (error) reject(error);
          else resolve(match!);
        }
        check();
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      await new Promise((resolve) => log.end(resolve));
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal); // negative pid: the whole process group
  } catch {
    // already gone
  }
}

/** Runs a command to completion, failing with its output tail if it exits non-zero. */
export async function runToCompletion(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logDir: string },
): Promise<void> {
  const managed = startProcess(name, command, args, options);
  const code = await new Promise<number | null>((resolve) => managed.child.once('exit', resolve));
  await managed.stop();
  if (code !== 0) throw new Error(`${name} failed (exit ${code})\n${managed.tail()}`);
}
