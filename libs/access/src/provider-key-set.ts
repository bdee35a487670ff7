import { setTimeout as delay } from 'node:timers/promises';
import { createRemoteJWKSet, errors as joseErrors, type JWTVerifyGetKey } from 'jose';

export interface ProviderKeySetOptions {
  /** Least time between two fetches caused by an unknown `kid`, in ms; default 1 000. */
  refetchCooldownMs?: number;
  /** How long a fetched set is used before it is fetched again anyway, in ms; default 10 minutes. */
  maxAgeMs?: number;
}

/**
 * The identity provider's signing keys (its JWKS), fetched and cached by jose. A token whose `kid`
 * is not in the cached set makes it fetch the set again: that is how the key a provider rotates to
 * is learnt, and how a key it removed stops being accepted. jose allows one such refetch per
 * cooldown, so made-up kids cannot make the API hammer the provider, but it then refuses a token
 * that arrives during the cooldown. Here that token waits for the cooldown to pass and is looked
 * up once more, so the first tokens signed with a new key are not refused merely because the set
 * was fetched a moment before. A key the provider removed is still accepted until the set is
 * fetched again (an unknown kid, or `maxAgeMs`).
 */
export function providerKeySet(url: URL, options: ProviderKeySetOptions = {}): JWTVerifyGetKey {
  const cooldownMs = options.refetchCooldownMs ?? 1_000;
  const remote = createRemoteJWKSet(url, { cooldownDuration: cooldownMs, cacheMaxAge: options.maxAgeMs ?? 10 * 60_000 });
  return async (protectedHeader, token) => {
    try {
      return await remote(protectedHeader, token);
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw error;
      await delay(cooldownMs);
      return remote(protectedHeader, token);
    }
  };
}
