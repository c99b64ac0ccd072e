// npm run models:import -- --file <model.onnx> --name <name> [--version V] [--names names.txt|data.yaml]
//   [--family auto|yolov8|yolo-end2end|nanodet-gfl] [--serving '{"maxBatchSize":8}'] [--url http://host:port/graphql]
//   [--key <admin key>]
// Uploads to the running server's importModel (which validates, stores and registers it), so the server
// serves the model at once and the embedded database is never opened by two processes.
import { openAsBlob } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { sendModelImport } from '../model-import/client';
import { parseNamesFile } from '../model-import/class-names';
import { UsageError, userPath } from './options';
import { runCli } from './run-cli';

const USAGE =
  'npm run models:import -- --file <model.onnx> --name <name> [--version V] [--names names.txt|data.yaml] ' +
  '[--family auto|yolov8|yolo-end2end|nanodet-gfl] [--serving \'{"maxBatchSize":8}\'] ' +
  '[--url http://127.0.0.1:4000/graphql] [--key <admin API key>]';

runCli(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      name: { type: 'string' },
      version: { type: 'string' },
      names: { type: 'string' },
      family: { type: 'string', default: 'auto' },
      serving: { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
    },
  });
  if (!values.file) throw new UsageError('--file is required');
  if (!values.name) throw new UsageError('--name is required');
  const config = loadConfig();
  const key = values.key ?? config.adminKey;
  if (!key) throw new UsageError('an admin API key is needed: --key, or WANSHI_ADMIN_KEY');
  const file = userPath(values.file);
  const names = values.names
    ? parseNamesFile(values.names, await readFile(userPath(values.names), 'utf8'))
    : undefined;
  const serving = values.serving === undefined ? undefined : parseServing(values.serving);
  const response = await sendModelImport({
    graphqlUrl: values.url ?? `http://${config.host}:${config.port}/graphql`,
    key,
    file: await openAsBlob(file),
    filename: path.basename(file),
    variables: { name: values.name, version: values.version, names, family: values.family, serving },
  });
  const error = response.errors?.[0];
  if (error || !response.data?.importModel) {
    const reason = error?.extensions?.reason ?? error?.extensions?.code ?? `HTTP ${response.status}`;
    console.error(`import refused (${reason}): ${error?.message ?? 'no result'}`);
    return 1;
  }
  const result = response.data.importModel;
  console.log(
    `imported ${result.model.name} ${result.model.version} (${result.bytes} bytes, sha256 ${result.sha256})`,
  );
  console.log(`family: ${result.decision}`);
  console.log(
    `classes: ${result.classes.length} from ${result.namesSource}; label set ${result.labelSet}${result.labelSetCreated ? ' (new)' : ' (reused)'}`,
  );
  console.log(
    `warm-up on ${result.warmUp.photo}: ${Math.round(result.warmUp.milliseconds)} ms, ${result.warmUp.objects} objects`,
  );
  const { built, skipped } = result.profiles;
  console.log(`profiles: ${built.join(', ') || 'none'}`);
  for (const { profile, reason } of skipped) console.log(`  no ${profile}: ${reason}`);
  console.log(
    result.model.active
      ? 'active: it serves this model now'
      : `not active: activate it with activateModelVersion(name: "${result.model.name}", version: "${result.model.version}")`,
  );
  return 0;
});

/** --serving's JSON object; the server checks its fields (INVALID_SERVING). */
function parseServing(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`--serving must be a JSON object, e.g. '{"maxBatchSize":8}'`);
  return value as Record<string, unknown>;
}
