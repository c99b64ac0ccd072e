import { Prisma } from '../db/client';

const POSTGRES_UNIQUE_VIOLATION = '23505';

/** A unique constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2002';
  // pglite-prisma-adapter 0.6 predates Prisma 6.19's error mapping: its errors arrive unmapped, as a
  // DriverAdapterError whose cause carries PostgreSQL's SQLSTATE.
  return (error as { cause?: { code?: unknown } } | null)?.cause?.code === POSTGRES_UNIQUE_VIOLATION;
}
