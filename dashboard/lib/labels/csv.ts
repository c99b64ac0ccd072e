// Label sets as CSV for editing in a spreadsheet: one label a row, aliases joined with "|".
// Parsing follows RFC 4180 (quoted fields may hold commas, quotes and newlines), by papaparse.
import Papa from 'papaparse';
import type { LabelEdit } from './edit';

export const CSV_COLUMNS = ['key', 'zh', 'aliases', 'category', 'color', 'enabled', 'minScore'] as const;
const ALIAS_SEPARATOR = '|';
/** Excel only reads UTF-8 CSV as UTF-8 when it starts with a byte order mark. */
const BOM = '\uFEFF';

export type CsvProblemKind =
  | 'missingColumns'
  | 'unterminatedQuote'
  | 'badQuote'
  | 'emptyKey'
  | 'emptyZh'
  | 'duplicateKey'
  | 'badColor'
  | 'badEnabled'
  | 'badMinScore';
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

export interface CsvRow {
  /** 1-based line of the file the row starts on (a quoted field may continue on the lines after it). */
  line: number;
  cells: string[];
}

/**
 * The rows of an RFC 4180 file, read by papaparse, each with the line it starts on; blank rows are dropped but
 * still counted. A quote left open would make papaparse read the rest of the file as one field: its row is reported
 * and reading resumes on the next line, so the rows after it are still checked.
 */
export function parseCsv(text: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const lines = lineCounter(input);
  let from = 0;
  while (from < input.length) {
    let rowStart = from;
    let unterminatedAt: number | null = null;
    Papa.parse<string[]>(input.slice(from), {
      delimiter: ',',
      step: (result, parser) => {
        const start = rowStart;
        rowStart = from + result.meta.cursor;
        const line = lines.at(start);
        if (result.errors.some((error) => error.code === 'MissingQuotes')) {
          problems.push({ line, kind: 'unterminatedQuote' });
          unterminatedAt = start;
          parser.abort();
          return;
        }
        // Its cells are shifted or merged: checking them would only add noise to the one real problem.
        if (result.errors.length) problems.push({ line, kind: 'badQuote' });
        else if (result.data.some((cell) => cell.trim() !== '')) rows.push({ line, cells: result.data });
      },
    });
    if (unterminatedAt === null) break;
    from = nextLineStart(input, unterminatedAt);
  }
  return { rows, problems };
}

/** Line numbers of offsets, asked in increasing order; CRLF, LF and a lone CR each end a line. */
function lineCounter(input: string): { at(offset: number): number } {
  let position = 0;
  let line = 1;
  return {
    at(offset) {
      for (; position < offset; position++) {
        const char = input[position];
        if (char === '\n' || (char === '\r' && input[position + 1] !== '\n')) line++;
      }
      return line;
    },
  };
}

function nextLineStart(input: string, offset: number): number {
  const end = input.slice(offset).search(/\r\n|\r|\n/);
  if (end < 0) return input.length;
  return offset + end + (input.startsWith('\r\n', offset + end) ? 2 : 1);
}

const COLOR = /^#[0-9a-f]{6}$/i;
const TRUE_WORDS = new Set(['true', '1', 'yes', '是']);
const FALSE_WORDS = new Set(['false', '0', 'no', '否']);

/** Reads every row it can; any problem means the file should not be applied. */
export function labelsFromCsv(text: string): { labels: LabelEdit[]; problems: CsvProblem[] } {
  const {
    rows: [header, ...rows],
    problems,
  } = parseCsv(text);
  const index = new Map((header?.cells ?? []).map((name, i) => [name.trim(), i]));
  const missing = CSV_COLUMNS.filter((column) => !index.has(column));
  if (missing.length) {
    const line = header?.line ?? 1;
    return {
      labels: [],
      problems: [...problems, { line, kind: 'missingColumns', detail: missing.join(', ') }],
    };
  }

  const labels: LabelEdit[] = [];
  const seen = new Set<string>();
  rows.forEach(({ line, cells }) => {
    const cell = (column: (typeof CSV_COLUMNS)[number]) => (cells[index.get(column)!] ?? '').trim();
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
  return { labels, problems: problems.sort((a, b) => a.line - b.line) };
}
