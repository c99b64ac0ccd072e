// Starts the real API in-process (model repository, database, scheduler, HTTP) on a free port, and talks to
// it over HTTP exactly as an app would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../../api/src/config';
import { startServer, type RunningServer } from '../../api/src/server/start-server';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../db/databases';

export const ADMIN_KEY = 'wanshi-test-admin-key-0123456789';
export const EVAL_IMAGES = path.resolve(__dirname, '../../../shared/evalset/coco64/images');

export function photoBase64(file: string): string {
  return readFileSync(path.join(EVAL_IMAGES, file)).toString('base64');
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestServer {
  url: string;
  server: RunningServer;
  config: Config;
  gql<T = any>(query: string, variables?: Record<string, unknown>, key?: string | null): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export async function startTestServer(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  /** Where the server finds the PostgreSQL database, e.g. through a proxy. */
  reachDatabase: (url: string) => string = (url) => url,
): Promise<TestServer> {
  const database: TestDatabase = await createTestDatabase(kind);
  const config = loadConfig({
    PORT: '0',
    WANSHI_DATA_DIR: database.config.dataDir,
    WANSHI_ADMIN_KEY: ADMIN_KEY,
    WANSHI_LOG_LEVEL: 'warn',
    ...(database.config.databaseUrl ? { DATABASE_URL: reachDatabase(database.config.databaseUrl) } : {}),
    ...env,
  });
  const server = await startServer(config);
  const gql = async (query: string, variables?: Record<string, unknown>, key: string | null = ADMIN_KEY) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  return {
    url: server.url,
    server,
    config,
    gql,
    close: async () => {
      await server.close();
      await database.dispose();
    },
  };
}

export const DETECT = /* GraphQL */ `
  mutation Detect($input: DetectInput!) {
    detect(input: $input) {
      id
      createdAt
      image { sha256 width height }
      objects { label { key zh category color } score box { x y width height } }
      model { name version precision inputSize }
      labelSet
      labelSetVersion
      timing { queueMs inferenceMs totalMs batchSize }
      executionProvider
    }
  }
`;

export function errorCode(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
