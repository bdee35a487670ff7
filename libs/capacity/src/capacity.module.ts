import { Module } from '@nestjs/common';
import { RegistryModule } from '@opvangplek/registry';
import { CapacityFeed } from './capacity-feed';
import { CapacityFeedMetrics } from './capacity-feed-metrics';
import { CapacityMetrics } from './capacity-metrics';
import { CapacityResolver } from './capacity.resolver';
import { CapacityService } from './capacity.service';

/** Keeping capacity true: staff updates and confirmations, their history, and live change events. */
@Module({
  imports: [RegistryModule],
  providers: [CapacityService, CapacityFeed, CapacityFeedMetrics, CapacityResolver, CapacityMetrics],
  exports: [CapacityService],
})
export class CapacityModule {}
