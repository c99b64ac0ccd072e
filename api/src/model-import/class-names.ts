// Class names of an imported model: given by the admin (a names.txt or a YOLO data.yaml), or read from the
// `names` the Ultralytics exporter writes into metadata_props as a Python dict literal: "{0: 'person', …}".
import { parse as parseYaml } from 'yaml';
import { ImportRejection } from './rejection';

/** Label keys are at most this long (the label set's key column). */
const MAX_NAME_LENGTH = 64;

/** A Python str literal as repr() writes it, single- or double-quoted, with backslash escapes. */
const ENTRY = /(\d+)\s*:\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g;

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

/** "{0: 'person', 1: 'bicycle'}" → ['person', 'bicycle']; undefined when it is not such a dict. */
export function parseUltralyticsNames(text: string): string[] | undefined {
  const body = text.trim();
  if (!body.startsWith('{') || !body.endsWith('}')) return undefined;
  const names: string[] = [];
  for (const match of body.matchAll(ENTRY)) {
    const index = Number(match[1]);
    if (index !== names.length) return undefined; // class indices must run 0, 1, 2, …
    names.push(match[2].slice(1, -1).replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c));
  }
  // Everything but the entries must be the braces, commas and spaces around them.
  const rest = body.slice(1, -1).replace(ENTRY, '').replace(/[\s,]/g, '');
  return rest === '' ? names : undefined;
}

/** A names file: YOLO data.yaml (`names:` as a list or an index map) or plain text, one name a line. */
export function parseNamesFile(fileName: string, text: string): string[] {
  if (!/\.ya?ml$/i.test(fileName))
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  const document = parseYaml(text) as unknown;
  const names = Array.isArray(document) ? document : (document as { names?: unknown } | null)?.names;
  if (Array.isArray(names)) return names.map(String);
  if (names && typeof names === 'object') {
    const entries = Object.entries(names as Record<string, unknown>).sort(
      ([a], [b]) => Number(a) - Number(b),
    );
    if (entries.every(([key], i) => Number(key) === i)) return entries.map(([, v]) => String(v));
  }
  throw new ImportRejection('INVALID_NAMES', `${fileName} has no names list (names: [..] or names: {0: ..})`);
}

export interface ClassNames {
  names: string[];
  source: 'given' | 'metadata';
}

/** The names the admin gave, else the metadata's; refused when there are none or they cannot be labels. */
export function resolveClassNames(
  given: readonly string[] | undefined,
  metadata: Record<string, string>,
): ClassNames {
  let names: string[];
  let source: ClassNames['source'];
  if (given !== undefined) {
    names = given.map((n) => n.trim());
    source = 'given';
  } else if (metadata.names !== undefined) {
    const parsed = parseUltralyticsNames(metadata.names);
    if (!parsed)
      throw new ImportRejection(
        'INVALID_NAMES',
        'The metadata names is not a {index: name} dict; give the names',
      );
    names = parsed;
    source = 'metadata';
  } else {
    throw new ImportRejection(
      'EMPTY_NAMES',
      'No class names: give them (names.txt or data.yaml), or export with Ultralytics, which records them',
    );
  }
  if (names.length === 0) throw new ImportRejection('EMPTY_NAMES', 'The list of class names is empty');
  const bad = names.find((n) => n === '' || n.length > MAX_NAME_LENGTH);
  if (bad !== undefined)
    throw new ImportRejection('INVALID_NAMES', `Class names must be 1 to ${MAX_NAME_LENGTH} characters`);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined)
    throw new ImportRejection(
      'INVALID_NAMES',
      `Class name "${repeated}" appears twice; label keys must be unique`,
    );
  return { names, source };
}
