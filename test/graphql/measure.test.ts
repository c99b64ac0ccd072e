// The measure the operation limits are checked against, on the real schema, without a server.
import { getIntrospectionQuery, getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config';
import { measureOperation } from '../../api/src/graphql/limits/measure';
import { brokenLimit } from '../../api/src/graphql/limits/plugin';
import { countTokens } from '../../api/src/graphql/limits/tokens';
import { buildWanshiSchema } from '../../api/src/graphql/schema';
import { DASHBOARD_OPERATIONS } from '../support/dashboard-operations';

const DEFAULTS = loadConfig({}).graphql;

describe('operation measure', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildWanshiSchema();
  });
  const measure = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    return measureOperation(schema, document, getOperationAST(document)!, variables);
  };

  it('counts depth as the nesting of fields', () => {
    expect(measure('{ me { id } }').depth).toBe(2);
    expect(measure('{ detections { edges { node { objects { label { zh } } } } } }').depth).toBe(6);
  });

  it('multiplies a connection by its first argument, from a literal or a variable', () => {
    const literal = measure('{ detections(first: 100) { edges { node { id } } } }').cost;
    const variable = measure('query($n: Int) { detections(first: $n) { edges { node { id } } } }', {
      n: 100,
    }).cost;
    const small = measure('{ detections(first: 5) { edges { node { id } } } }').cost;
    expect(literal).toBe(variable);
    expect(literal / small).toBeGreaterThan(15);
  });

  it('counts aliases and directives, also inside fragments each time they are spread', () => {
    const m = measure(
      `query($x: Boolean!) { ...F ...F  c: me { id @include(if: $x) } }
      fragment F on Query { a: me { id } b: me { name } }`,
      { x: true },
    );
    expect(m.aliases).toBe(5);
    expect(m.directives).toBe(1);
  });

  it('measures fragments spread in a doubling chain without walking every expansion', () => {
    const chain = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    const query = `{ ...F0 } ${chain.join(' ')} fragment F40 on Query { me { id } }`;
    const started = performance.now();
    const m = measure(query);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(m.cost).toBeGreaterThan(2 ** 40);
  });

  it('counts the photos of aliased detect fields and of detectBatch inputs', () => {
    const aliased = Array.from({ length: 1000 }, (_, i) => `d${i}: detect(input: $i) { id }`).join(' ');
    expect(measure(`mutation($i: DetectInput!) { ${aliased} }`).detectImages).toBe(1000);
    const batch = `mutation($b: [DetectInput!]!, $i: DetectInput!) { detectBatch(inputs: $b) { id } one: detect(input: $i) { id } }`;
    expect(measure(batch, { b: new Array(32).fill({}) }).detectImages).toBe(33);
  });

  it('tells introspection apart from __typename', () => {
    expect(measure('{ __typename }').introspection).toBe(false);
    expect(measure('{ __schema { queryType { name } } }').introspection).toBe(true);
    expect(measure('{ __type(name: "Query") { name } }').introspection).toBe(true);
  });

  it.each(DASHBOARD_OPERATIONS)(
    'lets the dashboard send %s within the default limits, even for pages of 100',
    (_, query) => {
      expect(countTokens(query, DEFAULTS.maxTokens)).toBeLessThanOrEqual(DEFAULTS.maxTokens);
      expect(brokenLimit(measure(query, { first: 100 }), DEFAULTS)?.message).toBeUndefined();
    },
  );

  it('lets a key holder run the standard introspection query (GraphiQL, codegen)', () => {
    const query = getIntrospectionQuery();
    expect(countTokens(query, DEFAULTS.maxTokens)).toBeLessThanOrEqual(DEFAULTS.maxTokens);
    expect(brokenLimit(measure(query), DEFAULTS)?.message).toBeUndefined();
  });

  it('refuses the probe that stalled the service: 300 aliased detections(first: 100) with their objects', () => {
    const field = (i: number) =>
      `d${i}: detections(first: 100) { edges { node { id objects { score label { zh } } } } }`;
    const query = `{ ${Array.from({ length: 300 }, (_, i) => field(i)).join(' ')} }`;
    expect(brokenLimit(measure(query), DEFAULTS)?.extensions.details).toMatchObject({ limit: 'aliases' });
    expect(brokenLimit(measure(query), { ...DEFAULTS, maxAliases: 1000 })?.extensions.details).toMatchObject({
      limit: 'cost',
    });
  });
});

describe('countTokens', () => {
  it('stops counting just past the limit', () => {
    const huge = `{ ${Array.from({ length: 100_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(countTokens(huge, 2000)).toBe(2001);
    expect(countTokens('{ me { id } }', 2000)).toBe(6);
  });
});
