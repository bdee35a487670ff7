import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import { mayActOnTransfer, placementNote, PlacementNoteCode, PlacementStatus, WaitingReason } from '@opvangplek/domain';
import { CLOCK, type Clock, ConflictError, ForbiddenError } from '@opvangplek/platform';
import { ledgerActor } from '../placement-changes';
import { PlacementGuard } from '../placement-guard';
import { PlacementQueue } from '../placement-queue';
import type { PlacementRequestEntity } from '../placement-request.entity';
import { PlacementRepository } from '../placement.repository';

/**
 * The screeningsoverleg's route decision for criminal exploitation, recorded after the request
 * (003:490: "bepalen de deelnemers van het screeningsoverleg, in overleg met het openbaar
 * ministerie, in eerste instantie de te volgen route en het eventueel bieden van een veilige
 * opvangplek"). A request without it waits (AWAITING_ROUTE_DECISION); this is how it stops
 * waiting: a shelter place (matched now) or a route without one (the request is cancelled).
 */
@Injectable()
export class RouteDecisions {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly guard: PlacementGuard,
    private readonly queue: PlacementQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  record(viewer: Viewer, requestId: string, shelter: boolean, reason: string): Promise<PlacementRequestEntity> {
    return this.repository.inTransaction(async (manager, changes) => {
      const request = await this.guard.lockVisible(manager, viewer, requestId);
      // Those who carry the case bring the decision from the screeningsoverleg.
      if (!mayActOnTransfer(viewer, request))
        throw new ForbiddenError(
          "Only the region's coordinators, the requesting organisation and CoMensha record the screeningsoverleg's route decision.",
        );
      if (request.status !== PlacementStatus.WAITING || request.waitingReason !== WaitingReason.AWAITING_ROUTE_DECISION)
        throw new ConflictError('This request does not wait for a route decision (AWAITING_ROUTE_DECISION): nothing to record.');
      const actor = ledgerActor(viewer);
      request.routeDecided = true;
      request.waitingReason = null;
      request.nextAttemptAt = null;
      if (!shelter) {
        request.endedAt = this.clock.now(); // retention counts from here
        await this.repository.transition(
          manager,
          changes,
          request,
          PlacementStatus.CANCELLED,
          actor,
          placementNote(PlacementNoteCode.ROUTE_NO_SHELTER, { reason }),
        );
        return request;
      }
      request.attempt += 1;
      await this.repository.transition(
        manager,
        changes,
        request,
        PlacementStatus.MATCHING,
        actor,
        placementNote(PlacementNoteCode.ROUTE_DECIDED, { reason }),
      );
      const { id, attempt, urgency } = request;
      changes.after.push(() => this.queue.enqueueMatch(id, attempt, 'route-decided', { urgency }));
      return request;
    });
  }
}
