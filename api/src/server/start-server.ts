// Starts the whole API: model repository, database (migrated and seeded), admin key, scheduler, GraphQL over
// HTTP. Used by `npm start` and by the integration tests, which start it in-process on a free port.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { Config, ExecutionProviderName } from '../config';
import { openDatabase } from '../db';
import { DatabaseHealth } from '../db/health';
import { contextFor, type GraphQLContext } from '../graphql/context';
import { createErrorFormatter } from '../graphql/errors';
import { operationLimitsPlugin } from '../graphql/limits/plugin';
import { buildWanshiSchema } from '../graphql/schema';
import { GracefulClose } from '../http/graceful-close';
import { createHttpServer } from '../http/server';
import { createLogger } from '../logging/logger';
import { createMetricsRegistry, registerSchedulerMetrics, renderMetrics } from '../metrics';
import type { ArtifactKey } from '../scheduler/types';
import { buildServingRepository } from '../profiles/repository-build';
import { removeStaleStaging } from '../model-import/staging';
import { ensureAdminKey } from '../services/keys';
import { InferenceService } from '../serving/inference-service';
import { ModelRepository, scanModelRepository } from '../serving/model-repository';
import { FileSystemImageStore } from '../storage';
import { adminKeyNotice, writeAdminKeyFile, type AdminKeyNotice } from './admin-key-notice';
import { detectRoute } from '../rest/detect-route';
import { bundleRoute } from './bundle-route';
import { exportRoute } from './export-route';
import { imageRoute } from './image-route';
import { createServices, type Services } from './services';

const log = createLogger('server');
const IMAGE_PRUNE_INTERVAL_MS = 60 * 60_000;
/**
 * A kept-alive connection idle this long during shutdown is ended: a client in a request loop would have sent
 * its next request on it by then (and got `Connection: close` with the answer).
 */
const SHUTDOWN_IDLE_CONNECTION_MS = 1000;

export interface RunningServer {
  url: string;
  services: Services;
  /** Settles when the default model is warmed up (or its warm-up failed, which is logged). */
  ready: Promise<void>;
  /** Where the admin key is for the operator (and the key itself on the start that generated it). */
  adminKey: AdminKeyNotice | undefined;
  /** Stops accepting, finishes queued work (up to graceMs), closes the database. */
  close(graceMs?: number): Promise<void>;
}

/** The artifact a request naming nothing runs: the default model's active version at its default profile. */
async function servingKey(services: Services): Promise<ArtifactKey> {
  const serving = await services.models.resolveServingVersion();
  return {
    model: serving.name,
    version: serving.version,
    precision: serving.defaultPrecision,
    inputSize: serving.defaultInputSize,
  };
}

