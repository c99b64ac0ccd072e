// Which database errors mean "cannot be reached, retry" (UNAVAILABLE) rather than a failed query.
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../api/src/db/client';
import { isDatabaseUnavailable } from '../../api/src/db/unavailable';

const known = (message: string, code: string) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: Prisma.prismaVersion.client });

describe('isDatabaseUnavailable', () => {
  it("counts the P2028 with which Prisma's nested-write transaction replaces a lost COMMIT", () => {
    const lostCommit = known(
      'Transaction API error: Transaction already closed: A rollback cannot be executed on a committed transaction.',
      'P2028',
    );
    expect(isDatabaseUnavailable(lostCommit)).toBe(true);
  });

  it('does not count the other P2028s, e.g. an interactive transaction over its time', () => {
    const timedOut = known(
      'Transaction API error: Transaction already closed: A commit cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms',
      'P2028',
    );
    expect(isDatabaseUnavailable(timedOut)).toBe(false);
  });

  it('counts a connection reset found through the adapter error in meta', () => {
    const error = known('reset', 'P2010');
    error.meta = { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } };
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('does not count a unique constraint violation', () => {
    expect(isDatabaseUnavailable(known('Unique constraint failed', 'P2002'))).toBe(false);
  });
});
