// A throw-away PostgreSQL database opened the way the server opens it, but reached through a TcpProxy the test
// can cut and restore: a real lost connection without touching the PostgreSQL server other tests share.
import { openDatabase, type Database } from '../../api/src/db';
import { createTestDatabase } from '../db/databases';
import { TcpProxy } from './tcp-proxy';

export interface ProxiedPostgres {
  db: Database;
  proxy: TcpProxy;
  /** Closes the proxy and drops the database (the test closes `db` itself, that being what some check). */
  dispose(): Promise<void>;
}

export async function openPostgresThroughProxy(): Promise<ProxiedPostgres> {
  const proxy = await TcpProxy.start({ host: '127.0.0.1', port: 5432 });
  const test = await createTestDatabase('postgres');
  const url = new URL(test.config.databaseUrl!);
  url.port = String(proxy.port);
  const dispose = async () => {
    await proxy.cut();
    await test.dispose();
  };
  const db = await openDatabase({ ...test.config, databaseUrl: url.toString() }).catch(async (error) => {
    await dispose();
    throw error;
  });
  return { db, proxy, dispose };
}
