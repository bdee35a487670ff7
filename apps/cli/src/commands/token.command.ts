import { issueDevToken, resolveSigningSecret } from '@opvangplek/access';
import { Role } from '@opvangplek/domain';
import type { AppConfig } from '@opvangplek/platform';
import { listFlag, parseFlags, UsageError } from '@opvangplek/platform';

const ROLES = Object.values(Role) as string[];

/** `npm run token -- --role POLICE --org avim-rotterdam --regions RR [--facility <id>] [--sub …] [--expires 12h]` */
export async function tokenCommand(config: AppConfig, argv: string[]): Promise<void> {
  const flags = parseFlags(argv, ['role', 'org', 'regions', 'facility', 'sub', 'expires']);
  const role = flags.get('role')?.[0];
  if (!role || !ROLES.includes(role)) throw new UsageError(`--role is required; allowed: ${ROLES.join(', ')}`);
  const org = flags.get('org')?.[0];
  if (!org) throw new UsageError('--org is required, e.g. --org avim-rotterdam');
  const facilityIds = listFlag(flags, 'facility');
  if (role === Role.SHELTER_STAFF && facilityIds.length === 0) {
    throw new UsageError('SHELTER_STAFF needs --facility <facility id> (see the facilities query for ids)');
  }
  const secret = resolveSigningSecret(config);
  if (!secret) throw new UsageError('tokens are issued by the identity provider in production (JWT_JWKS_URL is set)');
  const token = await issueDevToken(
    { role: role as Role, org, regions: listFlag(flags, 'regions'), facilityIds, sub: flags.get('sub')?.[0], expiresIn: flags.get('expires')?.[0] },
    { secret, issuer: config.auth.issuer, audience: config.auth.audience },
  );
  process.stdout.write(`${token}\n`);
}
