import { Module } from '@nestjs/common';
import { RegistryModule } from '@opvangplek/registry';
import { CapacityFeed } from './capacity-feed';
import { CapacityFeedMetrics } from './capacity-feed-metrics';
import { CapacityMetrics } from './capacity-metrics';
import { CapacityResolver } from './capacity.resolver';
import { CapacityService } from './capacity.service';
import { FacilityResolver } from './facility.resolver';
import { RegisterReaderModule } from './register-reader.module';

/**
 * Keeping capacity true: staff updates and confirmations, their history, and live change events;
 * the `facilities` and `facility` queries (facilities with their live counts, RegisterReaderModule).
 */
@Module({
  imports: [RegistryModule, RegisterReaderModule],
  providers: [FacilityResolver, CapacityService, CapacityFeed, CapacityFeedMetrics, CapacityResolver, CapacityMetrics],
  exports: [CapacityService],
})
export class CapacityModule {}
