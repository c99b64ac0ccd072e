// Work that replicas sharing one PostgreSQL must not do twice at once (image pruning, job recovery) runs under a
// transaction-level advisory lock: the replica that gets it does the work, the others skip this round. The lock
// goes with the transaction, so a replica killed half way holds nothing.
import type { Prisma, PrismaClient } from '../db/client';

/** pg_advisory_lock keys, one per kind of work; far from Prisma migrate's 72707369. */
export const ADVISORY_LOCKS = {
  imagePrune: 0x57a1_0001,
  jobRecovery: 0x57a1_0002,
} as const;

export type AdvisoryLockKey = (typeof ADVISORY_LOCKS)[keyof typeof ADVISORY_LOCKS];

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
