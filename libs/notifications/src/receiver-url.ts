import { BlockList, isIP } from 'node:net';

/** Addresses no webhook may be sent to outside development: loopback, private, link-local, unspecified. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

/**
 * Why `url` cannot receive webhooks, or null when it can. Without `allowInsecure` only https:// to
 * a public host: the service must not be made to call into its own network. (A public name that
 * resolves to a private address is not caught here; production should also send through an
 * egress proxy that refuses those.)
 */
export function receiverUrlProblem(url: string, allowInsecure: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.length > 2000) return 'must be at most 2000 characters';
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  if (!['https:', 'http:'].includes(parsed.protocol)) return 'must start with https://';
  if (allowInsecure) return null;
  if (parsed.protocol !== 'https:') return 'must start with https://';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal'))
    return 'must be a public host';
  const family = isIP(host);
  if (family !== 0 && PRIVATE.check(host, family === 4 ? 'ipv4' : 'ipv6')) return 'must be a public address';
  return null;
}
