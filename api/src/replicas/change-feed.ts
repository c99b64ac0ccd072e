// Cross-replica cache invalidation: each replica LISTENs on one dedicated PostgreSQL connection (a pooled one
// would be handed to queries and lose the LISTEN) for the notices the database's triggers send when something
// the caches hold changes (migration replicas_change_notifications), and clears that cache at once. The
// caches' time-to-live stays the fallback: while the connection is down a change applies within it, and after
// a reconnect every cache is cleared, since notices sent meanwhile are lost.
import pg from 'pg';
import { createLogger } from '../logging/logger';

const log = createLogger('change-feed');

export const CHANGE_CHANNEL = 'wanshi_changes';
export const CHANGE_TOPICS = ['keys', 'labels', 'models', 'reviewRules'] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

/** What to clear for each topic. */
export type Invalidators = Record<ChangeTopic, () => void>;

const RECONNECT_DELAY_MS = 1_000;
const CONNECT_TIMEOUT_MS = 5_000;

export class ChangeFeed {
  private client: pg.Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly databaseUrl: string,
    private readonly invalidators: Invalidators,
  ) {}

  /** Resolves once listening, so a change committed after start-up is never missed. */
  static async listen(databaseUrl: string, invalidators: Invalidators): Promise<ChangeFeed> {
    const feed = new ChangeFeed(databaseUrl, invalidators);
    await feed.connect();
    return feed;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    client.on('notification', (notice) => this.invalidate(notice.payload));
    // Both come when the server goes away; one reconnect is enough.
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || this.closed) return;
      lost = true;
      log.warn(
        `lost the change notices connection (${error?.message ?? 'ended'}); caches fall back to their TTL`,
      );
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  private scheduleReconnect(): void {
    this.reconnectTimer = setTimeout(() => {
      this.connect().then(
        () => {
          log.info('listening for change notices again');
          for (const topic of CHANGE_TOPICS) this.invalidators[topic]();
        },
        () => this.scheduleReconnect(),
      );
    }, RECONNECT_DELAY_MS).unref();
  }

  private invalidate(payload: string | undefined): void {
    const topic = CHANGE_TOPICS.find((t) => t === payload);
    if (topic) this.invalidators[topic]();
    else log.warn(`unknown change notice ${JSON.stringify(payload)}`);
  }
}
