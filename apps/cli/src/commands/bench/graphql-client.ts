/**
 * POSTs one GraphQL operation with Node's global fetch (undici: keep-alive connections, reused
 * across requests). Reads the whole body, so every measured request includes the client's parsing.
 * Any HTTP status but 200, or any `errors` in the response, throws: a benchmark counts answers only.
 */
export async function postGraphql<T>(
  apiUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GraphQL HTTP ${response.status}: ${text.slice(0, 300)}`);
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
