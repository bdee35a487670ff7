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
 * a public host: the service must not be made to call into its own network. A public name that
 * resolves to a private address is caught when sending (webhook-sender.ts looks the name up first);
 * a name whose answer changes between that look-up and the connection is not, so production should
 * also send through an egress proxy that refuses private addresses.
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
  // A name may end in the root's dot ("localhost."): it is the same name.
  const host = parsed.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal'))
    return 'must be a public host';
  const family = isIP(host);
  if (family !== 0 && isPrivateAddress(host)) return 'must be a public address';
  return null;
}

/** Whether an IP address is loopback, private, link-local or unspecified (no webhook goes there outside development). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
