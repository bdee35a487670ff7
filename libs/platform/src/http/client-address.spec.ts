import { ExpressAdapter } from '@nestjs/platform-express';
import type { TrustProxy } from '../config/app-config';
import { clientAddress, type TrustProxyFunction } from './client-address';

/** Express's own compiled function for a TRUST_PROXY value, as the API sets it. */
function trustFor(setting: TrustProxy): TrustProxyFunction {
  // The express app Nest creates, configured as applyHttpSecurity configures it.
  const app = new ExpressAdapter().getInstance<{ set(name: string, value: unknown): void; get(name: string): unknown }>();
  app.set('trust proxy', setting);
  return app.get('trust proxy fn') as TrustProxyFunction;
}

const upgrade = (peer: string, forwardedFor?: string) => ({
  headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  socket: { remoteAddress: peer },
});

describe("the WebSocket's client address, derived as Express derives req.ip (issue 12)", () => {
  it("ignores the attacker's X-Forwarded-For when TRUST_PROXY is off", () => {
    expect(clientAddress(upgrade('198.51.100.9', '203.0.113.7') as never, trustFor(false))).toBe('198.51.100.9');
  });

  it('takes the address the trusted proxy saw, not what the client put in front of it', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the one proxy appended the real peer.
    expect(clientAddress(upgrade('10.0.0.2', '1.2.3.4, 203.0.113.7') as never, trustFor(1))).toBe('203.0.113.7');
    expect(clientAddress(upgrade('10.0.0.2', '1.2.3.4, 203.0.113.7') as never, trustFor(['10.0.0.0/8']))).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For from a peer that is not a listed proxy', () => {
    expect(clientAddress(upgrade('198.51.100.9', '203.0.113.7') as never, trustFor(['loopback']))).toBe('198.51.100.9');
  });
});
