import { Controller, Get, Header, Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Public } from '../public.decorator';

/** What the console needs to know before anyone has logged in. Nothing secret: a client id is public. */
export interface ConsolePublicConfig {
  /** The identity provider for authorization code + PKCE; null = paste a development token. */
  oidc: { issuer: string; clientId: string; scope: string } | null;
  /** True outside production: the console shows the `npm run token` hint. */
  development: boolean;
}

@Public()
@Controller('console')
export class ConsoleConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('config.json')
  @Header('Cache-Control', 'no-cache')
  publicConfig(): ConsolePublicConfig {
    return { oidc: this.config.console.oidc, development: this.config.env !== 'production' };
  }
}
