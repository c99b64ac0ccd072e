// Log lines as an operator's collector sees them: JSON on stdout (debug, info) and stderr (warn, error), at the
// configured level in worker threads too, errors with their stack and cause, lines of a request with its id.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

interface Line {
  level: string;
  scope: string;
  msg: string;
  requestId?: string;
  thread?: number;
  err?: { message: string; stack: string; cause?: { message: string } };
}

const FIXTURE = path.join(__dirname, 'fixtures/log-lines.ts');
const SWC = createRequire(__filename).resolve('@swc-node/register');

function run(level: string): { stdout: Line[]; stderr: Line[] } {
  const result = spawnSync(process.execPath, ['--require', SWC, FIXTURE, level], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the fixture failed:\n${result.stderr}`);
  const parse = (text: string) =>
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line);
  return { stdout: parse(result.stdout), stderr: parse(result.stderr) };
}

const messages = (lines: Line[], scope: string) => lines.filter((l) => l.scope === scope).map((l) => l.msg);

describe('logger', () => {
  let atWarn: ReturnType<typeof run>;
  let atDebug: ReturnType<typeof run>;
  beforeAll(() => {
    atWarn = run('warn');
    atDebug = run('debug');
  }, 60_000);

  it('logs in a worker thread at the level the main thread set', () => {
    expect(messages([...atWarn.stdout, ...atWarn.stderr], 'worker')).toEqual(['worker warn', 'worker error']);
    expect(messages([...atDebug.stdout, ...atDebug.stderr], 'worker')).toEqual([
      'worker debug',
      'worker info',
      'worker warn',
      'worker error',
    ]);
    expect(atDebug.stdout.find((l) => l.msg === 'worker debug')?.thread).toBeGreaterThan(0);
  });

  it('writes debug and info to stdout, warn and error to stderr, each once', () => {
    expect(messages(atDebug.stdout, 'main')).toEqual(['main info']);
    expect(messages(atDebug.stderr, 'main')).toEqual(['inside a request', 'export failed']);
    expect(messages(atWarn.stdout, 'main')).toEqual([]);
  });

  it('logs an error with its stack and its cause', () => {
    const line = atWarn.stderr.find((l) => l.msg === 'export failed')!;
    expect(line.level).toBe('error');
    expect(line.err?.message).toBe('disk full');
    expect(line.err?.stack).toMatch(/^Error: disk full\n\s+at /);
    expect(line.err?.cause?.message).toBe('ENOSPC on /data');
  });

  it('marks a line written while serving a request with its id, and only that line', () => {
    expect(atWarn.stderr.filter((l) => l.requestId).map((l) => [l.msg, l.requestId])).toEqual([
      ['inside a request', 'req-42'],
    ]);
  });
});
