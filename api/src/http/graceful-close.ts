// Closing an HTTP server without resetting its clients' kept-alive connections. HTTP/1.1 has no way to tell a
// client that an idle connection is going away, so closing it while the client sends its next request on it
// resets that request (what `server.close()` plus closing idle connections at once does under load). Instead:
// every response from the start of the drain says `Connection: close`, so busy clients learn it with their
// answer and reconnect; only connections idle for `idleMs` (nobody is about to use them) are ended from here.
import type http from 'node:http';
import net, { type Socket } from 'node:net';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

interface Connection {
  /** Responses not finished yet. */
  active: Set<http.ServerResponse>;
  idleSince: number;
}

/** How often a drain looks for connections that have become idle long enough to end. */
const POLL_MS = 25;

export class GracefulClose {
  private readonly connections = new Map<Socket, Connection>();
  private draining = false;

  constructor(private readonly server: http.Server) {
    server.on('connection', (socket: Socket) => {
      this.connections.set(socket, { active: new Set(), idleSince: performance.now() });
      socket.once('close', () => this.connections.delete(socket));
    });
    // Prepended, so the header is set before any handler can write the response.
    server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const connection = this.connections.get(req.socket);
      if (this.draining) res.setHeader('connection', 'close');
      if (!connection) return;
      connection.active.add(res);
      res.once('close', () => {
        connection.active.delete(res);
        connection.idleSince = performance.now();
      });
    });
  }

  /** True from the start of close(): handlers answer new requests SHUTTING_DOWN. */
  get isDraining(): boolean {
    return this.draining;
  }

  /**
   * Stops accepting connections, lets requests in flight finish, ends each connection once it has been idle for
   * `idleMs`, and after `graceMs` destroys whatever is left. Resolves when no connection is open.
   */
  async close({ graceMs, idleMs }: { graceMs: number; idleMs: number }): Promise<void> {
    this.draining = true;
    // Requests in flight tell their clients too, so none sends another on a connection about to end.
    for (const { active } of this.connections.values()) {
      for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
    }
    // net.Server's close, not http.Server's: since Node 19 the latter also ends idle connections at once.
    const closed = new Promise<void>((resolve) =>
      net.Server.prototype.close.call(this.server, () => resolve()),
    );
    const deadline = performance.now() + graceMs;
    while (this.connections.size > 0 && performance.now() < deadline) {
      // Judged in the check phase, after the poll phase has read what arrived meanwhile: a request waiting in
      // the socket's buffer after a stall of the event loop then counts as active, not idle.
      await nextTurn();
      const now = performance.now();
      for (const [socket, connection] of this.connections) {
        if (connection.active.size === 0 && now - connection.idleSince >= idleMs) socket.end();
      }
      await sleep(POLL_MS);
    }
    for (const socket of this.connections.keys()) socket.destroy();
    await closed;
  }
}
