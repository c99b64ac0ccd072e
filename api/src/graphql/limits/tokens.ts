import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

/**
 * The tokens of a GraphQL document, counted up to `max + 1` only: a huge document costs no more than the
 * limit to refuse. A syntax error ends the count; the parser then reports it.
 */
export function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return count;
}

/**
 * The most tokens in any query document of a request body (one operation, or a batch's array), counted up to
 * `max + 1`.
 */
export function mostTokens(documents: unknown[], max: number): number {
  let most = 0;
  for (const document of documents) {
    const query = (document as { query?: unknown } | null)?.query;
    if (typeof query === 'string') most = Math.max(most, countTokens(query, max));
  }
  return most;
}
