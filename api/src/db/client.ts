// The one import of the generated Prisma client (generated at install into prisma/generated/client by
// `prisma generate`, see prisma/schema.prisma); the rest of the code imports it from here. It is named through
// package.json's "imports" because a relative path would not hold from the compiled copy in build/.
import type { Prisma, PrismaClient } from '#prisma-client';

export * from '#prisma-client';

/** The client or a transaction's client: what helpers that write within a caller's transaction take. */
export type Db = PrismaClient | Prisma.TransactionClient;
