import { Module } from '@nestjs/common';
import { MatchingModule } from '@opvangplek/matching/matching.module';
import { RegistryModule } from '@opvangplek/registry/registry.module';
import { PlacementProcessor } from './jobs/placement.processor';
import { PlacementEngine } from './placement-engine';
import { PlacementQueue } from './placement-queue';
import { PlacementRequestsService } from './placement-requests.service';
import { PlacementResolver } from './placement.resolver';

/** The placement workflow's GraphQL side (API processes). */
@Module({
  imports: [RegistryModule, MatchingModule],
  providers: [PlacementEngine, PlacementQueue, PlacementRequestsService, PlacementResolver],
  exports: [PlacementEngine, PlacementQueue, PlacementRequestsService],
})
export class PlacementModule {}

/** The placement workflow's jobs (worker processes). */
@Module({
  imports: [RegistryModule, MatchingModule],
  providers: [PlacementEngine, PlacementQueue, PlacementProcessor],
  exports: [PlacementEngine],
})
export class PlacementJobsModule {}
