// Starts the whole API: model repository, database (migrated and seeded), admin key, scheduler, GraphQL over
// HTTP. Used by `npm start` and by the integration tests, which start it in-process on a free port.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApolloServer } from '@apollo/server';
import type { Config, ExecutionProviderName } from '../config';
import { openDatabase } from '../db';
import { DatabaseHealth } from '../db/health';
import type { GraphQLContext } from '../graphql/context';
import { createErrorFormatter } from '../graphql/errors';
import { operationLimitsPlugin } from '../graphql/limits/plugin';
import { buildWanshiSchema } from '../graphql/schema';
import { GracefulClose } from '../http/graceful-close';
import type { Route } from '../http/routes';
import { createHttpServer } from '../http/server';
import { createLogger } from '../logging/logger';
import { createMetricsRegistry, registerSchedulerMetrics, renderMetrics } from '../metrics';
import type { ArtifactKey } from '../scheduler/types';
import { buildServingRepository } from '../profiles/repository-build';
import { ADVISORY_LOCKS, whileHolding } from '../replicas/advisory-lock';
import { ArtifactShare } from '../replicas/artifact-share';
import { ChangeFeed } from '../replicas/change-feed';
import { removeStaleStaging } from '../model-import/staging';
import { ensureAdminKey } from '../services/keys';
import { InferenceService } from '../serving/inference-service';
import { ModelRepository, scanModelRepository } from '../serving/model-repository';
import { openImageStore } from '../storage';
import { adminKeyNotice, writeAdminKeyFile, type AdminKeyNotice } from './admin-key-notice';
import { cacheInvalidators } from './change-invalidators';
import { apiRoutes } from './routes';
import { createServices, type Services } from './services';

const log = createLogger('server');
const IMAGE_PRUNE_INTERVAL_MS = 60 * 60_000;
const JOB_RECOVERY_INTERVAL_MS = 60_000;
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
  /** The HTTP routes it serves (api/src/server/routes.ts). */
  routes: readonly Route[];
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
  const images = await openImageStore(config.imageStore, db);
  const services = createServices(config, db, inference, images, repository);
  // Replicas on one PostgreSQL: a change made through any of them clears the others' caches at once, and the
  // model versions one of them imported or profiled reach the others' model folders.
  const artifacts =
    db.kind === 'postgres' ? new ArtifactShare(db.prisma, config.modelsDir, repository) : undefined;
  const changeFeed = config.databaseUrl
    ? await ChangeFeed.listen(config.databaseUrl, cacheInvalidators(services, artifacts))
    : undefined;
  await artifacts?.sync();
  // put() prunes as it stores; the timer covers quiet hours, so retention holds even without traffic. On
  // PostgreSQL one replica at a time prunes (the store takes an advisory lock).
  const pruneTimer = setInterval(
    () => images.prune().catch((error) => log.error('image retention pruning failed', error)),
    IMAGE_PRUNE_INTERVAL_MS,
  ).unref();
  // A replica killed while running a profile benchmark leaves its job in progress: another replica finds it
  // (the job's lock is free) without waiting for a restart. One process finds it at its next start.
  const recoveryTimer = config.databaseUrl
    ? setInterval(
        () => services.profileJobs.failInterrupted().catch((error) => log.error('job recovery failed', error)),
        JOB_RECOVERY_INTERVAL_MS,
      ).unref()
    : undefined;

  // Default profiles follow the provider: the configured first choice until a session shows which one loads.
  const assumedProvider = config.inference.providers[0];
  const seed = async () => {
    await services.labels.seedBuiltIn();
    await services.models.registerManifests(repository.manifests);
    await services.models.servingOn(assumedProvider);
    await services.profileJobs.failInterrupted();
    return ensureAdminKey(db.prisma, config);
  };
  // Replicas started together seed one after the other: the same upserts at once would collide.
  const admin = config.databaseUrl
    ? await whileHolding(config.databaseUrl, ADVISORY_LOCKS.startUp, seed)
    : await seed();
  if (artifacts) {
    await artifacts.publish(repository.entries);
    // From here on, what a job or an import adds to the folder is shared as soon as it is there.
    repository.onReplace((entries) =>
      void artifacts.publish(entries).catch((error) => log.error('sharing model files failed', error)),
    );
  }
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

  /** From SIGTERM on: answers not-ready. */
  let leaving = false;
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildWanshiSchema(),
    formatError: createErrorFormatter({ development: config.development }),
    includeStacktraceInErrorResponses: config.development,
    introspection: true,
    plugins: [operationLimitsPlugin(config.graphql)],
    // The HTTP layer caps the operations per batch (WANSHI_GRAPHQL_MAX_BATCH).
    allowBatchedHttpRequests: true,
  });
  const routes = apiRoutes({
    config,
    services,
    apollo,
    isReady: async () => !leaving && inference.isReady(defaultKey) && (await database.reachable()),
    metrics: () => renderMetrics(metricsRegistry),
    refusalAtTheDoor: () => inference.scheduler.refusalAtTheDoor(),
  });
  const http = createHttpServer({
    routes,
    authenticate: (req) => services.requestGate.authenticate(req),
    isShuttingDown: (): boolean => graceful.isDraining,
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
      clearInterval(recoveryTimer);
      // Not ready first, still serving: the balancer's health checks take this replica out before it drains,
      // so requests stop arriving instead of being refused SHUTTING_DOWN.
      leaving = true;
      await sleep(config.shutdown.readyDelayMs);
      // New requests are answered SHUTTING_DOWN from here; those in flight (queued detections) finish.
      const connectionsClosed = graceful.close({ graceMs, idleMs: SHUTDOWN_IDLE_CONNECTION_MS });
      await inference.shutdown(graceMs);
      await connectionsClosed;
      await apollo.stop();
      await services.profileJobs.shutdown();
      await warmed;
      await services.usageRecorder.close();
      await changeFeed?.close();
      await db.close();
    })());
  const adminKey = config.adminKey
    ? undefined
    : adminKeyNotice(config.dataDir, admin.outcome === 'generated' ? admin.secret : undefined);
  return { url, services, routes, ready: warmed, adminKey, close };
}
