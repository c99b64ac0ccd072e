// A GraphQL document as codegen types it (written in ./documents, generated into ./generated): the string the
// dashboard sends, tagged with its result and variable types, so every call site is typed from the schema.
import type { TypedDocumentString } from './generated/graphql';

export type Operation<TData, TVariables> = TypedDocumentString<TData, TVariables>;

/** Variables are required exactly when the operation declares some. */
export type VariablesArg<TVariables> = [TVariables] extends [Record<string, never>]
  ? [variables?: TVariables]
  : [variables: TVariables];
