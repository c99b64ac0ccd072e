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
