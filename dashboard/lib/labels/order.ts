// The order the label editor lists labels in: names an admin should check first (untranslated, then those
// from the dictionary), each group in the set's own order.
import type { LabelFragment, LabelNameSource } from '../graphql/generated/graphql';

const CHECK_FIRST: Partial<Record<LabelNameSource, number>> = { UNTRANSLATED: 0, DICTIONARY: 1 };
const rank = (label: LabelFragment) => CHECK_FIRST[label.nameSource] ?? 2;

export function inCheckingOrder(labels: readonly LabelFragment[]): LabelFragment[] {
  return labels
    .map((label, position) => ({ label, position }))
    .sort((a, b) => rank(a.label) - rank(b.label) || a.position - b.position)
    .map(({ label }) => label);
}

export function toCheck(labels: readonly LabelFragment[]): { untranslated: number; dictionary: number } {
  return {
    untranslated: labels.filter((l) => l.nameSource === 'UNTRANSLATED').length,
    dictionary: labels.filter((l) => l.nameSource === 'DICTIONARY').length,
  };
}
