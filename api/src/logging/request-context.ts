// Which request the code now running serves, so every log line written on its behalf (in the HTTP edge, a
// resolver, the export stream) carries its id without passing the id down through every call.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const current = new AsyncLocalStorage<string>();
/** What a caller's own id may look like: short, and nothing that could forge or break a log line. */
const PLAUSIBLE_ID = /^[\w.:-]{1,128}$/;

/** Runs `serve` as request `requestId`: log lines written from it, also after awaits, carry that id. */
export function withRequestId<T>(requestId: string, serve: () => T): T {
  return current.run(requestId, serve);
}

export function currentRequestId(): string | undefined {
  return current.getStore();
}

/** The caller's X-Request-Id when it is plausible (its logs and ours then correlate), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && PLAUSIBLE_ID.test(given) ? given : randomUUID();
}
