import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildWanshiSchema } from './schema';

/**
 * The API's schema as SDL, the contract the dashboard's types are generated from. Sorted, so moving a resolver
 * or a field in the source changes nothing here and the committed file only changes with the contract.
 */
export async function printWanshiSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildWanshiSchema()))}\n`;
}
