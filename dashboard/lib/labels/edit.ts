// The editable part of a label, and how two versions of it differ. Shared by the table, CSV import and diffs.
import type { LabelChangeFragment, LabelFragment } from '../graphql/generated/graphql';
import type { LabelChangeKind } from '../graphql/types';

/** The editable fields of a label, as `updateLabel` takes them. */
export type LabelEdit = Pick<
  LabelFragment,
  'key' | 'zh' | 'aliases' | 'category' | 'color' | 'enabled' | 'minScore'
>;

/** Which model classes a label shows, as `updateLabel` takes it (not in the CSV: it is per model). */
export type LabelMapping = Pick<LabelFragment, 'classes' | 'categories'>;

export const EDIT_FIELDS = ['zh', 'aliases', 'category', 'color', 'enabled', 'minScore'] as const;
/** Compared only where both sides have them: the API's labels and diffs do, a CSV row does not. */
export const MAPPING_FIELDS = ['classes', 'categories'] as const;
export type EditField = (typeof EDIT_FIELDS)[number] | (typeof MAPPING_FIELDS)[number];

/** A label as two versions of it are compared: its editable fields, and its mapping where known. */
export type ComparedLabel = LabelEdit & Partial<LabelMapping>;

export function editOf(label: LabelEdit): LabelEdit {
  const { key, zh, aliases, category, color, enabled, minScore } = label;
  return { key, zh, aliases, category, color, enabled, minScore };
}

export function changedFields(before: ComparedLabel, after: ComparedLabel): EditField[] {
  return [...EDIT_FIELDS, ...MAPPING_FIELDS].filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
}

/** Lists typed into one input (aliases, class keys, categories); accept both ASCII and Chinese separators. */
export function parseList(text: string): string[] {
  return text
    .split(/[,，、|]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** One label version's identity, so UI state tied to it resets when the server's copy changes. */
export function fingerprint(label: LabelFragment): string {
  return JSON.stringify({ ...editOf(label), classes: label.classes, categories: label.categories });
}

/** A change between two label versions, from the API's diff or from a CSV compared with the draft. */
export interface LabelDelta {
  key: string;
  change: LabelChangeKind;
  before: ComparedLabel | null;
  after: ComparedLabel | null;
}

/** The API's diff as deltas: its `change` is a plain String that holds one of the three kinds. */
export function deltasOf(changes: LabelChangeFragment[]): LabelDelta[] {
  return changes.map((change) => ({ ...change, change: change.change as LabelChangeKind }));
}
