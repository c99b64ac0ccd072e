import { describe, expect, it } from 'vitest';
import type { LabelFragment, LabelNameSource } from '../../dashboard/lib/graphql/generated/graphql';
import { inCheckingOrder, toCheck } from '../../dashboard/lib/labels/order';

const label = (key: string, nameSource: LabelNameSource): LabelFragment => ({
  key,
  zh: key,
  aliases: [],
  pinyin: '',
  category: '',
  color: '#000000',
  enabled: true,
  minScore: null,
  nameSource,
  classes: [],
  categories: [],
});

const labels = [
  label('dog', 'CURATED'),
  label('abacus', 'DICTIONARY'),
  label('gizmo', 'UNTRANSLATED'),
  label('cat', 'ADMIN'),
  label('widget', 'UNTRANSLATED'),
  label('plum', 'DICTIONARY'),
];

describe('the label editor’s order', () => {
  it('lists untranslated names first, then dictionary ones, each group in the set’s order', () => {
    expect(inCheckingOrder(labels).map((l) => l.key)).toEqual([
      'gizmo',
      'widget',
      'abacus',
      'plum',
      'dog',
      'cat',
    ]);
  });

  it('counts the names to check', () => {
    expect(toCheck(labels)).toEqual({ untranslated: 2, dictionary: 2 });
  });
});
