// The placement lib's public entry: other libs and apps import from '@opvangplek/placement' only.
export { PlacementProcessor } from './jobs/placement.processor';
export { RetentionJob } from './jobs/retention.job';
export { SweepJob, type SweepReport } from './jobs/sweep.job';
export { PlacementEventEntity } from './placement-event.entity';
export { HoldState, PlacementHoldEntity } from './placement-hold.entity';
export { PlacementJob, PlacementQueue, type StartPlannedActionJobData } from './placement-queue';
export { PlacementRequestEntity } from './placement-request.entity';
export { PlacementRequestsService, type RegistrationSubject } from './placement-requests.service';
export { clientReferenceLookups, openFacts, sealRequestColumns } from './request-sealing';
export { isPlacementRequestUpdatedEvent, type PlacementRequestUpdatedEvent } from './placement.events';
export { PlacementJobsModule, PlacementModule } from './placement.module';
export * from './capacity-drift.check';
export * from './placement.entities';
