import { CapacityAheadModule, RegisterReaderModule } from '@opvangplek/capacity';
import { PlaceExpectations } from './place-expectation';
import { Module } from '@nestjs/common';
import { MatchingModule } from '@opvangplek/matching';
import { WebhookOutboxModule } from '@opvangplek/notifications';
import { RegistryModule } from '@opvangplek/registry';
import { PlacementProcessor } from './jobs/placement.processor';
import { CapacityDriftMetrics } from './capacity-drift-metrics';
import { CapacityDriftJob } from './jobs/capacity-drift.job';
import { RetryWaitingJob } from './jobs/retry-waiting.job';
import { RetentionJob } from './jobs/retention.job';
import { SweepJob } from './jobs/sweep.job';
import { PlacementGuard } from './placement-guard';
import { PlacementMetrics } from './placement-metrics';
import { PlacementQueue } from './placement-queue';
import { PlacementRequestMapper } from './placement-request.mapper';
import { PlacementRequestsService } from './placement-requests.service';
import { PlacementRepository } from './placement.repository';
import { PlacementResolver } from './placement.resolver';
import { AuthorityDecisions } from './workflow/authority-decision';
import { FollowUps } from './workflow/follow-up';
import { PlacementHolds } from './workflow/holds';
import { PlacementLifecycle } from './workflow/lifecycle';
import { MatchingAttempt } from './workflow/matching-attempt';
import { PlacementOffer } from './workflow/offer';
import { Transfers } from './workflow/transfer';
import { ProfileUpdates } from './workflow/profile-update';
import { RouteDecisions } from './workflow/route-decision';
import { PlannedActionRepository } from './planned-actions/planned-action.repository';
import { PlannedActionRunner } from './planned-actions/planned-action-runner';
import { PlannedActionMapper } from './planned-actions/planned-action.mapper';
import { PlannedActionResolver } from './planned-actions/planned-action.resolver';
import { PlannedActionsService } from './planned-actions/planned-actions.service';

/** The placement tables and the workflow on them, shared by the API and the worker side. */
const WORKFLOW = [
  PlacementRepository,
  PlacementQueue,
  PlacementGuard,
  PlacementHolds,
  PlacementOffer,
  FollowUps,
  Transfers,
  ProfileUpdates,
  RouteDecisions,
  MatchingAttempt,
  PlacementLifecycle,
  AuthorityDecisions,
  RetryWaitingJob,
  CapacityDriftJob,
  RetentionJob,
  SweepJob,
  // The sweep starts and ends planned actions; starting one opens requests as the planner.
  PlacementRequestMapper,
  PlacementRequestsService,
  PlannedActionRepository,
  PlannedActionRunner,
];

/** The placement workflow's GraphQL side (API processes). */
@Module({
  imports: [RegistryModule, RegisterReaderModule, MatchingModule, WebhookOutboxModule, CapacityAheadModule],
  providers: [
    ...WORKFLOW,
    PlacementResolver,
    PlaceExpectations,
    PlannedActionsService,
    PlannedActionMapper,
    PlannedActionResolver,
    PlacementMetrics,
    CapacityDriftMetrics,
  ],
  exports: [PlacementQueue, PlacementRequestsService, SweepJob],
})
export class PlacementModule {}

/** The placement workflow's jobs (worker processes). */
@Module({
  imports: [RegistryModule, RegisterReaderModule, MatchingModule, WebhookOutboxModule],
  providers: [...WORKFLOW, PlacementProcessor],
  exports: [SweepJob],
})
export class PlacementJobsModule {}
