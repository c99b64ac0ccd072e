// With CI=true a service a suite needs must be there: the PostgreSQL half of the database suites, the browser
// suites and the replicas suite (HAProxy) skip where PostgreSQL, Chromium or HAProxy is missing (fine on a laptop), which on CI would let a broken machine
// pass with half the tests unrun.
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../browser/chromium-path';
import { available } from '../db/databases';
import { HAPROXY_PATH } from './replica-cluster';

export async function missingServices(
  chromiumPath = CHROMIUM_PATH,
  haproxyPath = HAPROXY_PATH,
): Promise<string[]> {
  const missing: string[] = [];
  if (!existsSync(chromiumPath)) missing.push(`Chromium at ${chromiumPath} (apt-get install chromium)`);
  if (!existsSync(haproxyPath)) missing.push(`HAProxy at ${haproxyPath} (apt-get install haproxy)`);
  if (!(await available('postgres')))
    missing.push('PostgreSQL (WANSHI_TEST_POSTGRES_URL, default 127.0.0.1:5432)');
  return missing;
}

export async function requireServicesOnCi(
  env: NodeJS.ProcessEnv = process.env,
  probe: () => Promise<string[]> = missingServices,
): Promise<void> {
  if (env.CI !== 'true') return;
  const missing = await probe();
  if (missing.length > 0) throw new Error(`CI=true, and the tests need: ${missing.join('; ')}`);
}
