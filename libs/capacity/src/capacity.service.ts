import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { audit, type Viewer } from '@opvangplek/access';
import { availablePlaces, capacityViolations, figuresNudge, Role } from '@opvangplek/domain';
import {
  CLOCK,
  type Clock,
  APP_CONFIG,
  type AppConfig,
  AppError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  EVENT_BUS,
  EventChannel,
  type EventBus,
} from '@opvangplek/platform';
import {
  FacilityEntity,
  type RegionEntity,
  shownFacilityName,
  mayKnowCounts,
  mayKnowLocation,
  type FacilityModel,
  assertFacilityId,
} from '@opvangplek/registry';
import type { DataSource, EntityManager } from 'typeorm';
import { CapacityChangeKind, CapacityHistoryEntity } from './capacity-history.entity';
import { CapacityEntity } from './capacity.entity';
import { FacilityViews } from './facility-views.service';
import type { CapacityChangedEvent } from './capacity.events';
import type { UpdateCapacityInput } from './dto/update-capacity.input';
import type { ConfirmAllCapacityResultModel, RefusedConfirmationModel } from './models/confirm-all-capacity.model';
import type { FiguresNudgeModel } from './models/figures-nudge.model';

/** The most facilities one confirmAllCapacity confirms (an organisation's, not the register). */
export const MAX_CONFIRM_ALL = 100;

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly views: FacilityViews,
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
    return (await this.views.facility(viewer, input.facilityId))!;
  }

  /** "Still true": staff vouch for the counts without changing them, which refreshes freshness. */
  async confirm(viewer: Viewer, facilityId: string): Promise<FacilityModel> {
    assertFacilityId(facilityId, 'facilityId');
    const event = await this.dataSource.transaction((manager) => this.confirmLocked(manager, viewer, facilityId));
    await this.announce(event);
    return (await this.views.facility(viewer, facilityId))!;
  }

  /**
   * "Alles klopt nog" (issue 18): one tap confirms every facility the caller may confirm — the
   * token's facilities, or those of them asked for — each exactly as confirmCapacity would (same
   * checks, same history and audit row). A facility it may not confirm is listed as refused with
   * confirmCapacity's reason; the others are confirmed regardless, in one transaction.
   */
  async confirmAll(viewer: Viewer, facilityIds?: string[] | null): Promise<ConfirmAllCapacityResultModel> {
    const asked = [...new Set(facilityIds ?? viewer.facilityIds)].sort();
    if (asked.length === 0) {
      throw new InvalidInputError(
        'facilityIds',
        facilityIds
          ? 'facilityIds is empty: name the facilities to confirm, or leave it out to confirm all of yours.'
          : 'Your token names no facilities to confirm; ask your administrator to add yours.',
      );
    }
    if (asked.length > MAX_CONFIRM_ALL) {
      throw new InvalidInputError(
        'facilityIds',
        `facilityIds may hold at most ${MAX_CONFIRM_ALL} facilities; got ${asked.length}.`,
      );
    }
    asked.forEach((id) => assertFacilityId(id, 'facilityIds'));
    const refused: RefusedConfirmationModel[] = [];
    // Locked in id order, so two such calls over the same facilities cannot deadlock.
    const events = await this.dataSource.transaction(async (manager) => {
      const confirmed: CapacityChangedEvent[] = [];
      for (const facilityId of asked) {
        try {
          confirmed.push(await this.confirmLocked(manager, viewer, facilityId));
        } catch (error) {
          // Only the checks' answers; a database failure rolls the whole call back.
          if (!(error instanceof ForbiddenError || error instanceof NotFoundError)) throw error;
          refused.push({ facilityId, code: codeOf(error), message: error.message });
        }
      }
      return confirmed;
    });
    for (const event of events) await this.announce(event);
    const confirmed = events.length ? await this.views.facilities(viewer, { ids: events.map((event) => event.facilityId) }) : [];
    return { confirmed, refused };
  }

  /**
   * The caller's facilities whose staff should confirm their figures now (AGING, STALE or never
   * confirmed), for the shelter desk's "klopt het nog?" banner. Empty for a caller with none.
   */
  async figuresNudges(viewer: Viewer): Promise<FiguresNudgeModel[]> {
    if (viewer.facilityIds.length === 0) return [];
    const facilities = await this.views.facilities(viewer, { ids: viewer.facilityIds });
    const now = this.clock.now();
    return facilities.flatMap((facility) => {
      // Staff may always read their own counts; a facility without them has nothing to confirm.
      if (!facility.capacity) return [];
      const nudge = figuresNudge(facility.capacity.confirmedAt, facility.updateCadence, now, this.config.freshness);
      return nudge ? [{ facility, ...nudge }] : [];
    });
  }

  private async confirmLocked(manager: EntityManager, viewer: Viewer, facilityId: string): Promise<CapacityChangedEvent> {
    const { facility, capacity } = await this.lockForChange(manager, viewer, facilityId);
    const now = this.clock.now();
    // The version stays: a confirmation must not make a colleague's concurrent edit a conflict.
    capacity.confirmedAt = now;
    await manager.getRepository(CapacityEntity).update({ facilityId }, { confirmedAt: now });
    await this.recordHistory(manager, viewer, capacity, CapacityChangeKind.CONFIRM, now);
    return this.changedEvent(facility, capacity);
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

/** The contract's code for a refusal, as the error formatter would send it. */
function codeOf(error: AppError): string {
  return error.kind === 'forbidden' ? 'FORBIDDEN' : 'NOT_FOUND';
}

/** The facility's name as this caller may see it: a secret facility stays anonymous in errors too. */
function nameFor(viewer: Viewer, facility: FacilityEntity & { region: RegionEntity }): string {
  return shownFacilityName(facility, mayKnowLocation(viewer, facility));
}
