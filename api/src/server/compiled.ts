// The server as `npm start` runs it: compiled by tsc into build/ (tsconfig.build.json), with the memory settings
// below. Benchmarks and the browser tests start this same server, and a test holds package.json's start script
// to it. Measured with bench:load (320 fp32, concurrency 16 and 64, PGlite): peak RSS 517–625 MB from the
// TypeScript sources through swc, ~530–575 MB compiled, ~460 MB compiled with these settings.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../config';

export const COMPILED_MAIN = path.join(REPO_ROOT, 'build/api/src/server/main.js');

/**
 * Why each: swc's loader alone costs ~110 MB in the main thread and again in the inference worker; glibc
 * gives threads (libuv, libvips, onnxruntime, the worker) an arena each, and its adaptive mmap threshold
 * sends the per-image megabyte buffers into arenas it never returns; V8's 16 MB default semi-spaces let
 * short-lived request objects (and the Buffers they hold) pile up between scavenges; --expose-gc lets the GC
 * pacer (runtime/gc-pacer.ts) collect the Buffers V8 would leave for later.
 */
export const SERVER_RUNTIME = {
  nodeArgs: ['--max-semi-space-size=2', '--expose-gc'],
  env: { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '1048576' },
} as const;

/** Brings build/ up to date with the sources (incremental: a couple of seconds when nothing changed). */
export function compileServer(): void {
  const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`compiling the server failed:\n${result.stdout}${result.stderr}`);
}
