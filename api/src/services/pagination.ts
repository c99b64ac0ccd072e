// Forward cursor pagination over lists ordered newest first, (time desc, id desc): the id breaks ties between
// rows with the same timestamp, so pages never skip or repeat a row. Cursors are opaque base64url strings.
import { InputError } from './errors';
import { isStorableDate, isUuid } from './validation';

export interface PageArgs {
  /** Page size: 1–100, default 20. */
  first?: number | null;
  /** `endCursor` of the previous page. */
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface CursorPosition {
  at: Date;
  id: string;
}

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export function encodeCursor({ at, id }: CursorPosition): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

/** The position a cursor names; one not made by encodeCursor (edited, or another list's) is bad input. */
export function decodeCursor(cursor: string): CursorPosition {
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // not our cursor: refused below
  }
  if (Array.isArray(position) && position.length === 2) {
    const [at, id] = position as unknown[];
    const date = typeof at === 'string' ? new Date(at) : undefined;
    // Only what PostgreSQL can compare with: a uuid, and a date it can store.
    if (date && typeof id === 'string' && isUuid(id) && isStorableDate(date)) return { at: date, id };
  }
  throw new InputError('Invalid cursor: pass an endCursor from this list, unchanged', { field: 'after' });
}

export function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InputError(`first must be an integer from 1 to ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  return first;
}

/** Prisma `where` for the rows after the cursor in (timeField desc, id desc) order. */
export function afterCursor<F extends string>(timeField: F, after: string | null | undefined) {
  if (!after) return {};
  const { at, id } = decodeCursor(after);
  return { OR: [{ [timeField]: { lt: at } }, { [timeField]: at, id: { lt: id } }] } as {
    OR: ({ [K in F]: { lt: Date } } | ({ [K in F]: Date } & { id: { lt: string } }))[];
  };
}

/** Builds the connection from up to size + 1 rows (the extra row only says there is a next page). */
export function toConnection<Row, Node>(
  rows: Row[],
  size: number,
  totalCount: number,
  position: (row: Row) => CursorPosition,
  toNode: (row: Row) => Node,
): Connection<Node> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: encodeCursor(position(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
