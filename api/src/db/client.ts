// The one import of the generated Prisma client (generated at install into prisma/generated/client by
// `prisma generate`, see prisma/schema.prisma); the rest of the code imports it from here.
import type { Prisma, PrismaClient } from '../../../prisma/generated/client';

export * from '../../../prisma/generated/client';

/** The client or a transaction's client: what helpers that write within a caller's transaction take. */
export type Db = PrismaClient | Prisma.TransactionClient;
