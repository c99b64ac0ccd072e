// Finds labels the way people look for them: by Chinese name or alias, pinyin (full, toneless or initials)
// or English key.
import type { LabelFragment } from '../graphql/generated/graphql';

/** "xíng rén", "xing2 ren2" and "xing ren" all become ["xing", "ren"]. */
function syllables(pinyin: string): string[] {
  return pinyin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[0-9]/g, '')
    .split(/[\s'-]+/)
    .filter(Boolean);
}

export function labelMatches(label: LabelFragment, rawQuery: string): boolean {
  const query = rawQuery.trim().toLowerCase();
  if (!query) return true;
  if ([label.zh, ...label.aliases].some((name) => name.toLowerCase().includes(query))) return true;
  if (label.key.toLowerCase().includes(query)) return true;

  const compactQuery = syllables(query).join('');
  const parts = syllables(label.pinyin);
  return (
    parts.join('').includes(compactQuery) ||
    parts
      .map((part) => part[0])
      .join('')
      .startsWith(compactQuery)
  );
}
