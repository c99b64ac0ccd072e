// Work that replicas sharing one PostgreSQL must not do at once runs under an advisory lock, which PostgreSQL
// releases with the transaction or connection holding it, so a replica killed half way holds nothing:
// - periodic work (image pruning): the replica that gets the lock does it, the others skip this round;
// - start-up seeding (built-in label sets, model registration, the admin key): each replica in turn, so replicas
//   started together do not race on the same upserts;
// - a profile benchmark job: held by the replica running it for as long as it runs, so another replica tells a
//   job that is running elsewhere from one whose replica died (job recovery).
import pg from 'pg';
import type { Prisma, PrismaClient } from '../db/client';

/** pg_advisory_lock keys, one per kind of work; far from Prisma migrate's 72707369. */
export const ADVISORY_LOCKS = {
  imagePrune: 0x57a1_0001,
  startUp: 0x57a1_0002,
  profileJob: 0x57a1_0003,
} as const;

export type AdvisoryLockKey = (typeof ADVISORY_LOCKS)[keyof typeof ADVISORY_LOCKS];

/** As the query pool's: without one, a network that drops packets would hang start-up for ever. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Long enough for a prune of a big store; Prisma's default 5 s would abort it. */
const EXCLUSIVE_WORK_TIMEOUT_MS = 10 * 60_000;

/** Runs `work` if no other replica is running work under `key`; `{ ran: false }` when one is. */
export async function runExclusively<T>(
  prisma: PrismaClient,
  key: AdvisoryLockKey,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  return prisma.$transaction(
    async (tx) => {
      const [{ got }] = await tx.$queryRaw<
        { got: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${key}) AS got`;
      if (!got) return { ran: false as const };
      return { ran: true as const, value: await work(tx) };
    },
    { timeout: EXCLUSIVE_WORK_TIMEOUT_MS },
  );
}

/**
 * Runs `work` once no other replica holds `key`, waiting for it. The lock is held by a connection of its own
 * (a session lock on a pooled one could outlive the work or be released by another query), for `work`'s queries
 * may run in transactions of their own.
 */
export async function whileHolding<T>(
  databaseUrl: string,
  key: AdvisoryLockKey,
  work: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    await client.end(); // ends the session, and with it the lock
  }
}

/** Releases a lock taken with tryHolding. */
export type ReleaseLock = () => Promise<void>;

/**
 * Takes `key` if no other replica holds it, on a connection of its own kept until the returned release (or the
 * replica's death) ends it; null when another holds it.
 */
export async function tryHolding(databaseUrl: string, key: AdvisoryLockKey): Promise<ReleaseLock | null> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  await client.connect();
  // A lost connection (the database restarted) has lost the lock too; nothing more to do for it here.
  client.on('error', () => undefined);
  const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [key]);
  if (!rows[0].got) {
    await client.end();
    return null;
  }
  return () => client.end().catch(() => undefined);
}
