// npm run bench:naming — how many classes of public class lists get a Chinese name automatically, by source.
// Each list is named twice: with every curated list Wanshi ships, and without that list's own curated names
// (what a list nobody curated gets from the other lists and the dictionary alone). Writes JSON to bench/results/.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CURATED_LISTS } from '../../api/src/labels/naming/curated';
import { nameClasses, type ClassName } from '../../api/src/labels/naming/name-classes';
import { markdownTable } from '../lib/table';

const LISTS = [
  { file: 'coco80.txt', curated: 'coco80' },
  { file: 'voc20.txt', curated: 'voc20' },
  { file: 'visdrone10.txt', curated: 'visdrone' },
  { file: 'objects365.txt', curated: 'objects365' },
];

const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

function row(list: string, variant: string, names: ClassName[]) {
  const count = (source: string) => names.filter((n) => n.nameSource === source).length;
  const named = names.length - count('untranslated');
  return {
    list,
    variant,
    classes: names.length,
    curated: count('curated'),
    dictionary: count('dictionary'),
    untranslated: count('untranslated'),
    namedShare: named / names.length,
    untranslatedKeys: names.filter((n) => n.nameSource === 'untranslated').map((n) => n.key),
  };
}

async function main(): Promise<void> {
  const rows = [];
  for (const { file, curated } of LISTS) {
    const keys = (await readFile(path.join(__dirname, 'class-lists', file), 'utf8')).trim().split('\n');
    const others = CURATED_LISTS.filter((l) => l.key !== curated);
    rows.push(row(file, 'all curated lists', nameClasses(keys)));
    rows.push(row(file, `without ${curated}`, nameClasses(keys, others)));
  }
  console.log(
    markdownTable(
      ['class list', 'naming with', 'classes', 'curated', 'dictionary', 'untranslated', 'named'],
      rows.map((r) => [
        r.list,
        r.variant,
        String(r.classes),
        percent(r.curated, r.classes),
        percent(r.dictionary, r.classes),
        percent(r.untranslated, r.classes),
        percent(r.classes - r.untranslated, r.classes),
      ]),
    ),
  );
  for (const r of rows.filter((r) => r.untranslated > 0))
    console.log(`\n${r.list} (${r.variant}) untranslated: ${r.untranslatedKeys.join(', ')}`);
  const out = path.join(
    __dirname,
    '..',
    'results',
    `naming-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(rows, null, 2));
  console.log(`\n(${out})`);
}

void main();
