import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Express's compiled `trust proxy` setting (`app.get('trust proxy fn')`). */
export type TrustProxyFunction = (address: string, hop: number) => boolean;

/**
 * The client's address as Express computes `req.ip`, for requests Express does not see (the
 * WebSocket upgrade): the same library with the same compiled `trust proxy` function, so
 * X-Forwarded-For counts only for the hops TRUST_PROXY trusts, and never when it is off.
 */
export function clientAddress(
  request: Pick<IncomingMessage, 'headers' | 'socket'>,
  trust: TrustProxyFunction | undefined,
): string | undefined {
  if (!trust) return request.socket.remoteAddress;
  return proxyAddr(request as IncomingMessage, trust);
}
