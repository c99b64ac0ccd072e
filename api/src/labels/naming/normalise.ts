// The spellings of one class name a person would treat as the same: case, `_`/`-`/`.`/spaces, plural or
// singular head noun, joined words (VOC's `tvmonitor`), `a/b` alternatives and "other …" catch-alls.

/** Lower case, separators as single spaces. "Traffic_Light" → "traffic light". */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key dictionaries are indexed by: normalised, without spaces, so "dining table" meets "diningtable". */
export function compactName(name: string): string {
  return normaliseName(name).replace(/ /g, '');
}

/** "Cabinet/shelf" → ["cabinet", "shelf"]; a name without "/" is its own only alternative. */
export function alternativesOf(name: string): string[] {
  const parts = normaliseName(name)
    .split(/\s*\/\s*|\s+or\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length ? parts : [normaliseName(name)];
}

const IRREGULAR_SINGULAR: Record<string, string> = {
  people: 'person',
  men: 'man',
  women: 'woman',
  children: 'child',
  mice: 'mouse',
  geese: 'goose',
  teeth: 'tooth',
  feet: 'foot',
  knives: 'knife',
  leaves: 'leaf',
  shelves: 'shelf',
  wolves: 'wolf',
  loaves: 'loaf',
};

/** Singular and plural forms of the last word, the name itself first. "skis" → ["skis", "ski"]. */
export function numberForms(name: string): string[] {
  const words = name.split(' ');
  const last = words.at(-1) ?? '';
  const head = words.slice(0, -1);
  const forms = new Set([last]);
  if (IRREGULAR_SINGULAR[last]) forms.add(IRREGULAR_SINGULAR[last]);
  if (last.length > 3) {
    if (last.endsWith('ies')) forms.add(`${last.slice(0, -3)}y`);
    if (/(ches|shes|sses|xes|oes)$/.test(last)) forms.add(last.slice(0, -2));
    if (last.endsWith('s') && !last.endsWith('ss')) forms.add(last.slice(0, -1));
  }
  if (!last.endsWith('s')) forms.add(/(ch|sh|x|s)$/.test(last) ? `${last}es` : `${last}s`);
  return [...forms].map((w) => [...head, w].join(' '));
}

/** "other shoes" → "shoes": Objects365-style catch-all classes, named "其他" + the rest. */
export function withoutOther(name: string): string | null {
  const match = /^others? (.+)$/.exec(name);
  return match ? match[1] : null;
}
