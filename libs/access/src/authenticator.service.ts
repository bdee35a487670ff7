import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type AuthOutcome, type RequestAuthenticator } from '@opvangplek/platform';
import { resolveSigningSecret } from './dev-secret';
import { TokenRejected, TokenVerifier } from './token-verifier';
import type { Viewer } from './viewer';

/** Turns an Authorization value into a Viewer, or a reason it was refused (never the token itself). */
@Injectable()
export class AuthenticatorService implements RequestAuthenticator<Viewer> {
  private readonly logger = new Logger('Authentication');
  private readonly verifier: TokenVerifier;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.verifier = new TokenVerifier({
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      secret: config.auth.jwksUrl ? undefined : resolveSigningSecret(config),
      jwksUrl: config.auth.jwksUrl,
      maxTokenHours: config.auth.maxTokenHours,
    });
  }

  async authenticate(authorization: string | undefined): Promise<AuthOutcome<Viewer>> {
    if (!authorization) return { viewer: undefined, failure: 'no bearer token was sent' };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) return { viewer: undefined, failure: 'the Authorization value must be "Bearer <token>"' };
    try {
      return await this.verifier.verifyWithExpiry(match[1]);
    } catch (error) {
      if (error instanceof TokenRejected) {
        this.logger.warn(`token refused: ${error.message}`);
        return { viewer: undefined, failure: error.message };
      }
      throw error;
    }
  }
}
