import { Role } from '@opvangplek/domain';
import { SignJWT } from 'jose';

export interface DevTokenRequest {
  sub?: string;
  role: Role;
  org: string;
  regions?: string[];
  facilityIds?: string[];
  /** Lifetime, e.g. `12h`. */
  expiresIn?: string;
}

/**
 * Signs a development token with the local secret. Production tokens come from the organisations'
 * identity providers; this exists for `npm run token` and tests.
 */
export async function issueDevToken(
  request: DevTokenRequest,
  options: { secret: string; issuer: string; audience: string },
): Promise<string> {
  return new SignJWT({
    role: request.role,
    org: request.org,
    regions: request.regions ?? [],
    facilityIds: request.facilityIds ?? [],
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.sub ?? `dev-${request.role.toLowerCase()}@${request.org}`)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(options.secret));
}
