import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { AppError, type AppErrorKind, CommittedButUnansweredError } from '../errors';

/** The contract's `extensions.code` values (api-contract.md "Errors"). */
export type ContractErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

export function contractCodeOf(kind: AppErrorKind): ContractErrorCode {
  switch (kind) {
    case 'unauthenticated':
      return 'UNAUTHENTICATED';
    case 'forbidden':
      return 'FORBIDDEN';
    case 'invalid-input':
      return 'BAD_USER_INPUT';
    case 'not-found':
      return 'NOT_FOUND';
    case 'conflict':
      return 'CONFLICT';
    default: {
      const unmapped: never = kind;
      throw new Error(`AppErrorKind ${String(unmapped)} has no contract code`);
    }
  }
}

/**
 * Apollo's own codes for a request that never reached a resolver. They all mean the caller sent
 * something the schema does not allow (a wrong type, an unknown field), so the contract calls them
 * BAD_USER_INPUT; Apollo's message already names the field and the expected type.
 */
const CALLER_MISTAKES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // An unknown persisted-query hash: the client should send the query itself (APQ), not a 500.
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const logger = new Logger('GraphQLErrors');

/**
 * Turns any error into a contract error: a typed AppError keeps its message and gets its code;
 * a caller mistake detected by GraphQL becomes BAD_USER_INPUT; everything else is logged here and
 * leaves as a plain INTERNAL_SERVER_ERROR with no stack, message or token echoed back.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return {
      ...base,
      message: original.message,
      extensions: {
        ...original.details,
        code: contractCodeOf(original.kind),
        ...(original.field ? { field: original.field } : {}),
      },
    };
  }
  if (original instanceof CommittedButUnansweredError) {
    logger.error(`committed, answer failed: ${original.message}`);
    return {
      message: original.message,
      path: formatted.path,
      extensions: { ...original.details, code: 'INTERNAL_SERVER_ERROR', committed: true },
    };
  }
  const apolloCode = formatted.extensions?.code;
  // Over the caller's rate budget (an expensive operation draws several points): said as the
  // middleware says it, with its message (the seconds to wait).
  if (apolloCode === 'RATE_LIMITED') return { ...base, extensions: { code: 'RATE_LIMITED' } };
  if (typeof apolloCode === 'string' && CALLER_MISTAKES.has(apolloCode)) {
    return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { message: NOTHING_CHANGED, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** A query's failure: a query changes nothing, so it may say so. */
export const NOTHING_CHANGED = 'Something went wrong on our side; nothing was changed. Please try again.';

/**
 * A mutation's failure: it may have failed after its change was committed (the database went away
 * between commit and answer), so it never claims the change was not carried out.
 */
export const MAY_HAVE_CHANGED =
  'Something went wrong on our side; the change may or may not have been carried out. Check before repeating it ' +
  '(a request you submitted shows in placementRequests(filter: { mine: true })), or repeat a submission with the same ' +
  'clientReference: a repeat with the same clientReference never makes a second request.';

/**
 * The formatter does not know the operation's type; this plugin does: a mutation's unexplained
 * INTERNAL_SERVER_ERROR says it may have been carried out instead of "nothing was changed".
 */
export function honestMutationErrorsPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const { body } = requestContext.response;
          if (requestContext.operation?.operation !== 'mutation' || body.kind !== 'single') return;
          const errors = body.singleResult.errors;
          if (!errors?.length) return;
          (body.singleResult as { errors?: unknown }).errors = errors.map((error) =>
            error.extensions?.code === 'INTERNAL_SERVER_ERROR' && error.message === NOTHING_CHANGED
              ? { ...error, message: MAY_HAVE_CHANGED }
              : error,
          );
        },
      };
    },
  };
}
