// Every HTTP route the API serves, in one table: what a new endpoint is added to.
import type { ApolloServer } from '@apollo/server';
import type { Config } from '../config';
import type { GraphQLContext } from '../graphql/context';
import { graphqlRoute } from '../http/graphql-route';
import { operatorRoutes } from '../http/operator-routes';
import type { Route } from '../http/routes';
import { detectRoute } from '../rest/detect-route';
import { bundleRoute } from './bundle-route';
import { exportRoute } from './export-route';
import { imageRoute } from './image-route';
import type { Services } from './services';

export interface ApiRouteOptions {
  config: Config;
  services: Services;
  apollo: ApolloServer<GraphQLContext>;
  isReady(): Promise<boolean>;
  metrics(): Promise<{ contentType: string; body: string }>;
  /** The coded OVERLOADED refusal a detect would get now from every model's queue, if any. */
  refusalAtTheDoor(): Error | undefined;
}

export function apiRoutes({ config, services, apollo, ...operator }: ApiRouteOptions): Route[] {
  return [
    ...operatorRoutes({ ...operator, metricsToken: config.metricsToken }),
    graphqlRoute({
      apollo,
      contextFor: (principal) => ({ principal, services }),
      refusalAtTheDoor: operator.refusalAtTheDoor,
      maxRequestBytes: config.limits.maxRequestBytes,
      maxAnonymousRequestBytes: config.limits.maxAnonymousRequestBytes,
      maxBatchOperations: config.graphql.maxBatchOperations,
      maxQueryTokens: config.graphql.maxTokens,
      maxUploadBytes: config.imports.maxBytes,
      maxUploadFiles: config.limits.maxBatchInputs,
    }),
    detectRoute(apollo, services, config.limits.maxImageBytes),
    imageRoute(services),
    bundleRoute(services),
    exportRoute(services),
  ];
}
