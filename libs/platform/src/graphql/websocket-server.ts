import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  getOperationAST,
  type GraphQLSchema,
  parse,
} from 'graphql';
import { CloseCode, type Context, handleProtocols, makeServer, type ServerOptions, type SubscribePayload } from 'graphql-ws';
import { type WebSocket, WebSocketServer } from 'ws';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EventStreamInterruptedError } from '../events/event-bus';
import { clientAddress, type TrustProxyFunction } from '../http/client-address';
import { verifiedCallerKey } from '../http/rate-limiter';
import { CALLER_LIMITS, type CallerLimits } from '../limits/caller-limits';
import { formatGraphQLError } from './format-error';
import { checkOperationCost, extraRatePoints, rateRefusal } from './operation-cost';
import { validateOperation } from './operation-rules';
import {
  type AuthOutcome,
  type GraphQLRequestContext,
  REQUEST_AUTHENTICATOR,
  type RequestAuthenticator,
} from './request-authenticator';

/** The path of GraphQL over HTTP and of the graphql-ws socket alike. */
export const GRAPHQL_PATH = '/graphql';

/** A ping this often; a socket that has not answered the previous one by then is dropped. */
const KEEP_ALIVE_MS = 12_000;

/** setTimeout's longest delay (about 24.8 days); a later expiry is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Closes a socket whose live updates were interrupted (the event bus lost Redis; issue 15, F3):
 * RFC 6455's "Try Again Later". graphql-ws clients reconnect on it and send their subscriptions
 * again; the console's then carry `after` / `current` and catch up on what was missed.
 */
const EVENTS_INTERRUPTED = 1013;

/** Closes a socket its caller may not open: they already have the most open sockets allowed. */
const TOO_MANY_SOCKETS = 4429;

/** What this server keeps per socket, next to graphql-ws's own `socket` and `request`. */
interface SocketState {
  auth?: AuthOutcome<unknown>;
  /** The caller's rate-limit key (a hash of the verified subject, never the token itself). */
  caller?: string;
  /** This socket's id in the shared socket and subscription counts (CallerLimits). */
  socketId?: string;
  /** When the token expires; the socket is closed then. */
  expiresAt?: Date;
  expiryTimer?: NodeJS.Timeout;
  /** Ids of the subscription operations started on this socket (pruned against graphql-ws's live ones). */
  subscriptionIds?: Set<string>;
  /** Set once the socket has closed (a lease taken after that is given back at once). */
  closed?: boolean;
}
type SocketExtra = { readonly socket: WebSocket; readonly request: IncomingMessage } & SocketState;
type SocketContext = Context<Record<string, unknown> | undefined, SocketExtra>;

/** A refusal of the transport (too many), not of the operation: it keeps its own code. */
class TransportRefusal extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'RATE_LIMITED' } });
  }
}

/** graphql-ws clients send the token as `Authorization` (or `authorization`) in connectionParams. */
function authorizationFromConnectionParams(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.Authorization ?? params?.authorization;
  return typeof value === 'string' ? value : undefined;
}

/** A close reason may be at most 123 bytes (RFC 6455); the reasons here are short plain ASCII. */
function closeReason(text: string): string {
  return text.length <= 120 ? text : `${text.slice(0, 117)}...`;
}

function formatWsError(error: GraphQLError): GraphQLFormattedError {
  if (error instanceof TransportRefusal) return { message: error.message, extensions: { code: 'RATE_LIMITED' } };
  return formatGraphQLError(error.toJSON(), error);
}

/**
 * GraphQL over graphql-ws with the same guards as HTTP (issue 12, "WebSocket equals HTTP"). Nest's
 * own subscription server cannot be given a message size limit, so this one replaces it, on the
 * same path of the same HTTP server:
 * - a message larger than BODY_LIMIT closes the socket (1009), as a larger HTTP body gets 413;
 * - `connection_init` without a valid token is refused (4403), and the socket is closed (4403)
 *   when its token expires, so a token stops working on a socket when it stops on HTTP;
 * - every operation is parsed and validated like on HTTP (depth and field limits, no introspection
 *   and no "Did you mean" in production) before it runs, errors shaped by `formatGraphQLError`;
 * - every operation draws from the caller's one rate budget, shared with HTTP and with every API
 *   process (CallerLimits), and costs at most MAX_QUERY_COST;
 * - a caller may have at most WS_MAX_SOCKETS_PER_CALLER sockets open (4429 beyond), at most
 *   WS_MAX_SUBSCRIPTIONS subscriptions per socket and WS_MAX_SUBSCRIPTIONS_PER_CALLER over all.
 * The client address (the caller of a token without a subject) is derived as Express derives
 * `req.ip`, with the same `trust proxy` setting, so X-Forwarded-For counts only behind a trusted proxy.
 */
