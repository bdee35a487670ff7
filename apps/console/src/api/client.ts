import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { ConnectionStatus } from './connection';
import { ResumableSubscription } from './resumable-subscription';

/**
 * One urql client per login: GraphQL over HTTP for queries and mutations, graphql-ws on the same
 * origin for subscriptions, the bearer token on both (connectionParams on the socket, as the API
 * expects). `getToken` is read per request, so a renewed token is used without a new client.
 */
export function createApiClient(getToken: () => string | null): {
  client: Client;
  connection: ConnectionStatus;
  dispose(): void;
} {
  const connection = new ConnectionStatus();
  // Open subscriptions, told when the socket closes so their re-subscribe resumes (resumable-subscription.ts).
  const open = new Set<ResumableSubscription>();
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const ws = createWsClient({
    url: wsUrl,
    connectionParams: () => ({ Authorization: `Bearer ${getToken() ?? ''}` }),
    // Laptops sleep and phones change networks on shift: keep trying to reconnect.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    lazy: true,
    on: {
      connecting: () => connection.set('connecting'),
      connected: () => connection.set('live'),
      closed: () => {
        connection.set('offline');
        open.forEach((subscription) => subscription.socketClosed());
      },
    },
  });
  const client = new Client({
    url: '/graphql',
    // POST always: the API's CSRF protection refuses simple GETs, and the rate limit counts POSTs.
    preferGetMethod: false,
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          return {
            subscribe(sink) {
              const resumable = new ResumableSubscription({ ...request, query: request.query ?? '' });
              open.add(resumable);
              const forget = () => open.delete(resumable);
              const observer: typeof sink = {
                next: (result) => {
                  resumable.seen(result);
                  sink.next(result);
                },
                error: (error) => {
                  forget();
                  sink.error(error);
                },
                complete: () => {
                  forget();
                  sink.complete();
                },
              };
              const unsubscribe = ws.subscribe(resumable.payload, observer);
              return {
                unsubscribe: () => {
                  forget();
                  unsubscribe();
                },
              };
            },
          };
        },
      }),
    ],
    fetchOptions: (): RequestInit => {
      const token = getToken();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
  return { client, connection, dispose: () => void ws.dispose() };
}