export async function startServer(config: Config): Promise<RunningServer> {
  const built = await buildServingRepository({ modelsDir: config.modelsDir });
  const changed = built.filter((a) => a.status !== 'up to date');
  log.info(`model repository: ${built.length} artifacts, ${changed.length} (re)built`);
  await removeStaleStaging(config.modelsDir);
  const repository = new ModelRepository(await scanModelRepository(config.modelsDir));

  const db = await openDatabase(config);
  log.info(
    `database: ${db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}, migrated`,
  );

  const database = new DatabaseHealth(() => db.prisma.$queryRawUnsafe('SELECT 1'));
  const metricsRegistry = createMetricsRegistry();
  const schedulerMetrics = registerSchedulerMetrics(metricsRegistry);
  const inference = new InferenceService(repository, config, schedulerMetrics.observer);
  schedulerMetrics.watch(inference);
  const images = await FileSystemImageStore.open(config.imageStore);
  const services = createServices(config, db, inference, images, repository);
  // put() prunes as it stores; the timer covers quiet hours, so retention holds even without traffic.
  const pruneTimer = setInterval(
    () => images.pruneExpired().catch((error) => log.error('image retention pruning failed', error)),
    IMAGE_PRUNE_INTERVAL_MS,
  ).unref();

  await services.labels.seedBuiltIn();
  await services.models.registerManifests(repository.manifests);
  // Default profiles follow the provider: the configured first choice until a session shows which one loads.
  const assumedProvider = config.inference.providers[0];
  await services.models.servingOn(assumedProvider);
  await services.profileJobs.failInterrupted();
  const admin = await ensureAdminKey(db.prisma, config);
  if (admin.outcome === 'generated') {
    // Written before anything else can fail, so a failed first start does not lose the key.
    log.info(
      `created the first admin API key, written to ${await writeAdminKeyFile(config.dataDir, admin.secret)}`,
    );
  } else if (admin.outcome === 'configured-revoked') {
    log.warn('WANSHI_ADMIN_KEY was revoked through the API and stays revoked');
  }

  // Ready means the default model's default profile is loaded and warmed up (Triton's model readiness).
  let defaultKey = await servingKey(services);
  const warmed = (async () => {
    await inference.warm(defaultKey);
    const provider = inference.providerOf(defaultKey) as ExecutionProviderName;
    if (provider !== assumedProvider) {
      // It fell back (e.g. no GPU libraries): the defaults are the ones for the provider that did load.
      await services.models.servingOn(provider);
      const key = await servingKey(services);
      await inference.warm(key);
      defaultKey = key;
    }
    const { model, version, precision, inputSize } = defaultKey;
    log.info(`ready: ${model}@${version} ${precision}/${inputSize} on ${inference.providerOf(defaultKey)}`);
  })().catch((error: unknown) => log.error('warm-up of the default model failed', error));

  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildWanshiSchema(),
    formatError: createErrorFormatter({ development: config.development }),
    includeStacktraceInErrorResponses: config.development,
    introspection: true,
    plugins: [operationLimitsPlugin(config.graphql)],
    // The HTTP layer caps the operations per batch (WANSHI_GRAPHQL_MAX_BATCH).
    allowBatchedHttpRequests: true,
  });
  const http = createHttpServer<GraphQLContext>({
    apollo,
    graphqlContext: (req) => contextFor(req, services),
    hasKey: (context) => context.principal !== null,
    isReady: async () => inference.isReady(defaultKey) && (await database.reachable()),
    isShuttingDown: (): boolean => graceful.isDraining,
    refusalAtTheDoor: () => inference.scheduler.refusalAtTheDoor(),
    metrics: () => renderMetrics(metricsRegistry),
    image: imageRoute(services),
    exportFile: exportRoute(services),
    bundleFile: bundleRoute(services),
    detectRest: detectRoute(apollo, services, config.limits.maxImageBytes),
    maxRequestBytes: config.limits.maxRequestBytes,
    maxAnonymousRequestBytes: config.limits.maxAnonymousRequestBytes,
    maxBatchOperations: config.graphql.maxBatchOperations,
    maxQueryTokens: config.graphql.maxTokens,
    metricsToken: config.metricsToken,
    maxUploadBytes: config.imports.maxBytes,
    maxUploadFiles: config.limits.maxBatchInputs,
  });
  const graceful: GracefulClose = new GracefulClose(http);
  await apollo.start();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  log.info(`listening on ${url}/graphql`);

  let closing: Promise<void> | undefined;
  const close = (graceMs = 10_000) =>
    (closing ??= (async () => {
      clearInterval(pruneTimer);
      // New requests are answered SHUTTING_DOWN from here; those in flight (queued detections) finish.
      const connectionsClosed = graceful.close({ graceMs, idleMs: SHUTDOWN_IDLE_CONNECTION_MS });
      await inference.shutdown(graceMs);
      await connectionsClosed;
      await apollo.stop();
      await services.profileJobs.shutdown();
      await warmed;
      await services.usageRecorder.close();
      await db.close();
    })());
  const adminKey = config.adminKey
    ? undefined
    : adminKeyNotice(config.dataDir, admin.outcome === 'generated' ? admin.secret : undefined);
  return { url, services, ready: warmed, adminKey, close };
}
