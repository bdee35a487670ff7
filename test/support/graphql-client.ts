import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** One GraphQL operation over HTTP, as a client would send it. */
export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  options: { token?: string; variables?: Record<string, unknown> } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

export function errorCodes(response: GraphQLResponse): (string | undefined)[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

export function wsClient(baseUrl: string, token?: string): Client {
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * Subscribes and collects what arrives. `ready` resolves once the server has acknowledged the
 * subscription is live, so a test can make a change knowing it will be seen.
 */
export function collect<T>(client: Client, query: string, variables?: Record<string, unknown>) {
  const received: { data?: T; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }[] = [];
  const waiters: (() => void)[] = [];
  let finished: (error?: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => (finished = (error) => (error ? reject(error) : resolve())));
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        received.push(value as (typeof received)[number]);
        waiters.splice(0).forEach((wake) => wake());
      },
      error: (error) => {
        received.push({ errors: Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error) }] });
        waiters.splice(0).forEach((wake) => wake());
        finished();
      },
      complete: () => finished(),
    },
  );
  /** Waits until `count` messages have arrived, or fails after `timeoutMs`. */
  const waitFor = async (count: number, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} subscription message(s) within ${timeoutMs} ms, got ${received.length}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, left).unref();
      });
    }
    return received;
  };
  return { received, waitFor, unsubscribe, done };
}
