// Telling "the database cannot be reached" (an outage, a restart, a cut network) from a failed query, so
// callers get UNAVAILABLE with a retry hint instead of INTERNAL_SERVER_ERROR, and readiness can follow it.
import { Prisma } from './client';

/** What a caller is told to wait: PostgreSQL restarts in about a second, and the pool reconnects by itself. */
export const UNAVAILABLE_RETRY_AFTER_MS = 1000;

/** Prisma's codes for: can't reach, timed out reaching, connection closed, pool timeout (no connection free). */
const PRISMA_UNREACHABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Driver adapter error kinds (Prisma 6.19's adapter-pg) for the same. */
const ADAPTER_UNREACHABLE = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
/** SQLSTATE class 08 (connection exception), admin shutdown, crash shutdown, cannot connect now. */
const SQLSTATE_UNREACHABLE = /^(08...|57P01|57P02|57P03)$/;
/** node-postgres's own wording when a connection dies or cannot be made in time. */
const DRIVER_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|Client has encountered a connection error/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof Prisma.PrismaClientKnownRequestError && PRISMA_UNREACHABLE.has(current.code))
      return true;
    if (current instanceof Prisma.PrismaClientKnownRequestError && isCommitLostByPrisma(current)) return true;
    if (current instanceof Prisma.PrismaClientInitializationError) return true;
    const candidate = current as {
      cause?: unknown;
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      originalError?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof candidate.kind === 'string' && ADAPTER_UNREACHABLE.has(candidate.kind)) return true;
    if (typeof candidate.code === 'string' && SQLSTATE_UNREACHABLE.test(candidate.code)) return true;
    if (typeof candidate.message === 'string' && DRIVER_MESSAGES.test(candidate.message)) return true;
    // Prisma's known request errors carry the adapter's error in meta, not as their cause.
    current = candidate.cause ?? candidate.originalError ?? candidate.meta?.driverAdapterError;
  }
  return false;
}

/**
 * Prisma 6.19 runs a nested write (an upsert, a create with relations) in a transaction of its own and, when its
 * COMMIT fails, rolls back a transaction it has already marked committed: the P2028 of that rollback replaces
 * the COMMIT's error. A COMMIT fails here only when the connection is lost (we use no deferred constraints or
 * serializable transactions), and whether it took effect is unknown: the caller is told to retry, as for any
 * other lost connection, and nothing was acknowledged.
 */
function isCommitLostByPrisma(error: Prisma.PrismaClientKnownRequestError): boolean {
  return error.code === 'P2028' && /rollback cannot be executed on a committed transaction/.test(error.message);
}
