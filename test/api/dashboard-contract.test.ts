// The dashboard talks to the API through hand-written GraphQL documents, error codes and enum labels. These
// hold them to the API's own schema and code list, so a renamed field or a new enum value fails here, not in
// a browser in production.
import { GraphQLEnumType, parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../api/src/graphql/errors';
import { buildWanshiSchema } from '../../api/src/graphql/schema';
import * as detections from '../../dashboard/lib/graphql/documents/detections';
import * as keys from '../../dashboard/lib/graphql/documents/keys';
import * as labels from '../../dashboard/lib/graphql/documents/labels';
import * as models from '../../dashboard/lib/graphql/documents/models';
import * as profiles from '../../dashboard/lib/graphql/documents/profiles';
import * as review from '../../dashboard/lib/graphql/documents/review';
import { API_ERROR_CODES } from '../../dashboard/lib/graphql/errors';
import { en } from '../../dashboard/lib/i18n/en';
import { zhCN } from '../../dashboard/lib/i18n/zh-CN';

const DOCUMENT_MODULES = { detections, keys, labels, models, profiles, review };

/** Every exported operation of the dashboard's document modules, by module and export name. */
const operations = Object.entries(DOCUMENT_MODULES).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(
      (entry): entry is [string, { query: string }] =>
        typeof (entry[1] as { query?: unknown })?.query === 'string',
    )
    .map(([name, operation]) => ({ name: `${module}.${name}`, query: operation.query })),
);

describe('the dashboard against the API contract', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildWanshiSchema();
  });

  it('has its GraphQL documents where it expects them', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each(operations.map((o) => [o.name, o.query]))(
    'sends %s as a document valid against the schema',
    (_, query) => {
      expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
    },
  );

  it('knows every error code the API sends, and the validation failure it reacts to', () => {
    expect([...API_ERROR_CODES].sort()).toEqual([...ERROR_CODES, 'GRAPHQL_VALIDATION_FAILED'].sort());
    for (const messages of [zhCN, en])
      expect(Object.keys(messages.errors).sort()).toEqual(
        [...API_ERROR_CODES, 'API_UNREACHABLE', 'UNKNOWN'].sort(),
      );
  });

  it.each([
    ['ProfileJobStatus', (m: typeof zhCN) => m.models.benchmark.status],
    ['ReviewReason', (m: typeof zhCN) => m.review.reasons],
    ['Verdict', (m: typeof zhCN) => m.review.verdicts],
    ['Role', (m: typeof zhCN) => m.roles],
  ] as const)('names every %s value in both languages', (enumName, labelsOf) => {
    const values = (schema.getType(enumName) as GraphQLEnumType)
      .getValues()
      .map((v) => v.name)
      .sort();
    for (const messages of [zhCN, en]) expect(Object.keys(labelsOf(messages)).sort()).toEqual(values);
  });
});
