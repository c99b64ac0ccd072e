// The editable part of a label, and how two versions of it differ. Shared by the table, CSV import and diffs.
import type { Label, LabelEdit } from '../graphql/types';

export const EDIT_FIELDS = ['zh', 'aliases', 'category', 'color', 'enabled', 'minScore'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export function editOf(label: LabelEdit): LabelEdit {
  const { key, zh, aliases, category, color, enabled, minScore } = label;
  return { key, zh, aliases, category, color, enabled, minScore };
}

export function changedFields(before: LabelEdit, after: LabelEdit): EditField[] {
  return EDIT_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** Aliases are typed as one list; accept both ASCII and Chinese separators. */
export function parseAliases(text: string): string[] {
  return text
    .split(/[,，、|]/)
    .map((alias) => alias.trim())
    .filter(Boolean);
}

/** One label version's identity, so UI state tied to it resets when the server's copy changes. */
export function fingerprint(label: Label): string {
  return JSON.stringify(editOf(label));
}

/** A change between two label versions, from the API's diff or from a CSV compared with the draft. */
export interface LabelDelta {
  key: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  before: LabelEdit | null;
  after: LabelEdit | null;
}
