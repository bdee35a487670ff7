import { Agent, request } from 'node:http';

/**
 * Keep-alive connections, reused across requests and figures. Node's own HTTP client rather than the
 * global fetch: in this process the client shares the CPU with the API it measures, and undici's
 * WHATWG streams cost the client more per answer than this; time the API would otherwise be charged
 * for (the README's performance section has the figure).
 *
 * An idle connection is dropped after 2 s, before the server's keep-alive timeout (Node's default,
 * 5 s) can close it under a request just sent on it (ECONNRESET): figures pause between rounds.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 2_000 });

/** POSTs `body` as JSON and resolves with the status and the whole answer as text. */
function post(url: URL, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * POSTs one GraphQL operation and reads the whole body, so every measured request includes the
 * client's parsing. Any HTTP status but 200, or any `errors` in the response, throws: a benchmark
 * counts answers only.
 */
export async function postGraphql<T>(
  apiUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const { status, text } = await post(new URL('/graphql', apiUrl), token, JSON.stringify({ query, variables }));
  if (status !== 200) throw new Error(`GraphQL HTTP ${status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length)
    throw new Error(
      `GraphQL errors: ${body.errors
        .map((e) => e.message)
        .join('; ')
        .slice(0, 300)}`,
    );
  if (!body.data) throw new Error('GraphQL response without data');
  return body.data;
}
