import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from: the socket's peer, or, from a trusted reverse proxy, the hop it appended last
 * to X-Forwarded-For (earlier entries are whatever the client claimed). A loopback peer is always trusted: it is
 * the dashboard, which forwards the browser's address, or a proxy on this machine.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy || isLoopback(peer)) {
    const forwarded = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    if (hops.length) return hops[hops.length - 1]!;
  }
  return peer;
}

function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}
