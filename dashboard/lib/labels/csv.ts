// Label sets as CSV for editing in a spreadsheet: one label a row, aliases joined with "|".
// Parsing follows RFC 4180 (quoted fields may hold commas, quotes and newlines).
import type { LabelEdit } from '../graphql/types';

export const CSV_COLUMNS = ['key', 'zh', 'aliases', 'category', 'color', 'enabled', 'minScore'] as const;
const ALIAS_SEPARATOR = '|';
/** Excel only reads UTF-8 CSV as UTF-8 when it starts with a byte order mark. */
const BOM = '\uFEFF';

export type CsvProblemKind =
  'missingColumns' | 'emptyKey' | 'emptyZh' | 'duplicateKey' | 'badColor' | 'badEnabled' | 'badMinScore';
export interface CsvProblem {
  /** 1-based line of the file, the header being line 1. */
  line: number;
  kind: CsvProblemKind;
  detail?: string;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function labelsToCsv(labels: LabelEdit[]): string {
  const rows = labels.map((label) =>
    [
      label.key,
      label.zh,
      label.aliases.join(ALIAS_SEPARATOR),
      label.category,
      label.color,
      String(label.enabled),
      label.minScore === null ? '' : String(label.minScore),
    ].map(quote),
  );
  return BOM + [CSV_COLUMNS.join(','), ...rows.map((row) => row.join(','))].join('\r\n') + '\r\n';
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

const COLOR = /^#[0-9a-f]{6}$/i;
const TRUE_WORDS = new Set(['true', '1', 'yes', '是']);
const FALSE_WORDS = new Set(['false', '0', 'no', '否']);

/** Reads every row it can; any problem means the file should not be applied. */
export function labelsFromCsv(text: string): { labels: LabelEdit[]; problems: CsvProblem[] } {
  const [header = [], ...rows] = parseCsv(text);
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = CSV_COLUMNS.filter((column) => !index.has(column));
  if (missing.length)
    return { labels: [], problems: [{ line: 1, kind: 'missingColumns', detail: missing.join(', ') }] };

  const labels: LabelEdit[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, rowIndex) => {
    const line = rowIndex + 2;
    const cell = (column: (typeof CSV_COLUMNS)[number]) => (row[index.get(column)!] ?? '').trim();
    const problem = (kind: CsvProblemKind) => problems.push({ line, kind });

    const key = cell('key');
    const enabledText = cell('enabled').toLowerCase();
    const minScoreText = cell('minScore');
    const minScore = minScoreText === '' ? null : Number(minScoreText);
    if (!key) problem('emptyKey');
    else if (seen.has(key)) problem('duplicateKey');
    seen.add(key);
    if (!cell('zh')) problem('emptyZh');
    if (!COLOR.test(cell('color'))) problem('badColor');
    if (!TRUE_WORDS.has(enabledText) && !FALSE_WORDS.has(enabledText)) problem('badEnabled');
    if (minScore !== null && !(minScore >= 0 && minScore <= 1)) problem('badMinScore');

    labels.push({
      key,
      zh: cell('zh'),
      aliases: cell('aliases')
        .split(ALIAS_SEPARATOR)
        .map((a) => a.trim())
        .filter(Boolean),
      category: cell('category'),
      color: cell('color'),
      enabled: TRUE_WORDS.has(enabledText),
      minScore,
    });
  });
  return { labels, problems };
}
