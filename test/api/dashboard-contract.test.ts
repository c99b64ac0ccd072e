// The dashboard's GraphQL types are generated from the API's schema (npm run graphql:generate), its error codes
// and enum labels are hand-written. These hold both to the API: a renamed field, a changed type or a new enum
// value fails here, not in a browser in production.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { GraphQLEnumType, parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../api/src/graphql/errors';
import { buildWanshiSchema } from '../../api/src/graphql/schema';
import { printWanshiSchema } from '../../api/src/graphql/sdl';
import { API_ERROR_CODES } from '../../dashboard/lib/graphql/errors';
import { en } from '../../dashboard/lib/i18n/en';
import { zhCN } from '../../dashboard/lib/i18n/zh-CN';
import { SCHEMA_FILE, dashboardCodegen } from '../../scripts/graphql/codegen';
import { DASHBOARD_OPERATIONS } from '../support/dashboard-operations';

const STALE = 'stale: run `npm run graphql:generate` and commit the result';

describe('the dashboard against the API contract', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildWanshiSchema();
  });

  it('has its GraphQL documents where it expects them', () => {
    expect(DASHBOARD_OPERATIONS.length).toBeGreaterThan(20);
  });

  it('commits the schema SDL as the API builds it', async () => {
    expect(await printWanshiSchema(), `${SCHEMA_FILE} is ${STALE}`).toBe(await readFile(SCHEMA_FILE, 'utf8'));
  });

  it('commits generated types current with that schema and its documents', async () => {
    const outputs = await generate(dashboardCodegen(), false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs)
      expect(content, `${path.relative('.', filename)} is ${STALE}`).toBe(await readFile(filename, 'utf8'));
  });

  it.each(DASHBOARD_OPERATIONS)('sends %s as a document valid against the schema', (_, query) => {
    expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
  });

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
