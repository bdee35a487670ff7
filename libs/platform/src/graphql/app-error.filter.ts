import { type ArgumentsHost, Catch, Inject, Logger, Optional } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import { AppError } from '../errors';
import type { GraphQLRequestContext } from './request-authenticator';
import { SECURITY_EVENT_SINK, type SecurityEventSink } from './security-events';

type MaybeViewer = { sub: string; role: string; org: string } | undefined;

/**
 * Typed errors are answers, not incidents: hand them to GraphQL (formatGraphQLError gives them
 * their contract code) without Nest logging a stack trace for every refused or invalid request.
 * Refusals (UNAUTHENTICATED, FORBIDDEN) go to the audit log.
 */
@Catch(AppError)
export class AppErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Audit');

  constructor(@Optional() @Inject(SECURITY_EVENT_SINK) private readonly sink?: SecurityEventSink) {}

  catch(error: AppError, host: ArgumentsHost): AppError {
    if (this.sink && (error.kind === 'unauthenticated' || error.kind === 'forbidden')) {
      const gql = GqlArgumentsHost.create(host);
      const viewer = gql.getContext<GraphQLRequestContext<MaybeViewer>>()?.auth?.viewer;
      const operation = gql.getInfo<{ fieldName?: string } | undefined>()?.fieldName ?? null;
      this.sink
        .record({ kind: error.kind, actor: viewer ? { sub: viewer.sub, role: viewer.role, org: viewer.org } : null, operation, detail: error.message })
        .catch((failure: Error) => this.logger.error(`audit row for a refusal not written: ${failure.message}`));
    }
    return error;
  }
}
