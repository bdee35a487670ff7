/**
 * What the GraphQL plumbing needs from identity, without depending on it: turn the raw
 * Authorization value (HTTP header or graphql-ws connectionParams) into a viewer or a reason.
 */
export type AuthOutcome<Viewer> =
  | {
      viewer: Viewer;
      /** When the token stops being valid (its `exp`): a WebSocket opened with it is closed then. */
      expiresAt?: Date;
    }
  | { viewer: undefined; failure: string };

export interface RequestAuthenticator<Viewer = unknown> {
  authenticate(authorization: string | undefined): Promise<AuthOutcome<Viewer>>;
}

export const REQUEST_AUTHENTICATOR = Symbol('REQUEST_AUTHENTICATOR');

/** The GraphQL context of every operation, HTTP or WebSocket. */
export interface GraphQLRequestContext<Viewer = unknown> {
  auth: AuthOutcome<Viewer>;
  /** The client's network address (refusals without a valid token are summarised per address). */
  client?: string;
}

/** An HTTP request as far as authentication needs it; the outcome is kept on it, so it is verified once. */
export interface AuthenticatedHttpRequest {
  headers: { authorization?: string };
  ip?: string;
  opvangplekAuth?: Promise<AuthOutcome<unknown>>;
}

/**
 * The outcome of the request's Authorization header, verified at most once per request (the rate
 * limiter needs the caller before the route runs; the GraphQL context and the HTTP guard reuse it).
 */
export function authenticateRequest<Viewer>(
  authenticator: RequestAuthenticator<Viewer>,
  request: AuthenticatedHttpRequest,
): Promise<AuthOutcome<Viewer>> {
  request.opvangplekAuth ??= authenticator.authenticate(request.headers.authorization);
  return request.opvangplekAuth as Promise<AuthOutcome<Viewer>>;
}
