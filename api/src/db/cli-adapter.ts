// The Prisma CLI's view of the embedded database. The CLI asks prisma.config.ts for its adapter on every command
// (`prisma -v`, `prisma generate`, which install runs), but only the commands that talk to the database (migrate,
// db) connect. Opening PGlite eagerly made every command take the data directory (and wait for crash recovery
// after an unclean stop) just to print a version; now the database is opened on connect only, within a time
// limit. The CLI exits without closing it: the lock it leaves names a dead process, which the next open takes
// over.
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { openPglite, type EmbeddedDatabase } from './pglite';

type PgliteConnection = Awaited<ReturnType<PrismaPGlite['connect']>>;

/** Opening takes ~1.4 s, creating 5–8 s, recovering after a crash a few more; a minute means something is wrong. */
export const CLI_OPEN_TIMEOUT_MS = 60_000;

export class LazyPgliteAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'pglite-prisma-adapter';

  constructor(
    private readonly dataDir: string,
    private readonly timeoutMs = CLI_OPEN_TIMEOUT_MS,
  ) {}

  async connect(): Promise<PgliteConnection> {
    let embedded: EmbeddedDatabase;
    try {
      embedded = await openWithin(this.dataDir, this.timeoutMs);
    } catch (error) {
      // The CLI shows an adapter's failure only as "External error id#0": say what it was ourselves.
      console.error(`Error: ${(error as Error).message}`);
      throw error;
    }
    return new PrismaPGlite(embedded.pglite).connect();
  }

  /** `migrate diff`/`dev` replay migrations in a throw-away in-memory PGlite; the data directory is not touched. */
  connectToShadowDb(): Promise<PgliteConnection> {
    return new PrismaPGlite(undefined as never).connectToShadowDb();
  }
}

async function openWithin(dataDir: string, timeoutMs: number): Promise<EmbeddedDatabase> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `Opening the embedded database in ${dataDir} took over ${Math.round(timeoutMs / 1000)} s. ` +
              'Stop any Wanshi server using it and retry, or set DATABASE_URL to use PostgreSQL.',
          ),
        ),
      timeoutMs,
    );
    timer.unref();
  });
  try {
    return await Promise.race([openPglite(dataDir), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
