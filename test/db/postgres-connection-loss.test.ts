// A PostgreSQL connection lost just as a transaction ends is given back to the pool, not kept checked out: else
// each outage shrinks the pool for good, and closing the database (which waits for every connection) never ends.
import { afterEach, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../api/src/db/unavailable';
import { openPostgresThroughProxy, type ProxiedPostgres } from '../support/proxied-postgres';
import { available } from './databases';

describe('PostgreSQL connection lost at COMMIT', async () => {
  if (!(await available('postgres'))) return void it.skip('needs postgres');

  let postgres: ProxiedPostgres | undefined;
  afterEach(() => postgres?.dispose());

  it('fails the transaction as unavailable, serves again once reachable, and still closes', async () => {
    postgres = await openPostgresThroughProxy();
    const { db, proxy } = postgres;
    const failure = await db.prisma
      .$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await proxy.cut(); // the COMMIT that follows finds its connection reset
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isDatabaseUnavailable(failure)).toBe(true);

    await proxy.restore();
    expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    // Resolves only when no connection is checked out: the one of the failed COMMIT was given back.
    await db.close();
  }, 60_000);
});
