// `npm start` runs the server compiled into build/, the tests run its TypeScript sources: both must find the
// same repository files and agree on which model artifacts are up to date, or each would rebuild the other's.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/config';
import { COMPILED_MAIN, compileServer, SERVER_RUNTIME } from '../../api/src/server/compiled';
import { ownModuleEntry } from '../../api/src/runtime/own-module';

const MODELS_DIR = path.resolve(process.env.WANSHI_MODELS_DIR ?? path.join(REPO_ROOT, 'models'));

beforeAll(() => compileServer(), 120_000);

describe('the compiled server', () => {
  it('finds the repository from build/ and sees the artifacts the sources built as up to date', () => {
    const output = execFileSync(process.execPath, [path.join(REPO_ROOT, 'build/models/src/build.js')], {
      env: { ...process.env, WANSHI_MODELS_DIR: MODELS_DIR },
      encoding: 'utf8',
    });
    const lines = output.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toMatch(/^up to date /);
  });

  it('is what npm start and start:api build and run, with the same memory settings', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const env = Object.entries(SERVER_RUNTIME.env).map(([name, value]) => `${name}=${value}`);
    const node = ['node', ...SERVER_RUNTIME.nodeArgs, path.relative(REPO_ROOT, COMPILED_MAIN)];
    const run = `tsc -p tsconfig.build.json && ${[...env, ...node].join(' ')}`;
    expect(scripts.start).toBe(`${run} --with-dashboard`);
    expect(scripts['start:api']).toBe(run);
  });
});

describe('own modules in child processes and workers', () => {
  it('run from their TypeScript sources through swc when this code runs from sources', () => {
    const entry = ownModuleEntry('/x/y', 'worker-host');
    expect(entry.file).toBe('/x/y/worker-host.ts');
    expect(entry.execArgv).toEqual(['--require', require.resolve('@swc-node/register')]);
  });

  it('run as compiled .js without a loader when this code runs compiled', () => {
    const compiled = path.join(REPO_ROOT, 'build/api/src/runtime/own-module.js');
    const script = `console.log(JSON.stringify(require(${JSON.stringify(compiled)}).ownModuleEntry('/x/y', 'worker-host')))`;
    const entry = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(entry).toEqual({ file: '/x/y/worker-host.js', execArgv: [] });
  });
});
