import type { ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { type IdentifiedRequest, REQUEST_ID_HEADER, requestIdOf } from '../observability/request-id';

/**
 * Gives every request its id before anything can refuse it (mounted first), so an answer the body
 * parser gives still carries it.
 */
export function identifyRequest(request: IdentifiedRequest, response: ServerResponse, next: () => void): void {
  response.setHeader(REQUEST_ID_HEADER, requestIdOf(request));
  next();
}

/** What body-parser says when it cannot read a body: its HTTP status and a type naming why. */
interface BodyError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
}

const WHY: Record<string, string> = {
  'entity.too.large': 'the body is larger than BODY_LIMIT allows',
  'entity.parse.failed': 'the body is not valid JSON',
  'encoding.unsupported': 'the body is compressed in a way this API does not read (send it uncompressed)',
  'compression.failed': 'the body is not compressed the way its Content-Encoding says',
  'charset.unsupported': 'the body must be UTF-8 JSON',
  'request.aborted': 'the body was not sent completely',
  'entity.verify.failed': 'the body could not be read',
};

/**
 * Answers a body the parser could not read (too large, not JSON, gzip that is not, UTF-16) with its
 * 4xx, one readable sentence and the request id, as GraphQL answers any other bad input, and writes
 * one warn line without a stack: such a request is the caller's mistake, not the server's (red team,
 * issue 15: they came back as error lines with stack traces and no request id).
 */
export function unreadableBody(logger: LoggerService) {
  return (error: unknown, request: IdentifiedRequest, response: ServerResponse, next: (error?: unknown) => void): void => {
    const bodyError = error as BodyError;
    const status = bodyError?.status ?? bodyError?.statusCode;
    if (status === undefined || status < 400 || status >= 500) return next(error);
    // A body that says it is gzip or brotli and is not: zlib's error, passed on with a 400.
    const why = bodyError.type ?? (bodyError.code?.startsWith('Z_') ? 'compression.failed' : 'unknown');
    const message = WHY[why] ?? 'the body could not be read';
    const id = requestIdOf(request);
    logger.warn(
      { req: { id, method: request.method, path: (request.url ?? '').split('?')[0].slice(0, 200) }, status, why: bodyError.type },
      'request body refused',
    );
    response.statusCode = status;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.setHeader(REQUEST_ID_HEADER, id);
    response.end(JSON.stringify({ errors: [{ message: `Refused: ${message}.`, extensions: { code: 'BAD_USER_INPUT' } }] }));
  };
}
