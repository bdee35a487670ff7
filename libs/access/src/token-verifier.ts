import { Role } from '@opvangplek/domain';
import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { providerKeySet } from './provider-key-set';
import type { Viewer } from './viewer';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** HS256 shared secret (development). */
  secret?: string;
  /** The identity provider's key set (production). */
  jwksUrl?: string;
  /** Longest accepted lifetime (`exp - iat`), in hours; default 12. */
  maxTokenHours?: number;
  /** How far ahead of this clock a token's `iat` may be (clock skew), in seconds; default 60. */
  clockSkewSeconds?: number;
  /** Current time in milliseconds (tests). */
  now?: () => number;
}

/** Thrown for any token that is not accepted; the message is safe to show (it never echoes the token). */
export class TokenRejected extends Error {}

const ROLES = new Set<string>(Object.values(Role));

function stringList(payload: JWTPayload, claim: string): string[] {
  const value = payload[claim];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.length <= 200) || value.length > 500) {
    throw new TokenRejected(`claim "${claim}" must be a list of strings`);
  }
  return value as string[];
}

/**
 * Verifies bearer tokens: signature, algorithm (only the one the key is for), issuer, audience and
 * expiry, a lifetime of at most MAX_TOKEN_HOURS and no `iat` in the future; then checks the contract's claims. Production keys come from the issuer's JWKS
 * (provider-key-set.ts: refetched when a token names a key it does not hold).
 */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl) {
      this.key = providerKeySet(new URL(options.jwksUrl));
      this.algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
    } else if (options.secret) {
      this.key = new TextEncoder().encode(options.secret);
      this.algorithms = ['HS256'];
    } else {
      throw new Error('TokenVerifier needs a JWKS URL or a secret');
    }
  }

  async verify(token: string): Promise<Viewer> {
    return (await this.verifyWithExpiry(token)).viewer;
  }

  /** As `verify`, plus the instant the token expires (its `exp`), e.g. to end a socket opened with it. */
  async verifyWithExpiry(token: string): Promise<{ viewer: Viewer; expiresAt: Date }> {
    let payload: JWTPayload;
    try {
      const verified =
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, this.verifyOptions())
          : await jwtVerify(token, this.key, this.verifyOptions());
      payload = verified.payload;
    } catch (error) {
      throw new TokenRejected(describeJoseFailure(error));
    }
    const role = payload.role;
    if (typeof role !== 'string' || !ROLES.has(role)) {
      throw new TokenRejected(`claim "role" must be one of ${[...ROLES].join(', ')}`);
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new TokenRejected('claim "sub" is missing');
    if (typeof payload.org !== 'string' || payload.org.length === 0) throw new TokenRejected('claim "org" is missing');
    this.checkLifetime(payload);
    const viewer: Viewer = {
      sub: payload.sub,
      role: role as Role,
      org: payload.org,
      regions: stringList(payload, 'regions'),
      facilityIds: stringList(payload, 'facilityIds'),
    };
    // `exp` is a required claim, checked by jwtVerify above.
    return { viewer, expiresAt: new Date((payload.exp as number) * 1000) };
  }

  /**
   * A token is accepted for at most MAX_TOKEN_HOURS from its issue (`exp - iat`), so a leaked token
   * with a far `exp` is not a key for years; an `iat` in the future (beyond clock skew) is refused.
   */
  private checkLifetime(payload: JWTPayload): void {
    const maxHours = this.options.maxTokenHours ?? 12;
    const skew = this.options.clockSkewSeconds ?? 60;
    const now = Math.floor((this.options.now ?? Date.now)() / 1000);
    if (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat)) {
      throw new TokenRejected('claim "iat" is missing: the token lifetime cannot be checked');
    }
    if (payload.iat > now + skew) throw new TokenRejected('the token is issued in the future ("iat" is ahead of this clock)');
    if ((payload.exp as number) - payload.iat > maxHours * 3600) {
      throw new TokenRejected(`the token lives longer than ${maxHours} hours ("exp" - "iat"); ask for a shorter-lived token`);
    }
  }

  private verifyOptions() {
    return {
      issuer: this.options.issuer,
      audience: this.options.audience,
      algorithms: this.algorithms,
      requiredClaims: ['exp', 'sub'],
    };
  }
}

function describeJoseFailure(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not accepted`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not accepted';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'the token was signed with an unknown key';
  return 'the token is malformed or not accepted';
}
