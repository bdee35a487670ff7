import { type ArgumentsHost, Catch, Inject, Logger, Optional } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import { AppError, type AppErrorKind } from '../errors';
import { contractCodeOf } from './format-error';
import type { GraphQLRequestContext } from './request-authenticator';
import { SECURITY_EVENT_SINK, type SecurityEventSink } from './security-events';

type MaybeViewer = { sub: string; role: string; org: string } | undefined;
type HttpResponse = {
  status(code: number): HttpResponse;
  json(body: unknown): void;
  setHeader(name: string, value: string): void;
};

const HTTP_STATUS: Record<AppErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
};

/**
 * Typed errors are answers, not incidents: hand them to GraphQL (formatGraphQLError gives them
 * their contract code) without Nest logging a stack trace for every refused or invalid request.
 * Refusals (UNAUTHENTICATED, FORBIDDEN) go to the audit log. Plain HTTP endpoints get the same
 * codes with an HTTP status.
 */
@Catch(AppError)
export class AppErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Audit');

  constructor(@Optional() @Inject(SECURITY_EVENT_SINK) private readonly sink?: SecurityEventSink) {}

  catch(error: AppError, host: ArgumentsHost): AppError | void {
    if (host.getType() === 'http') return this.answerHttp(error, host);
    if (this.sink && isRefusal(error.kind)) {
      const gql = GqlArgumentsHost.create(host);
      const viewer = gql.getContext<GraphQLRequestContext<MaybeViewer>>()?.auth?.viewer;
      const operation = gql.getInfo<{ fieldName?: string } | undefined>()?.fieldName ?? null;
      this.recordRefusal(error, viewer, operation);
    }
    return error;
  }

  /**
   * Plain HTTP endpoints (the CSV exports) answer with a status and the same contract code and
   * message as GraphQL would: `{ "error": { "code", "message", "field" } }`.
   */
  private answerHttp(error: AppError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ viewer?: MaybeViewer; route?: { path?: string }; path?: string }>();
    const response = http.getResponse<HttpResponse>();
    this.recordRefusal(error, request.viewer, request.route?.path ?? request.path ?? null);
    if (error.kind === 'unauthenticated') response.setHeader('WWW-Authenticate', 'Bearer');
    response
      .status(HTTP_STATUS[error.kind])
      .json({ error: { code: contractCodeOf(error.kind), message: error.message, field: error.field ?? null } });
  }

  /** Refusals (UNAUTHENTICATED, FORBIDDEN) go to the audit log; other errors are the caller's own. */
  private recordRefusal(error: AppError, viewer: MaybeViewer, operation: string | null): void {
    if (!isRefusal(error.kind)) return;
    this.sink
      ?.record({
        kind: error.kind,
        actor: viewer ? { sub: viewer.sub, role: viewer.role, org: viewer.org } : null,
        operation,
        detail: error.message,
      })
      .catch((failure: Error) => this.logger.error(`audit row for a refusal not written: ${failure.message}`));
  }
}

function isRefusal(kind: AppErrorKind): kind is 'unauthenticated' | 'forbidden' {
  return kind === 'unauthenticated' || kind === 'forbidden';
}
