import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * A subscription sent as an HTTP request: refused with 400 and the place to send it, before anything
 * else runs. Subscriptions are served over WebSocket (graphql-ws, on the same path); over HTTP they
 * failed inside the server as an INTERNAL_SERVER_ERROR with a stack trace in the log, which anyone
 * could set off without a token (red team, issue 15).
 */
export function subscriptionsOverWebSocketPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          if (requestContext.operation?.operation !== 'subscription') return;
          throw new GraphQLError(
            'Subscriptions are served over WebSocket (graphql-ws) at /graphql, not as an HTTP request: open a WebSocket with the graphql-transport-ws protocol and subscribe there.',
            { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
