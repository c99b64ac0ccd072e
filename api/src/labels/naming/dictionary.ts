// The 4,585-tag English→Chinese dictionary of the Recognize Anything Model (data/SOURCE.md): the fallback for
// class names no curated list has. Read once, on first use.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../../models/src/repo-root';
import { compactName } from './normalise';

export const RAM_DICTIONARY_FILE = path.join(REPO_ROOT, 'api/src/labels/naming/data/ram-tags-en-zh.tsv');

let byCompactName: Map<string, string> | undefined;

/** `english<TAB>中文` lines → Chinese by compact English name; the first of duplicate spellings wins. */
export function parseDictionary(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [en, zh] = line.split('\t').map((part) => part?.trim());
    if (!en || !zh) continue;
    const key = compactName(en);
    if (!map.has(key)) map.set(key, zh);
  }
  return map;
}

/** The dictionary's Chinese for an English name (any spelling normaliseName accepts), or undefined. */
export function dictionaryName(name: string): string | undefined {
  byCompactName ??= parseDictionary(readFileSync(RAM_DICTIONARY_FILE, 'utf8'));
  return byCompactName.get(compactName(name));
}
