import { Injectable } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import { type PlacementStatus, Role } from '@opvangplek/domain';
import { ConflictError, ForbiddenError, isUuid, NotFoundError } from '@opvangplek/platform';
import type { EntityManager } from 'typeorm';
import { HoldState } from './placement-hold.entity';
import type { PlacementRequestEntity } from './placement-request.entity';
import { PlacementRepository } from './placement.repository';

/** Who may act on a request: the checks that need the request's rows (placement-access has the rules). */
@Injectable()
export class PlacementGuard {
  constructor(private readonly repository: PlacementRepository) {}

  /**
   * The caller must be staff at a facility this request holds or occupies places at (else
   * FORBIDDEN), and the request in `status` (else CONFLICT). With `locked`, read in its
   * transaction (`manager`): a transaction that waited for a row lock must never wait for a second
   * pool connection too, or concurrent callers exhaust the pool and stall each other.
   */
  async assertStaffOf(
    viewer: Viewer,
    requestId: string,
    status: PlacementStatus,
    locked?: { request: PlacementRequestEntity; manager: EntityManager },
  ): Promise<void> {
    const manager = locked?.manager;
    const request = locked?.request ?? (await this.repository.find(requestId));
    if (!request || !(await this.repository.isVisible(viewer, request.id, manager)))
      throw this.notVisible(viewer, requestId, !!request);
    if (viewer.role !== Role.SHELTER_STAFF && viewer.role !== Role.ADMIN) {
      throw new ForbiddenError('Only staff of the facility concerned can do this.');
    }
    if (viewer.role === Role.SHELTER_STAFF) {
      const holds = await this.repository.countHoldsAt(
        requestId,
        [HoldState.HELD, HoldState.OCCUPIED],
        viewer.facilityIds.filter((id) => isUuid(id)),
        manager,
      );
      if (holds === 0) throw new ForbiddenError('This request does not concern a facility you work at.');
    }
    if (request.status !== status) {
      throw new ConflictError(`This request is ${request.status}; this action needs it to be ${status}.`);
    }
  }

  /** The request, locked in `manager`'s transaction, if the caller may see it; else the error `notVisible` says. */
  async lockVisible(manager: EntityManager, viewer: Viewer, id: string): Promise<PlacementRequestEntity> {
    const request = await this.repository.lock(manager, id);
    if (!request || !(await this.repository.isVisible(viewer, id, manager))) throw this.notVisible(viewer, id, !!request);
    return request;
  }

  /**
   * The error for acting on a request the caller cannot see: NOT_FOUND, the same whether it exists
   * or not, so the answer never tells a caller (shelter staff included) that a request id exists
   * (issue 12, path 9).
   */
  private notVisible(_viewer: Viewer, id: string, _exists: boolean): Error {
    return new NotFoundError(`There is no placement request ${id} that you can see.`);
  }
}
