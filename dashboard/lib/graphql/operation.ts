// A GraphQL document tagged with its result and variable types, so every call site is typed without codegen.

export type NoVariables = Record<string, never>;

export interface Operation<TData, TVariables> {
  readonly query: string;
  /** Phantom field: carries the types only, never set. */
  readonly __types?: (variables: TVariables) => TData;
}

export function operation<TData, TVariables = NoVariables>(query: string): Operation<TData, TVariables> {
  return { query };
}

/** Variables are required exactly when the operation declares some. */
export type VariablesArg<TVariables> = [TVariables] extends [NoVariables]
  ? [variables?: TVariables]
  : [variables: TVariables];
