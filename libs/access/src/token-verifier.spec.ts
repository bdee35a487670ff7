import { createServer, type Server } from 'node:http';
import { Role } from '@opvangplek/domain';
import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from 'jose';
import { TokenRejected, TokenVerifier } from './token-verifier';

const ISSUER = 'https://idp.example';
const AUDIENCE = 'opvangplek';

/** A key set served by a local HTTP server whose keys the test changes, as a provider rotating its keys. */
async function startKeySetServer() {
  const keys = new Map<string, { publicJwk: JWK; privateKey: KeyLike }>();
  let published: string[] = [];
  let fetches = 0;
  const server: Server = createServer((_request, response) => {
    fetches++;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: published.map((kid) => keys.get(kid)!.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const keyFor = async (kid: string) => {
    if (!keys.has(kid)) {
      const { publicKey, privateKey } = await generateKeyPair('RS256');
      keys.set(kid, { publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }, privateKey });
    }
    return keys.get(kid)!;
  };
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/jwks`,
    fetches: () => fetches,
    publish: async (...kids: string[]) => {
      for (const kid of kids) await keyFor(kid);
      published = kids;
    },
    /** A token with `kid` in its header, signed by that key (or, to forge one, by `signedBy`'s). */
    sign: async (kid: string, options: { expiresIn?: string; signedBy?: string } = {}) =>
      new SignJWT({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject('a.de.boer@rotterdam.example')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign((await keyFor(options.signedBy ?? kid)).privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('TokenVerifier against a provider that rotates its signing keys', () => {
  let keySet: Awaited<ReturnType<typeof startKeySetServer>>;
  beforeEach(async () => (keySet = await startKeySetServer()));
  afterEach(() => keySet.close());

  it("accepts a new key's first token right after the set was fetched, and refuses a removed key's token once the set is fetched again", async () => {
    const verifier = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: keySet.url });
    await keySet.publish('key-1');
    const signedByKey1 = await keySet.sign('key-1');
    expect((await verifier.verify(signedByKey1)).role).toBe(Role.ZORGCOORDINATOR);
    expect(keySet.fetches()).toBe(1);

    // Rotation: key-2 signs, key-1 stays published. Milliseconds after the first fetch, within
    // jose's refetch cooldown, which on its own refuses the unknown kid.
    await keySet.publish('key-2', 'key-1');
    expect((await verifier.verify(await keySet.sign('key-2'))).sub).toBe('a.de.boer@rotterdam.example');
    expect((await verifier.verify(signedByKey1)).org).toBe('zorgcoordinatie-rotterdam');

    // The next rotation removes key-1: learnt from the refetch that key-3's first token causes.
    await keySet.publish('key-3', 'key-2');
    expect((await verifier.verify(await keySet.sign('key-3'))).role).toBe(Role.ZORGCOORDINATOR);
    await expect(verifier.verify(signedByKey1)).rejects.toThrow(new TokenRejected('the token was signed with an unknown key'));
  });

  it('made-up kids cost the provider at most one fetch per second, however many arrive', async () => {
    const verifier = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: keySet.url });
    await keySet.publish('key-1');
    await verifier.verify(await keySet.sign('key-1'));
    const forged = await Promise.all(
      Array.from({ length: 20 }, (_, index) => keySet.sign(`not-published-${index}`, { signedBy: 'key-1' })),
    );
    const started = Date.now();
    const outcomes = await Promise.allSettled(forged.map((token) => verifier.verify(token)));
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    const seconds = (Date.now() - started) / 1000;
    expect(keySet.fetches() - 1).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  });

  it('refuses an expired token from the provider, saying so', async () => {
    const verifier = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: keySet.url });
    await keySet.publish('key-1');
    const expired = await keySet.sign('key-1', { expiresIn: '-1s' });
    await expect(verifier.verify(expired)).rejects.toThrow(new TokenRejected('the token has expired'));
  });
});
