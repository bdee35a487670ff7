import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, NotFoundException, Res, UnauthorizedException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Public } from '../http/public.decorator';
import { MetricsRegistry } from './metrics-registry';

/** What this controller uses of Express's response. */
interface ScrapeResponse {
  setHeader(name: string, value: string): void;
  send(body: string): void;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `/metrics` in Prometheus's text format. Not a user's endpoint (no token from the identity
 * provider): Prometheus sends METRICS_TOKEN as a bearer token when one is set; without one it is
 * open outside production and absent in production.
 */
@Public()
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('metrics')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() response: ScrapeResponse): Promise<void> {
    const token = this.config.observability.metricsToken;
    if (token === undefined && this.config.env === 'production') throw new NotFoundException();
    if (token !== undefined && !sameSecret(authorization ?? '', `Bearer ${token}`)) {
      throw new UnauthorizedException('send METRICS_TOKEN as a bearer token');
    }
    response.setHeader('content-type', this.metrics.registry.contentType);
    response.send(await this.metrics.registry.metrics());
  }
}
