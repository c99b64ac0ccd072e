#!/usr/bin/env node
// Postinstall patch for @prisma/adapter-pg 6.19.x (prisma/orm#27403): the adapter throws on column types it has
// no mapping for (`name`, `"char"`, ...), which the migration engine reads from the catalog, so `prisma migrate`
// fails with "Column type 'name' could not be deserialized from the database". Mapping unknown types to text, as
// the adapter already does for user-defined types, fixes it. Idempotent; a no-op on versions it does not know.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const MARKER = '/* wanshi: unknown column types as text (prisma/orm#27403) */';
const PATCHED_VERSIONS = /^6\.19\./;

function adapterDir() {
  try {
    // The package's `exports` hide package.json; its main entry lives in dist/.
    return path.resolve(path.dirname(require.resolve('@prisma/adapter-pg')), '..');
  } catch {
    return null; // not installed (e.g. a production install without it): nothing to patch
  }
}

// `throw new UnsupportedNativeDataType(fieldTypeId);` inside fieldToColumnType's default branch, preceded by the
// user-defined-type branch whose `return <enum>.Text;` we reuse.
const THROW_AFTER_TEXT =
  /(if \(fieldTypeId >= FIRST_NORMAL_OBJECT_ID\) \{\s*return ([\w.]+)\.Text;\s*\}\s*)throw new UnsupportedNativeDataType\(fieldTypeId\);/;

function patchFile(file) {
  const source = fs.readFileSync(file, 'utf8');
  if (source.includes(MARKER)) return 'already patched';
  if (!THROW_AFTER_TEXT.test(source)) throw new Error(`${file}: the code to patch was not found`);
  fs.writeFileSync(file, source.replace(THROW_AFTER_TEXT, `$1${MARKER} return $2.Text;`));
  return 'patched';
}

function main() {
  const dir = adapterDir();
  if (!dir) return;
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (!PATCHED_VERSIONS.test(version)) {
    console.warn(`patch-adapter-pg: @prisma/adapter-pg ${version} is not 6.19.x; check prisma/orm#27403, not patched`);
    return;
  }
  for (const name of ['index.js', 'index.mjs']) {
    const file = path.join(dir, 'dist', name);
    console.log(`patch-adapter-pg: ${path.relative(process.cwd(), file)}: ${patchFile(file)}`);
  }
}

main();
