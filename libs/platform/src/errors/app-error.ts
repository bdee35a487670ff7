/**
 * The service's typed errors. Services throw these (or a feature's subclass); the GraphQL error
 * formatter maps `kind` to the contract's `extensions.code` in one exhaustive switch
 * (graphql/format-error.ts), so a new kind fails the type check until it is mapped.
 */
export type AppErrorKind = 'unauthenticated' | 'forbidden' | 'invalid-input' | 'not-found' | 'conflict';

/**
 * What a client may read from an error besides its code, as `extensions` (e.g. `reason:
 * 'AUTHORITY_CLOSED'`, `opensAt`): enough to say in its own words why and until when, without
 * parsing the English message. Values only, never personal data.
 */
export type ErrorDetails = Readonly<Record<string, string | number | boolean>>;

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    message: string,
    /** For invalid input: the path of the offending field, e.g. `input.occupied`. */
    readonly field?: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'A valid bearer token is required: send "Authorization: Bearer <token>".') {
    super('unauthenticated', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

export class InvalidInputError extends AppError {
  constructor(field: string, message: string) {
    super('invalid-input', message, field);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not-found', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('conflict', message, undefined, details);
  }
}

/**
 * A change was committed, but its answer could not be put together (the database went away right
 * after the commit): not "nothing happened". The message says what may be stored and how to check;
 * the formatter sends it as INTERNAL_SERVER_ERROR with that message.
 */
export class CommittedButUnansweredError extends Error {
  constructor(
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
