import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { audit } from '@opvangplek/access/audit/audit';
import type { Viewer } from '@opvangplek/access/viewer';
import { availablePlaces, capacityViolations, Role } from '@opvangplek/domain';
import { CLOCK, type Clock } from '@opvangplek/platform/clock';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '@opvangplek/platform/errors';
import { EVENT_BUS, EventChannel, type EventBus } from '@opvangplek/platform/events';
import { CapacityEntity } from '@opvangplek/registry/capacity.entity';
import { FacilityEntity } from '@opvangplek/registry/facility.entity';
import type { RegionEntity } from '@opvangplek/registry/region.entity';
import { shownFacilityName } from '@opvangplek/registry/facility-view.mapper';
import { mayKnowCounts } from '@opvangplek/registry/capacity-disclosure';
import { mayKnowLocation } from '@opvangplek/registry/location-disclosure';
import type { FacilityModel } from '@opvangplek/registry/models/facility.model';
import { assertFacilityId, RegistryService } from '@opvangplek/registry/registry.service';
import type { DataSource, EntityManager } from 'typeorm';
import { CapacityChangeKind, CapacityHistoryEntity } from './capacity-history.entity';
import type { CapacityChangedEvent } from './capacity.events';
import type { UpdateCapacityInput } from './dto/update-capacity.input';

/**
 * Staff keep their facility's capacity true. Every change is checked against the domain rules,
 * applied under a row lock with an optimistic version check, recorded in the history in the same
 * transaction, and announced to every process after it commits.
 */
@Injectable()
export class CapacityService {
  private readonly logger = new Logger(CapacityService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly registry: RegistryService,
  ) {}

  async update(viewer: Viewer, input: UpdateCapacityInput): Promise<FacilityModel> {
    assertFacilityId(input.facilityId, 'input.facilityId');
    const event = await this.dataSource.transaction(async (manager) => {
      const { facility, capacity } = await this.lockForChange(manager, viewer, input.facilityId);
      if (capacity.version !== input.expectedVersion) {
        throw new ConflictError(
          `The capacity of ${nameFor(viewer, facility)} changed since you read it (version ${input.expectedVersion}, now ${capacity.version}). ` +
            'Reload the current counts and apply your change again.',
        );
      }
      const next = { total: input.total, occupied: input.occupied, held: capacity.held, outOfService: input.outOfService };
      const [violation] = capacityViolations(next);
      if (violation) {
        const field = violation.field === 'held' ? 'total' : violation.field;
        throw new InvalidInputError(`input.${field}`, violation.message);
      }
      const now = this.clock.now();
      const freeBefore = availablePlaces(capacity);
      Object.assign(capacity, next, { version: capacity.version + 1, updatedAt: now, confirmedAt: now });
      await manager.getRepository(CapacityEntity).save(capacity);
      await this.recordHistory(manager, viewer, capacity, CapacityChangeKind.UPDATE, now);
      return { ...this.changedEvent(facility, capacity), freed: availablePlaces(capacity) > freeBefore };
    });
    await this.announce(event);
    return (await this.registry.facility(viewer, input.facilityId))!;
  }

  /** "Still true": staff vouch for the counts without changing them, which refreshes freshness. */
  async confirm(viewer: Viewer, facilityId: string): Promise<FacilityModel> {
    assertFacilityId(facilityId, 'facilityId');
    const event = await this.dataSource.transaction(async (manager) => {
      const { facility, capacity } = await this.lockForChange(manager, viewer, facilityId);
      const now = this.clock.now();
      // The version stays: a confirmation must not make a colleague's concurrent edit a conflict.
      capacity.confirmedAt = now;
      await manager.getRepository(CapacityEntity).update({ facilityId }, { confirmedAt: now });
      await this.recordHistory(manager, viewer, capacity, CapacityChangeKind.CONFIRM, now);
      return this.changedEvent(facility, capacity);
    });
    await this.announce(event);
    return (await this.registry.facility(viewer, facilityId))!;
  }

  private async lockForChange(manager: EntityManager, viewer: Viewer, facilityId: string) {
    // With its region: a secret facility is named by its kind and region to whoever may not locate it.
    const facility = (await manager
      .getRepository(FacilityEntity)
      .findOne({ where: { id: facilityId }, relations: { region: true } })) as (FacilityEntity & { region: RegionEntity }) | null;
    if (!facility) throw new NotFoundError(`There is no facility with id ${facilityId}.`);
    if (viewer.role === Role.SHELTER_STAFF && !viewer.facilityIds.includes(facilityId)) {
      throw new ForbiddenError(
        `You can only change the capacity of your own facilities; ${nameFor(viewer, facility)} is not one of them.`,
      );
    }
    // Its counts (and their version, which moves with every offer) are its staff's alone (issue 12):
    // an ADMIN who could set or confirm them could also read them back.
    if (!mayKnowCounts(viewer, facility)) {
      throw new ForbiddenError(`The counts of ${nameFor(viewer, facility)} are kept by its own staff only (secret address).`);
    }
    const capacity = await manager
      .getRepository(CapacityEntity)
      .createQueryBuilder('capacity')
      .setLock('pessimistic_write')
      .where('capacity.facilityId = :facilityId', { facilityId })
      .getOne();
    if (!capacity) throw new NotFoundError(`Facility ${nameFor(viewer, facility)} has no capacity record yet.`);
    return { facility, capacity };
  }

  private async recordHistory(
    manager: EntityManager,
    viewer: Viewer,
    capacity: CapacityEntity,
    kind: CapacityChangeKind,
    at: Date,
  ) {
    const counts = `v${capacity.version} total=${capacity.total} occupied=${capacity.occupied} held=${capacity.held} outOfService=${capacity.outOfService}`;
    await audit(
      manager,
      viewer,
      { action: `capacity.${kind.toLowerCase()}`, facilityId: capacity.facilityId, detail: counts },
      at,
    );
    await manager.getRepository(CapacityHistoryEntity).insert({
      facilityId: capacity.facilityId,
      kind,
      version: capacity.version,
      total: capacity.total,
      occupied: capacity.occupied,
      held: capacity.held,
      outOfService: capacity.outOfService,
      changedBy: viewer.sub,
      changedByRole: viewer.role,
      changedByOrg: viewer.org,
      changedAt: at,
    });
  }

  private changedEvent(facility: FacilityEntity, capacity: CapacityEntity): CapacityChangedEvent {
    return { facilityId: facility.id, regionCode: facility.regionCode, type: facility.type, version: capacity.version };
  }

  /** After commit. A lost event only delays a live view (clients re-read on reconnect); the change itself is safe. */
  private async announce(event: CapacityChangedEvent): Promise<void> {
    await this.events.publish(EventChannel.CapacityChanged, event).catch((error: Error) => {
      this.logger.warn(`capacityChanged for ${event.facilityId} not published: ${error.message}`);
    });
  }
}

/** The facility's name as this caller may see it: a secret facility stays anonymous in errors too. */
function nameFor(viewer: Viewer, facility: FacilityEntity & { region: RegionEntity }): string {
  return shownFacilityName(facility, mayKnowLocation(viewer, facility));
}
