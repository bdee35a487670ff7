import {
  type ArgumentsHost,
  type BeforeApplicationShutdown,
  Catch,
  Inject,
  Logger,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import { CLOCK, type Clock } from '../clock/clock';
import { AppError, type AppErrorKind } from '../errors';
import { httpErrorAnswer, type ShapedRequest } from '../http/http-error-answer';
import { contractCodeOf } from './format-error';
import type { GraphQLRequestContext } from './request-authenticator';
import { SECURITY_EVENT_SINK, type SecurityEvent, type SecurityEventSink, UnauthenticatedSummary } from './security-events';

/** Set on a GraphQL context once its refusal is audited: one row per refused request, not per field. */
const REFUSAL_AUDITED = Symbol('refusalAudited');

type MaybeViewer = { sub: string; role: string; org: string } | undefined;
type HttpResponse = {
  status(code: number): HttpResponse;
  send(body: string): void;
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
 * Refusals (UNAUTHENTICATED, FORBIDDEN) go to the audit log, one row per refused request (20
 * aliased fields refused are one row), and failures without a valid token summarised per client
 * address and minute (UnauthenticatedSummary). Plain HTTP endpoints get the same codes with an
 * HTTP status.
 */
@Catch(AppError)
export class AppErrorFilter implements GqlExceptionFilter, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly summary: UnauthenticatedSummary;
  private readonly flushTimer: NodeJS.Timeout;

  constructor(
    @Optional() @Inject(SECURITY_EVENT_SINK) private readonly sink?: SecurityEventSink,
    @Optional() @Inject(CLOCK) clock?: Clock,
  ) {
    this.summary = new UnauthenticatedSummary(
      (event) => this.write(event),
      () => (clock ? clock.now().getTime() : Date.now()),
    );
    this.flushTimer = setInterval(() => void this.summary.flush(), 60_000);
    this.flushTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.flushTimer);
  }

  /** Summaries still open are written before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.summary.flush(true);
  }

  catch(error: AppError, host: ArgumentsHost): AppError | void {
    if (host.getType() === 'http') return this.answerHttp(error, host);
    if (this.sink && isRefusal(error.kind)) {
      const gql = GqlArgumentsHost.create(host);
      const context = gql.getContext<(GraphQLRequestContext<MaybeViewer> & { [REFUSAL_AUDITED]?: boolean }) | undefined>();
      if (context?.[REFUSAL_AUDITED]) return error;
      if (context) context[REFUSAL_AUDITED] = true;
      const operation = gql.getInfo<{ fieldName?: string } | undefined>()?.fieldName ?? null;
      this.recordRefusal(error, context?.auth?.viewer, operation, context?.client);
    }
    return error;
  }

  /**
   * Plain HTTP endpoints (the CSV exports) answer with a status and the same contract code and
   * message as GraphQL would: `{ "error": { "code", "message", "field" } }`, or in the shape their
   * standard gives errors (http-error-answer.ts: FHIR's OperationOutcome).
   */
  private answerHttp(error: AppError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<
      { viewer?: MaybeViewer; route?: { path?: string }; path?: string; ip?: string } & ShapedRequest
    >();
    const response = http.getResponse<HttpResponse>();
    this.recordRefusal(error, request.viewer, request.route?.path ?? request.path ?? null, request.ip);
    if (error.kind === 'unauthenticated') response.setHeader('WWW-Authenticate', 'Bearer');
    const answer = httpErrorAnswer(request, {
      code: contractCodeOf(error.kind),
      message: error.message,
      field: error.field ?? null,
    });
    response.setHeader('Content-Type', answer.contentType);
    response.status(HTTP_STATUS[error.kind]).send(JSON.stringify(answer.body));
  }

  /** Refusals (UNAUTHENTICATED, FORBIDDEN) go to the audit log; other errors are the caller's own. */
  private recordRefusal(error: AppError, viewer: MaybeViewer, operation: string | null, client: string | undefined): void {
    if (!isRefusal(error.kind) || !this.sink) return;
    const event: SecurityEvent = {
      kind: error.kind,
      actor: viewer ? { sub: viewer.sub, role: viewer.role, org: viewer.org } : null,
      operation,
      detail: error.message,
    };
    if (error.kind === 'unauthenticated' && !viewer) void this.summary.note(event, client);
    else void this.write(event);
  }

  private write(event: SecurityEvent): Promise<void> {
    if (!this.sink) return Promise.resolve();
    return this.sink
      .record(event)
      .catch((failure: Error) => this.logger.error(`audit row for a refusal not written: ${failure.message}`));
  }
}

function isRefusal(kind: AppErrorKind): kind is 'unauthenticated' | 'forbidden' {
  return kind === 'unauthenticated' || kind === 'forbidden';
}
