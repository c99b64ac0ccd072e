// Where the repository is, whether this code runs from its TypeScript sources or compiled into build/: the
// nearest folder above this file with a package.json (build/ has none). Paths to data, migrations, the dashboard
// and the model sources all start here, never from __dirname, so both ways of running see the same files.
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);

/** The model code's sources: what artifact fingerprints hash, so compiled and TypeScript runs agree. */
export const MODELS_SOURCE_DIR = path.join(REPO_ROOT, 'models/src');
