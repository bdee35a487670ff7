import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { WebhooksService } from './webhooks.service';

/** At start, warns of regions whose escalations would reach nobody (issue 14; 002:362-364, 003:497). */
@Injectable()
export class EscalationCoverageCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Webhooks');

  constructor(private readonly webhooks: WebhooksService) {}

  async onApplicationBootstrap(): Promise<void> {
    // A check for people, never a reason not to start: a database hiccup here is only logged.
    await this.webhooks.warnOfUncoveredRegions().catch((error: Error) => {
      this.logger.warn(`Could not check the escalation contacts per region: ${error.message}`);
    });
  }
}
