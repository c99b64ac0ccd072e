// How to start one of our own modules in a child process or worker thread. Compiled (npm start runs build/),
// that is its .js next to the caller's; from TypeScript sources (tests, npm scripts), its .ts through swc's
// loader, which the new process or thread must load itself.
import { createRequire } from 'node:module';
import path from 'node:path';

const FROM_SOURCES = __filename.endsWith('.ts');

export interface OwnModuleEntry {
  /** Absolute path of the module file to run. */
  file: string;
  /** Node arguments the process or worker needs to run it (swc's loader from sources, none when compiled). */
  execArgv: string[];
}

/** The entry for module `name` (no extension) in folder `dir` of the caller, as this process runs its code. */
export function ownModuleEntry(dir: string, name: string): OwnModuleEntry {
  if (!FROM_SOURCES) return { file: path.join(dir, `${name}.js`), execArgv: [] };
  const swcRegister = createRequire(__filename).resolve('@swc-node/register');
  return { file: path.join(dir, `${name}.ts`), execArgv: ['--require', swcRegister] };
}
