// What the dashboard's GraphQL types are generated from and into. The runner (generate.ts) and the test that
// holds the committed output current (test/dashboard/generated-types.test.ts) both build on this one config.
import type { CodegenConfig } from '@graphql-codegen/cli';

/** The API's schema as SDL, printed from the type-graphql build and committed. */
export const SCHEMA_FILE = 'api/schema.graphql';
/** Every operation and fragment the dashboard sends, written with the generated `graphql()` function. */
export const DOCUMENTS = 'dashboard/lib/graphql/documents/**/*.ts';
/** The generated `graphql()` function and the result, variable, input and enum types; committed. */
export const GENERATED_DIR = 'dashboard/lib/graphql/generated/';

export function dashboardCodegen(): CodegenConfig {
  return {
    schema: SCHEMA_FILE,
    documents: DOCUMENTS,
    silent: true,
    errorsOnly: true,
    generates: {
      [GENERATED_DIR]: {
        preset: 'client',
        // Plain fragments: a component gets the fields it is passed, not a masked reference to unwrap.
        presetConfig: { fragmentMasking: false },
        config: {
          // Documents stay strings (the dashboard POSTs them as they are; no graphql parser in the bundle).
          documentMode: 'string',
          enumsAsTypes: true,
          useTypeImports: true,
          skipTypename: true,
          // A nullable field is always there, as null: `lastUsedAt: string | null`, not `lastUsedAt?: …`.
          avoidOptionals: { field: true },
          // Only what the operations use: no full object types a component could mistake for what it selected.
          onlyOperationTypes: true,
          strictScalars: true,
          scalars: { DateTimeISO: 'string', JSON: 'unknown', Upload: 'File' },
        },
      },
    },
  };
}
