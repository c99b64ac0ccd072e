// Refuses an operation that is too big before any resolver runs: too deep, too many aliases or directives, too
// costly, or more detect photos than one detectBatch may hold (tokens are counted earlier, by the HTTP layer,
// before anything is parsed: see tokens.ts). Every refusal is BAD_USER_INPUT (HTTP 400) with `details: { limit, max, actual }`, so a client can tell which
// limit it met. Anonymous introspection can be switched off (production): UNAUTHENTICATED.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphqlLimits } from '../../config';
import { measureOperation, type OperationMeasure } from './measure';

interface Caller {
  principal: unknown;
}

type LimitName = 'depth' | 'aliases' | 'directives' | 'cost' | 'detectImages';

const MEASURED: [LimitName, keyof GraphqlLimits, string][] = [
  ['depth', 'maxDepth', 'The query is nested too deeply'],
  ['aliases', 'maxAliases', 'The operation has too many aliases'],
  ['directives', 'maxDirectives', 'The operation has too many directives'],
  ['cost', 'maxCost', 'The request would cost too much (ask for fewer items or fewer fields)'],
  ['detectImages', 'maxDetectImages', 'The request asks to detect too many photos'],
];

function limitError(limit: LimitName, max: number, actual: number, message: string): GraphQLError {
  return new GraphQLError(`${message}: ${actual} > ${max} (${limit})`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, details: { limit, max, actual } },
  });
}

/** The first limit the measured operation (with what its request spent before it) breaks, if any. */
export function brokenLimit(measure: OperationMeasure, limits: GraphqlLimits): GraphQLError | undefined {
  for (const [limit, setting, message] of MEASURED) {
    const max = limits[setting] as number;
    if (measure[limit] > max) return limitError(limit, max, Math.ceil(measure[limit]), message);
  }
  return undefined;
}

export function operationLimitsPlugin<Context extends Caller>(
  limits: GraphqlLimits,
): ApolloServerPlugin<Context> {
  // Cost and photos add up over an HTTP request, so the operations of a batch (JSON array) share the caps as
  // aliases do: Apollo gives every operation of a batch the same response head, and each request its own.
  const spentPerRequest = new WeakMap<object, OperationMeasure>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, response, contextValue }) {
          if (!operation) return; // no such operation: execution reports it
          const measure = measureOperation(schema, document, operation, request.variables ?? {});
          const earlier = spentPerRequest.get(response.http);
          const spent = earlier
            ? {
                ...measure,
                cost: earlier.cost + measure.cost,
                detectImages: earlier.detectImages + measure.detectImages,
              }
            : measure;
          const broken = brokenLimit(spent, limits);
          if (broken) throw broken;
          spentPerRequest.set(response.http, spent);
          if (measure.introspection && !limits.anonymousIntrospection && !contextValue.principal) {
            throw new GraphQLError('Introspection needs an API key (Authorization: Bearer <key>)', {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
        },
      };
    },
  };
}
