import { PrismaPg } from '@prisma/adapter-pg';
import { randomUUID } from 'node:crypto';

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type Transaction = Awaited<ReturnType<PgAdapter['startTransaction']>>;

/** The statements Prisma's transaction manager ends a transaction with before releasing its connection. */
const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\s*$/i;

/**
 * Prisma's PostgreSQL driver adapter, fixed where a lost connection would leak it:
 * - Prisma 6.19's transaction manager sends COMMIT (or ROLLBACK) and only after it succeeds calls the adapter's
 *   commit() (or rollback()), which is what returns the connection to the pool. When the connection is cut
 *   right then the statement fails and the connection stays checked out for ever: every outage shrinks the
 *   pool, and closing it (pool.end waits for every checked-out connection) never finishes, so the service
 *   could not shut down after a database outage. Here a failed end releases the connection at once.
 *
 * and for `prisma migrate dev` (the only user of a shadow database):
 * - upstream builds the shadow pool as `{ ...config, database }`, but node-postgres lets `connectionString`
 *   win over `database`, so the "shadow" silently was the main database: we point the URL itself at it;
 * - upstream drops the shadow database before closing the pool still connected to it ("being accessed by
 *   other users"): we close first, then drop.
 */
const CONNECT_TIMEOUT_MS = 5_000;

export class PostgresAdapterFactory extends PrismaPg {
  constructor(private readonly databaseUrl: string) {
    // Without a connect timeout node-postgres waits for ever on a network that drops packets, and every
    // request would hang instead of failing UNAVAILABLE.
    super({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }

  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) =>
      releasedEvenIfEndFails(await startTransaction(isolationLevel));
    return adapter;
  }

  override async connectToShadowDb(): ReturnType<PrismaPg['connectToShadowDb']> {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadowUrl = new URL(this.databaseUrl);
    shadowUrl.pathname = `/${database}`;
    const shadow = await new PrismaPg({ connectionString: shadowUrl.toString() }).connect();
    const closeShadowPool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadowPool();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

/**
 * The transaction, releasing its connection exactly once: by commit()/rollback() as usual, or as soon as its
 * COMMIT or ROLLBACK fails. Then a dead connection is dropped by the pool (pg marks it not queryable); a live
 * one is clean, as PostgreSQL ends a transaction whose COMMIT fails. Once only: pg-pool throws on a second release.
 */
function releasedEvenIfEndFails(transaction: Transaction): Transaction {
  const execute = transaction.executeRaw.bind(transaction);
  // In adapter-pg both only detach the error listener and release the connection; which one ran is moot.
  const release = transaction.rollback.bind(transaction);
  let released = false;
  const releaseOnce = async () => {
    if (released) return;
    released = true;
    await release();
  };
  transaction.executeRaw = async (query) => {
    try {
      return await execute(query);
    } catch (error) {
      if (ENDS_TRANSACTION.test(query.sql)) await releaseOnce();
      throw error;
    }
  };
  transaction.commit = releaseOnce;
  transaction.rollback = releaseOnce;
  return transaction;
}
