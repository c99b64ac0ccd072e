// Chinese names for any class list: curated lists first (the ones that know most of this list's classes
// before the others, so "mouse" is 鼠标 for COCO), then the RAM dictionary; every spelling normalise.ts
// accepts and every synonym is tried at each step. A class nothing names keeps its English key as its shown
// name, source `untranslated`, for an admin to translate.
import type { LabelCategory } from '../label-set';
import { coloursFor } from './colour';
import { CURATED_LISTS, type CuratedEntry, type CuratedList } from './curated';
import { dictionaryName } from './dictionary';
import { guessCategory } from './guess-category';
import { alternativesOf, compactName, normaliseName, numberForms, withoutOther } from './normalise';
import { pinyinOf } from './pinyin';
import { synonymsOf } from './synonyms';

export const NAME_SOURCES = ['curated', 'dictionary', 'admin', 'untranslated'] as const;
export type NameSource = (typeof NAME_SOURCES)[number];

export interface ClassName {
  key: string;
  zh: string;
  aliases: string[];
  pinyin: string;
  /** A fine category, or '' when none is known. */
  category: LabelCategory | '';
  color: string;
  nameSource: Exclude<NameSource, 'admin'>;
}

interface Found {
  zh: string;
  aliases: readonly string[];
  category: LabelCategory | null;
  source: 'curated' | 'dictionary';
}

type Lookup = (form: string) => Found | undefined;

/** Names for a model's classes, in their order, each with pinyin, category, colour and where the name came from. */
export function nameClasses(
  keys: readonly string[],
  curated: readonly CuratedList[] = CURATED_LISTS,
): ClassName[] {
  const lookups = [...curatedInContext(keys, curated).map(curatedLookup), dictionaryLookup];
  const named = keys.map((key) => ({ key, ...nameOne(key, lookups) }));
  const colours = coloursFor(named);
  return named.map((n, i) => ({ ...n, color: colours[i] }));
}

function nameOne(key: string, lookups: readonly Lookup[]): Omit<ClassName, 'key' | 'color'> {
  // The whole name first: curated lists spell "Wallet/Purse" as one class.
  const alternatives = [...new Set([normaliseName(key), ...alternativesOf(key)])];
  for (const lookup of lookups) {
    const found = alternatives.map((alt) => findIn(lookup, alt)).filter((f) => f !== undefined);
    if (found.length === 0) continue;
    const [best, ...others] = found;
    const aliases = [...best.aliases, ...others.flatMap((o) => [o.zh, ...o.aliases])];
    return {
      zh: best.zh,
      aliases: [...new Set(aliases)].filter((a) => a !== best.zh),
      pinyin: pinyinOf(best.zh),
      category: best.category ?? guessCategory(best.zh) ?? '',
      nameSource: best.source,
    };
  }
  return { zh: key, aliases: [], pinyin: '', category: '', nameSource: 'untranslated' };
}

/** One alternative in one source: its spellings, then their synonyms, then "other X" as 其他 + X. */
function findIn(lookup: Lookup, alternative: string): Found | undefined {
  const spellings = numberForms(alternative);
  const synonyms = spellings.flatMap((s) => synonymsOf(s).flatMap(numberForms));
  for (const form of [...spellings, ...synonyms]) {
    const found = lookup(form);
    if (found) return found;
  }
  const rest = withoutOther(alternative);
  const found = rest === null ? undefined : findIn(lookup, rest);
  return found && { ...found, zh: `其他${found.zh}`, aliases: [] };
}

/** Curated lists ordered by how many of these classes each names as spelled (ties keep CURATED_LISTS order). */
function curatedInContext(keys: readonly string[], lists: readonly CuratedList[]): CuratedList[] {
  const wanted = new Set(keys.map(compactName));
  const share = (list: CuratedList) => list.entries.filter((e) => wanted.has(compactName(e.en))).length;
  return [...lists].sort((a, b) => share(b) - share(a));
}

const curatedIndexes = new Map<string, Map<string, CuratedEntry>>();

function curatedLookup(list: CuratedList): Lookup {
  let index = curatedIndexes.get(list.key);
  if (!index) {
    index = new Map(list.entries.map((e) => [compactName(e.en), e]));
    curatedIndexes.set(list.key, index);
  }
  const entries = index;
  return (form) => {
    const e = entries.get(compactName(form));
    return e && { zh: e.zh, aliases: e.aliases, category: e.category, source: 'curated' };
  };
}

function dictionaryLookup(form: string): Found | undefined {
  const zh = dictionaryName(normaliseName(form));
  return zh === undefined ? undefined : { zh, aliases: [], category: null, source: 'dictionary' };
}
