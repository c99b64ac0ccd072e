import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COCO_ZH } from '../../api/src/labels/coco-zh';
import { LABEL_CATEGORIES } from '../../api/src/labels/label-set';
import { COCO64 } from '../evaluation/coco64';

const classesTxt = readFileSync(path.join(COCO64, 'classes.txt'), 'utf8').trim().split('\n');
const labels = COCO_ZH.labels;

describe('COCO Chinese label set', () => {
  it('has one label per COCO class, keyed by class name in class-index order', () => {
    expect(labels.map((l) => l.key)).toEqual(classesTxt);
    expect(new Set(labels.map((l) => l.key)).size).toBe(80);
  });

  it('gives every class its own Chinese name', () => {
    expect(new Set(labels.map((l) => l.zh)).size).toBe(80);
    for (const label of labels) expect(label.zh).toMatch(/^\p{Script=Han}+$/u);
  });

  it('names the usual ones as a Chinese speaker would', () => {
    const zh = Object.fromEntries(labels.map((l) => [l.key, l]));
    expect(zh['person'].zh).toBe('人');
    expect(zh['cell phone'].zh).toBe('手机');
    expect(zh['cell phone'].aliases).toEqual(expect.arrayContaining(['移动电话', '智能手机']));
    expect(zh['tv'].zh).toBe('电视');
    expect(zh['potted plant'].zh).toBe('盆栽植物');
  });

  it('puts every class in a known category', () => {
    for (const label of labels) expect(LABEL_CATEGORIES).toContain(label.category);
  });

  it('gives toneless lower-case pinyin, one syllable per Chinese character', () => {
    for (const label of labels) {
      expect(label.pinyin).toMatch(/^[a-z]+( [a-z]+)*$/);
      expect(label.pinyin.split(' ')).toHaveLength([...label.zh].length);
    }
  });

  it('gives every class a distinct #rrggbb colour', () => {
    for (const label of labels) expect(label.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(labels.map((l) => l.color)).size).toBe(80);
  });

  it('keeps aliases distinct from the display name', () => {
    for (const label of labels) expect(label.aliases).not.toContain(label.zh);
  });
});
