// What operators and load balancers expect besides the API: KServe v2 health paths and Prometheus metrics.
import type { ServerResponse } from 'node:http';
import type { Route } from './routes';

export interface OperatorRouteOptions {
  /** The default model is loaded and the database answers; false from shutdown on. */
  isReady(): Promise<boolean>;
  metrics(): Promise<{ contentType: string; body: string }>;
  /** When set, /metrics needs `Authorization: Bearer <metricsToken>`. */
  metricsToken: string | undefined;
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

export function operatorRoutes(options: OperatorRouteOptions): Route[] {
  const health = (path: string, answer: () => Promise<{ status: number; body: unknown }>): Route => ({
    methods: ['GET', 'HEAD'],
    path,
    auth: 'none',
    duringShutdown: true,
    async handle({ res }) {
      const { status, body } = await answer();
      sendJson(res, status, body);
    },
  });
  const live = async () => ({ status: 200, body: { live: true } });
  const ready = async () => {
    const isReady = await options.isReady();
    return { status: isReady ? 200 : 503, body: { ready: isReady } };
  };
  return [
    health('/health/live', live),
    health('/v2/health/live', live),
    health('/health/ready', ready),
    health('/v2/health/ready', ready),
    {
      methods: ['GET'],
      path: '/metrics',
      auth: { token: options.metricsToken },
      async handle({ res }) {
        const { contentType, body } = await options.metrics();
        res.writeHead(200, { 'content-type': contentType }).end(body);
      },
    },
  ];
}
