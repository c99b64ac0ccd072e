// Domain errors with a stable `code`, which the GraphQL layer passes to clients as `extensions.code`
// (api/src/graphql/errors.ts reads `code`, `message` and `details`).

export type DomainErrorCode = 'NOT_FOUND' | 'BAD_USER_INPUT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  constructor(
    message: string,
    /** Machine-readable specifics (e.g. which field was invalid). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
}

export class InputError extends DomainError {
  override name = 'InputError';
  readonly code = 'BAD_USER_INPUT';
}

export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
}

export class UnauthenticatedError extends DomainError {
  override name = 'UnauthenticatedError';
  readonly code = 'UNAUTHENTICATED';
}

/** The request is valid but clashes with existing state (e.g. a key that is already taken). */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
  readonly code = 'CONFLICT';
}
