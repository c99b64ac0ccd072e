// Runs one of the CLIs as a user would (a child process), capturing its output and exit code.
import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  script: 'detect' | 'eval' | 'import-model',
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', path.join(ROOT, 'api/src/cli', `${script}.ts`), ...args],
      { cwd: ROOT, env: { ...process.env, WANSHI_INTRA_OP_THREADS: '2', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
