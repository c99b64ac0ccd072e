// Small pure parts of the limits: UTC days, the client address, a key's effective limits.
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../api/src/limits/client-address';
import { effectiveLimits } from '../../api/src/limits/key-limits-service';
import { msUntilNextUtcDay, utcDay } from '../../api/src/limits/utc-day';

describe('UTC days', () => {
  it('names the UTC day, whatever the local time zone', () => {
    expect(utcDay(Date.parse('2026-12-03T23:59:59.999Z'))).toBe('2026-12-03');
    expect(utcDay(Date.parse('2026-12-04T00:00:00.000Z'))).toBe('2026-12-04');
  });

  it('counts the time to the next UTC midnight, a whole day at midnight itself', () => {
    expect(msUntilNextUtcDay(Date.parse('2026-12-03T23:00:00.000Z'))).toBe(3_600_000);
    expect(msUntilNextUtcDay(Date.parse('2026-12-04T00:00:00.000Z'))).toBe(86_400_000);
  });
});

describe('client address', () => {
  const req = (forwarded?: string, remoteAddress = '10.0.0.5') => ({
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    socket: { remoteAddress },
  });

  it('is the socket peer unless the proxy is trusted: a client can write any X-Forwarded-For', () => {
    expect(clientAddress(req('1.2.3.4') as never, false)).toBe('10.0.0.5');
  });

  it("behind a trusted proxy is the hop it appended last, not the client's own claim", () => {
    expect(clientAddress(req('6.6.6.6, 203.0.113.7') as never, true)).toBe('203.0.113.7');
    expect(clientAddress(req() as never, true)).toBe('10.0.0.5');
  });

  it('trusts a loopback peer (the dashboard forwarding the browser) without being told', () => {
    expect(clientAddress(req('198.51.100.2', '127.0.0.1') as never, false)).toBe('198.51.100.2');
    expect(clientAddress(req('198.51.100.2', '::ffff:127.0.0.1') as never, false)).toBe('198.51.100.2');
    expect(clientAddress(req(undefined, '::1') as never, false)).toBe('::1');
  });
});

describe('effective limits', () => {
  it('takes each override where set (0 included: unlimited) and the default elsewhere', () => {
    const defaults = { requestsPerSecond: 10, burst: 20, imagesPerDay: 1000 };
    expect(effectiveLimits(defaults, { requestsPerSecond: 0, burst: null, imagesPerDay: 5 })).toEqual({
      requestsPerSecond: 0,
      burst: 20,
      imagesPerDay: 5,
    });
  });
});