@Injectable()
export class GraphqlWebSocketServer implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('GraphQLWebSocket');
  private wss?: WebSocketServer;
  private detach?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REQUEST_AUTHENTICATOR) private readonly authenticator: RequestAuthenticator,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(CALLER_LIMITS) private readonly limits: CallerLimits,
  ) {}

  /** The client's address as Express's `req.ip` has it (the same compiled `trust proxy` function). */
  private clientAddress(request: IncomingMessage): string | undefined {
    const app = this.adapterHost.httpAdapter?.getInstance() as
      { get?(setting: string): TrustProxyFunction | undefined } | undefined;
    return clientAddress(request, typeof app?.get === 'function' ? app.get('trust proxy fn') : undefined);
  }

  /** After every module's init (the schema is built then), before the server listens. */
  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter?.getHttpServer() as
      | { on(event: 'upgrade', listener: UpgradeListener): void; off(event: 'upgrade', listener: UpgradeListener): void }
      | undefined;
    if (!httpServer) return;
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.config.websocket.maxPayloadBytes,
      handleProtocols: (protocols) => handleProtocols(protocols),
    });
    this.wss = wss;
    const server = makeServer(this.serverOptions(this.schemaHost.schema));
    wss.on('connection', (socket: WebSocket, request: IncomingMessage) => this.serve(server, socket, request));
    const onUpgrade: UpgradeListener = (request, socket, head) => {
      const path = (request.url ?? '').split('?')[0];
      if (path !== GRAPHQL_PATH) return;
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    };
    httpServer.on('upgrade', onUpgrade);
    this.detach = () => httpServer.off('upgrade', onUpgrade);
  }

  /** graphql-ws's protocol over one `ws` socket (what graphql-ws/use/ws does, with our logging). */
  private serve(
    server: ReturnType<typeof makeServer<Record<string, unknown> | undefined, SocketExtra>>,
    socket: WebSocket,
    request: IncomingMessage,
  ): void {
    socket.once('error', (error: Error & { code?: string }) => {
      // A message over the size limit: ws has already closed the socket with 1009.
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        this.logger.warn(`closed a GraphQL socket: a message exceeded ${this.config.websocket.maxPayloadBytes} bytes`);
      } else {
        this.logger.error(`GraphQL socket error: ${error.message}`);
      }
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    let awaitingPong = false;
    const keepAlive = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      if (awaitingPong) return socket.terminate();
      awaitingPong = true;
      socket.ping();
    }, KEEP_ALIVE_MS);
    keepAlive.unref();
    socket.on('pong', () => (awaitingPong = false));
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
            const text = Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.from(data as ArrayBuffer).toString();
            handle(text).catch((error: unknown) => {
              this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code: number, reason: Buffer) => {
      clearInterval(keepAlive);
      closed(code, reason.toString()).catch((error: Error) => this.logger.error(`closing a GraphQL socket: ${error.message}`));
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.detach?.();
    this.detach = undefined;
    const wss = this.wss;
    this.wss = undefined;
    if (!wss) return;
    for (const client of wss.clients) client.close(1001, 'Going away');
    // A client that does not answer the close within a second is cut off rather than waited for.
    const cutOff = setTimeout(() => wss.clients.forEach((client) => client.terminate()), 1_000);
    cutOff.unref();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    clearTimeout(cutOff);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.onModuleDestroy();
  }

  private serverOptions(schema: GraphQLSchema): ServerOptions<Record<string, unknown> | undefined, SocketExtra> {
    const { config } = this;
    return {
      schema,
      context: (ctx: SocketContext): GraphQLRequestContext => ({
        auth: ctx.extra.auth ?? { viewer: undefined, failure: 'not authenticated' },
      }),
      onConnect: async (ctx: SocketContext) => {
        const authorization = authorizationFromConnectionParams(ctx.connectionParams);
        const auth = await this.authenticator.authenticate(authorization);
        if ('failure' in auth) {
          ctx.extra.socket.close(
            CloseCode.Forbidden,
            closeReason(`Forbidden: a valid bearer token is required (${auth.failure})`),
          );
          return false;
        }
        const caller = verifiedCallerKey(auth, this.clientAddress(ctx.extra.request));
        const socketId = randomUUID();
        if (!(await this.limits.hold('socket', caller, socketId))) {
          ctx.extra.socket.close(
            TOO_MANY_SOCKETS,
            closeReason(`Too many connections: at most ${config.websocket.maxSocketsPerCaller} open per caller; close one first`),
          );
          return false;
        }
        if (ctx.extra.closed) {
          this.limits.release('socket', socketId);
          return false;
        }
        ctx.extra.auth = auth;
        ctx.extra.expiresAt = auth.expiresAt;
        ctx.extra.caller = caller;
        ctx.extra.socketId = socketId;
        ctx.extra.subscriptionIds = new Set();
        if (auth.expiresAt) this.closeAtExpiry(ctx, auth.expiresAt);
        return true;
      },
      onClose: (ctx: SocketContext) => {
        ctx.extra.closed = true;
        if (ctx.extra.expiryTimer) clearTimeout(ctx.extra.expiryTimer);
        const { socketId } = ctx.extra;
        if (!socketId) return;
        for (const id of ctx.extra.subscriptionIds ?? []) this.limits.release('subscription', `${socketId}:${id}`);
        this.limits.release('socket', socketId);
      },
      onComplete: (ctx: SocketContext, id: string) => {
        if (ctx.extra.socketId && ctx.extra.subscriptionIds?.delete(id)) {
          this.limits.release('subscription', `${ctx.extra.socketId}:${id}`);
        }
      },
      onSubscribe: async (
        ctx: SocketContext,
        id: string,
        payload: SubscribePayload,
      ): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        if (ctx.extra.expiresAt && ctx.extra.expiresAt.getTime() <= Date.now()) {
          ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden: the token has expired');
          return [new GraphQLError('The token has expired.', { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        const retryAfter = await this.limits.take(ctx.extra.caller ?? 'unknown');
        if (retryAfter > 0) {
          return [
            new TransportRefusal(
              `Too many requests: at most ${config.http.rateLimitPerMinute} a minute. Try again in ${retryAfter} seconds.`,
            ),
          ];
        }
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          const message = error instanceof GraphQLError ? error.message : 'The operation could not be parsed.';
          return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = validateOperation(schema, document, config);
        if (errors.length > 0) return errors;
        const { cost, errors: tooCostly } = checkOperationCost(
          schema,
          document,
          payload.operationName,
          payload.variables,
          config.graphql.maxCost,
        );
        if (tooCostly.length > 0) return tooCostly;
        // What it costs beyond the one point taken above, from the same budget as on HTTP.
        const points = extraRatePoints(cost);
        const overBudget = points > 0 ? await this.limits.take(ctx.extra.caller ?? 'unknown', points) : 0;
        if (overBudget > 0) return [new TransportRefusal(rateRefusal(this.limits.perMinute, overBudget).message)];
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation === 'subscription') {
          const open = this.openSubscriptions(ctx);
          if (open.size >= config.websocket.maxSubscriptions) {
            return [
              new TransportRefusal(
                `At most ${config.websocket.maxSubscriptions} subscriptions may be open on one connection; complete one before starting another.`,
              ),
            ];
          }
          // Counted on this socket before the shared count is asked, so concurrent subscribes cannot all pass.
          open.add(id);
          if (!(await this.limits.hold('subscription', ctx.extra.caller ?? 'unknown', `${ctx.extra.socketId}:${id}`))) {
            open.delete(id);
            return [
              new TransportRefusal(
                `At most ${config.websocket.maxSubscriptionsPerCaller} subscriptions may be open at once for one caller, over all connections; complete one before starting another.`,
              ),
            ];
          }
          if (ctx.extra.closed) {
            this.limits.release('subscription', `${ctx.extra.socketId}:${id}`);
            return [new TransportRefusal('The connection has closed.')];
          }
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      // graphql-ws sends results and errors as they are: give them the contract's shape here.
      onNext: (_ctx: SocketContext, _id: string, _payload: SubscribePayload, _args: ExecutionArgs, result: ExecutionResult) =>
        result.errors ? { ...result, errors: result.errors.map(formatWsError) } : result,
      onError: (ctx: SocketContext, _id: string, _payload: SubscribePayload, errors: readonly GraphQLError[]) => {
        // Not an error of this one subscription: every live update of this process may have been
        // lost. The socket closes before the error is sent (an errored subscription is not sent
        // again on reconnect), so the client resubscribes everything and catches up.
        const interruption = errors.find((error) => error.originalError instanceof EventStreamInterruptedError);
        if (interruption) {
          if (ctx.extra.socket.readyState === ctx.extra.socket.OPEN) {
            this.logger.warn(`closing a GraphQL socket: ${interruption.message}`);
            ctx.extra.socket.close(EVENTS_INTERRUPTED, 'Try Again Later: live updates were interrupted; subscribe again');
          }
          // Expected, and logged above: not an unexpected error for formatGraphQLError to log with its stack.
          return [{ message: 'Live updates were interrupted; subscribe again.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
        }
        return errors.map(formatWsError);
      },
    };
  }

  /** The subscriptions still running on this socket (those completed or failed are dropped). */
  private openSubscriptions(ctx: SocketContext): Set<string> {
    const open = (ctx.extra.subscriptionIds ??= new Set());
    for (const id of open) {
      if (id in ctx.subscriptions) continue;
      open.delete(id);
      this.limits.release('subscription', `${ctx.extra.socketId}:${id}`);
    }
    return open;
  }

  /** Closes the socket when its token expires (4403, as a refused connection_init). */
  private closeAtExpiry(ctx: SocketContext, expiresAt: Date): void {
    const arm = () => {
      const left = expiresAt.getTime() - Date.now();
      if (left <= 0) {
        this.logger.log('closing a GraphQL socket: its token expired');
        ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden: the token has expired');
        return;
      }
      ctx.extra.expiryTimer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      ctx.extra.expiryTimer.unref();
    };
    arm();
  }
}

type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
