// npm run keys:create -- --role admin [--name "…"]: makes an API key straight in the configured database, for an
// operator who has lost every admin key. With the embedded database, stop the server first (it holds the lock).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db';
import { createKeyFromConsole } from '../services/keys';
import { UsageError } from './options';
import { runCli } from './run-cli';

const USAGE = 'npm run keys:create -- --role admin|reviewer|app [--name "…"]';
const ROLES = ['app', 'reviewer', 'admin'] as const;

runCli(USAGE, async () => {
  const { values } = parseArgs({ options: { role: { type: 'string' }, name: { type: 'string' } } });
  const role = ROLES.find((r) => r === values.role);
  if (!role) throw new UsageError(`--role wants one of ${ROLES.join(', ')}`);
  const db = await openDatabase(loadConfig());
  try {
    const { secret } = await createKeyFromConsole(db.prisma, {
      role,
      name: values.name ?? `Created at the console (${role})`,
    });
    console.log(secret);
  } finally {
    await db.close();
  }
  return 0;
});
