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
}
