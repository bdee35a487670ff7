import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header a request id travels in, in and out (a proxy may set it; the answer always carries it). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller's own request id may look like: short, no spaces or control characters (it lands in every log line). */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** Three dot-separated parts, as a JWT has: a token sent as a request id must not reach the logs. */
const TOKEN_SHAPED = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * The id that ties one request's log lines together: the caller's (or its proxy's) when it is
 * harmless, else a new one. A caller's id is never trusted beyond that: it only names log lines.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && ACCEPTABLE_REQUEST_ID.test(given) && !TOKEN_SHAPED.test(given) ? given : randomUUID();
}

export type IdentifiedRequest = IncomingMessage & { id?: string };

/**
 * The request's id, picked once: whichever of the first middleware, pino-http's and the correlation
 * middleware runs first picks it, the others take it, so the request's log lines, its answer and the
 * work it starts (jobs included) share one id.
 */
export function requestIdOf(request: IdentifiedRequest): string {
  request.id ??= requestIdFrom(request.headers[REQUEST_ID_HEADER]);
  return request.id;
}
