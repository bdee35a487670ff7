import { type DevTokenRequest, issueDevToken } from '@opvangplek/access/token-issuer';
import { SignJWT } from 'jose';
import { TEST_JWT_SECRET } from './test-env';

const SIGNING = { secret: TEST_JWT_SECRET, issuer: 'opvangplek-dev', audience: 'opvangplek' };

export function tokenFor(request: DevTokenRequest): Promise<string> {
  return issueDevToken(request, SIGNING);
}

/** A token that is wrong in exactly one way, for the refusal tests. */
export async function tamperedToken(flaw: 'issuer' | 'audience' | 'expired' | 'signature' | 'algorithm-none'): Promise<string> {
  const claims = { role: 'ZORGCOORDINATOR', org: 'test', regions: ['RR'], facilityIds: [] };
  const key = new TextEncoder().encode(flaw === 'signature' ? 'another-secret-that-is-long-enough-000000' : TEST_JWT_SECRET);
  if (flaw === 'algorithm-none') {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 600;
    return `${encode({ alg: 'none' })}.${encode({ ...claims, sub: 'x', iss: SIGNING.issuer, aud: SIGNING.audience, exp })}.`;
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('tampered')
    .setIssuer(flaw === 'issuer' ? 'someone-else' : SIGNING.issuer)
    .setAudience(flaw === 'audience' ? 'another-service' : SIGNING.audience)
    .setIssuedAt()
    .setExpirationTime(flaw === 'expired' ? Math.floor(Date.now() / 1000) - 60 : '10m')
    .sign(key);
}
