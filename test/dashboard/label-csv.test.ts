// The label set CSV a spreadsheet round-trips: every problem points at the line the user sees in the file.
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, labelsFromCsv, labelsToCsv } from '../../dashboard/lib/labels/csv';
import type { LabelEdit } from '../../dashboard/lib/labels/edit';

const HEADER = CSV_COLUMNS.join(',');
const person: LabelEdit = {
  key: 'person',
  zh: '人',
  aliases: ['行人', '路人'],
  category: '人',
  color: '#ff0000',
  enabled: true,
  minScore: 0.4,
};
const sign: LabelEdit = {
  key: 'stop sign',
  zh: '停车标志',
  aliases: [],
  category: '交通, 道路',
  color: '#00ff00',
  enabled: false,
  minScore: null,
};

describe('label CSV', () => {
  it('reads back what it writes: BOM, CRLF, commas, quotes and line breaks in fields', () => {
    const tricky = { ...sign, zh: '停车"标志"\n（红色）' };
    const csv = labelsToCsv([person, tricky]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(labelsFromCsv(csv)).toEqual({ labels: [person, tricky], problems: [] });
  });

  it('reads a file with a BOM and CRLF line ends as the same file with LF', () => {
    const lf = `${HEADER}\nperson,人,行人|路人,人,#ff0000,true,0.4\n`;
    const crlfWithBom = '\uFEFF' + lf.replace(/\n/g, '\r\n');
    expect(labelsFromCsv(crlfWithBom)).toEqual(labelsFromCsv(lf));
    expect(labelsFromCsv(crlfWithBom).labels).toEqual([person]);
  });

  it('reports an unterminated quote on its line and still checks the rows after it', () => {
    const csv = [
      HEADER,
      'person,"人,,人,#ff0000,true,', // the quote never closes
      'car,汽车,,交通,#0000ff,true,',
      'bus,,,交通,#00ffff,true,', // no Chinese name
      '',
    ].join('\r\n');
    const { labels, problems } = labelsFromCsv(csv);
    expect(problems).toEqual([
      { line: 2, kind: 'unterminatedQuote' },
      { line: 4, kind: 'emptyZh' },
    ]);
    expect(labels.map((label) => label.key)).toEqual(['car', 'bus']);
  });

  it('counts blank rows and multi-line fields when it names a line', () => {
    const csv = [
      HEADER,
      '',
      'person,人,,人,#ff0000,true,',
      '  ',
      'sign,"停车',
      '标志",,交通,#00ff00,true,',
      'cat,猫,,动物,red,true,', // line 7: the colour is not #rrggbb
    ].join('\n');
    expect(labelsFromCsv(csv).problems).toEqual([{ line: 7, kind: 'badColor' }]);
  });

  it('reports text after a closing quote on its line, and only that for the row', () => {
    const csv = `${HEADER}\nperson,"人"x,"行人",人,#ff0000,true,\ncar,汽车,,交通,#0000ff,true,\n`;
    const { labels, problems } = labelsFromCsv(csv);
    expect(problems).toEqual([{ line: 2, kind: 'badQuote' }]);
    expect(labels.map((label) => label.key)).toEqual(['car']);
  });

  it('names the missing columns on the header line', () => {
    expect(labelsFromCsv('\n\nkey,zh\nperson,人\n').problems).toEqual([
      { line: 3, kind: 'missingColumns', detail: 'aliases, category, color, enabled, minScore' },
    ]);
  });
});
