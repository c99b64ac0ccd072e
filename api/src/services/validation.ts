import type { z } from 'zod';
import { InputError } from './errors';

/** Parses service input with a zod schema; invalid input becomes an InputError naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  const summary = issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ');
  throw new InputError(`Invalid input: ${summary}`, { issues });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row (and PostgreSQL would reject it with a type error). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

const FIRST_STORABLE = Date.UTC(1, 0, 1);
const LAST_STORABLE = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Whether PostgreSQL can compare with the date: JavaScript takes year 0 and years past 9999 (written with a
 * sign), which PostgreSQL rejects, and that rejection would come back as an internal error, not bad input.
 */
export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  return time >= FIRST_STORABLE && time <= LAST_STORABLE;
}

/** The date, or undefined for none; a date PostgreSQL cannot take is bad input in `field`. */
export function storableDate(date: Date | null | undefined, field: string): Date | undefined {
  if (date == null) return undefined;
  if (!isStorableDate(date)) {
    throw new InputError(`${field} must be a date from 0001-01-01 to 9999-12-31`, { field });
  }
  return date;
}

/** A Prisma filter for `from` (inclusive) to `to` (exclusive), either open. */
export function dateRange(range: { from?: Date | null; to?: Date | null }): { gte?: Date; lt?: Date } {
  return { gte: storableDate(range.from, 'from'), lt: storableDate(range.to, 'to') };
}
