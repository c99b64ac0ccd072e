import { describe, expect, it } from 'vitest';
import { nameClasses } from '../../api/src/labels/naming/name-classes';
import { alternativesOf, normaliseName, numberForms } from '../../api/src/labels/naming/normalise';
import { pinyinOf } from '../../api/src/labels/naming/pinyin';
import { guessCategory } from '../../api/src/labels/naming/guess-category';
import { VOC20 } from '../../api/src/labels/naming/curated/voc20';

const nameOf = (key: string, context: string[] = []) => nameClasses([...context, key]).at(-1)!;

describe('normalising class names', () => {
  it('ignores case and treats _, -, . and runs of spaces as one space', () => {
    expect(normaliseName('  Traffic_Light ')).toBe('traffic light');
    expect(normaliseName('awning-tricycle')).toBe('awning tricycle');
    expect(normaliseName('Hot--dog')).toBe('hot dog');
  });

  it('splits a/b and "a or b" alternatives', () => {
    expect(alternativesOf('Cabinet/shelf')).toEqual(['cabinet', 'shelf']);
    expect(alternativesOf('cup or mug')).toEqual(['cup', 'mug']);
  });

  it('tries singular and plural of the last word', () => {
    expect(numberForms('skis')).toContain('ski');
    expect(numberForms('strawberries')).toContain('strawberry');
    expect(numberForms('boxes')).toContain('box');
    expect(numberForms('knives')).toContain('knife');
    expect(numberForms('green vegetables')).toContain('green vegetable');
    expect(numberForms('apple')).toContain('apples');
  });
});

describe('naming a class', () => {
  it('finds curated names under other spellings', () => {
    expect(nameOf('Cell_Phone')).toMatchObject({ zh: '手机', nameSource: 'curated' });
    expect(nameOf('TRAFFIC-LIGHT')).toMatchObject({ zh: '红绿灯', nameSource: 'curated' });
    expect(nameOf('dining-table')).toMatchObject({ zh: '餐桌', nameSource: 'curated' });
    expect(nameOf('persons')).toMatchObject({ zh: '人', nameSource: 'curated' });
  });

  it('finds curated names under common synonyms', () => {
    for (const [key, zh] of [
      ['plane', '飞机'],
      ['mobile phone', '手机'],
      ['motorbike', '摩托车'],
      ['television', '电视'],
      ['sofa', '沙发'],
      ['fridge', '冰箱'],
      ['doughnut', '甜甜圈'],
    ])
      expect(nameOf(key)).toMatchObject({ zh, nameSource: 'curated' });
  });

  it('falls back to the RAM dictionary, with a category guessed from the Chinese name', () => {
    expect(nameOf('abacus')).toMatchObject({ zh: '算盘', nameSource: 'dictionary' });
    expect(nameOf('Strawberries')).toMatchObject({ zh: '草莓', category: '食物', nameSource: 'dictionary' });
    expect(nameOf('ambulance')).toMatchObject({ zh: '救护车', category: '车辆', nameSource: 'dictionary' });
  });

  it('keeps the English key as the name of a class nothing names, source untranslated', () => {
    expect(nameOf('zx_widget_9')).toEqual({
      key: 'zx_widget_9',
      zh: 'zx_widget_9',
      aliases: [],
      pinyin: '',
      category: '',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      nameSource: 'untranslated',
    });
  });

  it('names an a/b class by its first alternative, the others becoming aliases', () => {
    expect(nameOf('Barrel/bucket')).toMatchObject({ zh: '桶', nameSource: 'dictionary' });
    expect(nameOf('Blackboard/Whiteboard')).toMatchObject({ zh: '黑板', aliases: ['白板'] });
  });

  it('names an "Other X" catch-all class 其他 + X', () => {
    expect(nameOf('Other Fish')).toMatchObject({ zh: '其他鱼', category: '动物' });
  });

  it('prefers the curated list that knows most of the class list', () => {
    // "mouse" is the computer mouse in COCO; a list of animals gets the dictionary's word.
    expect(nameOf('mouse', ['keyboard', 'laptop'])).toMatchObject({ zh: '鼠标', nameSource: 'curated' });
    expect(nameOf('Dinning Table', ['Sneakers', 'Desk'])).toMatchObject({ zh: '餐桌' });
  });

  it('gives each curated VOC class its curated name', () => {
    const named = nameClasses(VOC20.entries.map((e) => e.en));
    expect(named.every((n) => n.nameSource === 'curated')).toBe(true);
    expect(named.find((n) => n.key === 'tvmonitor')).toMatchObject({ zh: '电视', category: '电子产品' });
  });

  it('gives classes of one category shades of one colour, different per class', () => {
    const [cat, dog] = nameClasses(['cat', 'dog']);
    expect(cat.color).not.toBe(dog.color);
  });
});

describe('pinyin', () => {
  it('is toneless, lower case, a syllable per character, ü as v', () => {
    expect(pinyinOf('绿色')).toBe('lv se');
    expect(pinyinOf('女人')).toBe('nv ren');
  });

  it('reads polyphones by the word they are in', () => {
    expect(pinyinOf('行李箱')).toBe('xing li xiang');
    expect(pinyinOf('长颈鹿')).toBe('chang jing lu');
    expect(pinyinOf('银行')).toBe('yin hang');
  });

  it('leaves out what is not Chinese', () => {
    expect(pinyinOf('3d眼镜')).toBe('yan jing');
    expect(pinyinOf('tv')).toBe('');
  });
});

describe('guessing a category from a dictionary name', () => {
  it('takes the longest ending that names a kind', () => {
    expect(guessCategory('面包')).toBe('食物');
    expect(guessCategory('背包')).toBe('随身物品');
    expect(guessCategory('消防车')).toBe('车辆');
    expect(guessCategory('鸭子')).toBe('动物');
    expect(guessCategory('算盘')).toBe('日用品'); // not a 盘 (plate)
  });

  it('says none when no ending fits', () => {
    expect(guessCategory('转动')).toBeNull();
  });
});
