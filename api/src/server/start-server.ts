// Starts the whole API: model repository, database (migrated and seeded), admin key, scheduler, GraphQL over
// HTTP. Used by `npm start` and by the integration tests, which start it in-process on a free port.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { Config } from '../config';
import { openDatabase } from '../db';
import { DatabaseHealth } from '../db/health';
import { contextFor, type GraphQLContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { buildWanshiSchema } from '../graphql/schema';
import { GracefulClose } from '../http/graceful-close';
import { createHttpServer } from '../http/server';
import { createLogger } from '../logging/logger';
import { createMetricsRegistry, registerSchedulerMetrics, renderMetrics } from '../metrics';
import { buildModelRepository } from '../../../models/src/repository/build';
import { ensureAdminKey } from '../services/keys';
import { InferenceService } from '../serving/inference-service';
import { ModelRepository, scanModelRepository } from '../serving/model-repository';
import { FileSystemImageStore } from '../storage';
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
  /** Stops accepting, finishes queued work (up to graceMs), closes the database. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const built = await buildModelRepository({ modelsDir: config.modelsDir });
  const changed = built.filter((a) => a.status !== 'up to date');
  log.info(`model repository: ${built.length} artifacts, ${changed.length} (re)built`);
  const repository = new ModelRepository(await scanModelRepository(config.modelsDir));

  const db = await openDatabase(config);
  log.info(`database: ${db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}, migrated`);

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
  await services.profileJobs.failInterrupted();
  const admin = await ensureAdminKey(db.prisma, config);
  if (admin.outcome === 'generated') {
    log.warn(`created the first admin API key (shown once, store it now): ${admin.secret}`);
  } else if (admin.outcome === 'configured-revoked') {
    log.warn('WANSHI_ADMIN_KEY was revoked through the API and stays revoked');
  }

  // Ready means the default model's default profile is loaded and warmed up (Triton's model readiness).
  const serving = await services.models.resolveServingVersion();
  const defaultKey = {
    model: serving.name,
    version: serving.version,
    precision: serving.defaultPrecision,
    inputSize: serving.defaultInputSize,
  };
  const warmed = inference.warm(defaultKey).then(
    () => log.info(`ready: ${serving.name}@${serving.version} ${serving.defaultPrecision}/${serving.defaultInputSize} on ${inference.providerOf(defaultKey)}`),
    (error) => log.error('warm-up of the default model failed', error),
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildWanshiSchema(),
    formatError,
    introspection: true,
  });
  const http = createHttpServer<GraphQLContext>({
    apollo,
    graphqlContext: (req) => contextFor(req, services),
    isReady: async () => inference.isReady(defaultKey) && (await database.reachable()),
    isShuttingDown: (): boolean => graceful.isDraining,
    refusalAtTheDoor: () => inference.scheduler.refusalAtTheDoor(),
    metrics: () => renderMetrics(metricsRegistry),
    image: imageRoute(services),
    exportFile: exportRoute(services),
    maxRequestBytes: config.limits.maxRequestBytes,
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
      await db.close();
    })());
  return { url, services, close };
}
