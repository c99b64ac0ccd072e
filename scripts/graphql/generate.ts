// npm run graphql:generate: prints the API's schema to api/schema.graphql, then generates the dashboard's typed
// documents from it and the documents under dashboard/lib/graphql/documents. Run after changing either.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import { printWanshiSchema } from '../../api/src/graphql/sdl';
import { SCHEMA_FILE, dashboardCodegen } from './codegen';

async function main(): Promise<void> {
  await writeFile(SCHEMA_FILE, await printWanshiSchema());
  await generate(dashboardCodegen(), true);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
