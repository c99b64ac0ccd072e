import type { LabelCategory } from '../../label-set';

/** A checked Chinese name for one class of a public class list. */
export interface CuratedEntry {
  en: string;
  zh: string;
  aliases: readonly string[];
  category: LabelCategory;
}

/** One public class list's curated names, kept as data. */
export interface CuratedList {
  key: string;
  /** Where the English class names come from. */
  source: string;
  entries: readonly CuratedEntry[];
}

export const entry = (
  en: string,
  zh: string,
  category: LabelCategory,
  aliases: string[] = [],
): CuratedEntry => ({
  en,
  zh,
  aliases,
  category,
});
