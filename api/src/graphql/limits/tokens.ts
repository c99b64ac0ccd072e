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
