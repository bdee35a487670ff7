import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { audit } from '@opvangplek/access/audit/audit';
import type { Viewer } from '@opvangplek/access/viewer';
import {
  ageBandOf,
  assertTransition,
  PLACING_AUTHORITY_BY_TYPE,
  PlacementStatus,
  PlacingAuthority,
  Role,
  ShelterType,
  Urgency,
  type VictimProfile,
} from '@opvangplek/domain';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import { NOTE_CIPHER, type NoteCipher } from '@opvangplek/platform/crypto/note-cipher';
import { CLOCK, type Clock } from '@opvangplek/platform/clock';
import { assertUuid, ConflictError, ForbiddenError, InvalidInputError, isUuid, NotFoundError } from '@opvangplek/platform/errors';
import { MatchingService } from '@opvangplek/matching/matching.service';
import { facilityView } from '@opvangplek/registry/facility-view.mapper';
import { mayKnowLocation } from '@opvangplek/registry/location-disclosure';
import { type LoadedFacility, RegistryService } from '@opvangplek/registry/registry.service';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type {
  NoodbedRequestInput,
  OfferResponseInput,
  PlacementRequestFilterInput,
  PlacementRequestInput,
} from './dto/placement-request.input';
import type {
  PlacementRequestConnectionModel,
  PlacementRequestModel,
  ProfileSummaryModel,
  VictimProfileModel,
} from './models/placement-request.model';
import { mayRequestFor, maySeeProfileSummary, scopeRequests } from './placement-access';
import { type Applied, noChanges, PlacementEngine, type PlacementEventRow, SYSTEM_ACTOR } from './placement-engine';
import { PlacementEventEntity } from './placement-event.entity';
import { HoldState, PlacementHoldEntity } from './placement-hold.entity';
import { PlacementQueue } from './placement-queue';
import { PlacementRequestEntity } from './placement-request.entity';
import { RegionDirectory } from '@opvangplek/registry/region-directory';

const MAX_REASON = 500;
const MAX_REFERENCE = 120;
const MAX_PAGE = 200;

function assertRequestId(id: string, field: string): void {
  assertUuid(id, field, 'a request id');
}

function assertReason(reason: string | null | undefined, field: string): string {
  const text = reason?.trim() ?? '';
  if (text.length === 0 || text.length > MAX_REASON)
    throw new InvalidInputError(field, `${field} is required: 1 to ${MAX_REASON} characters`);
  return text;
}

function ledgerActor(viewer: Viewer) {
  return { by: viewer.sub, role: viewer.role, org: viewer.org };
}

/**
 * The placement workflow as callers see it: submit (never lost: written before it is queued),
 * follow, answer offers, record arrival and departure, cancel. Matching itself runs in the worker
 * (PlacementEngine); only a noodbed is matched inline, because police need the answer at once.
 */
@Injectable()
export class PlacementRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: PlacementEngine,
    private readonly queue: PlacementQueue,
    private readonly matching: MatchingService,
    private readonly registry: RegistryService,
    private readonly regionDirectory: RegionDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(NOTE_CIPHER) private readonly notes: NoteCipher,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Submitting

  async submit(viewer: Viewer, input: PlacementRequestInput): Promise<PlacementRequestModel> {
    if (!mayRequestFor(viewer, input.regionCode)) {
      throw new ForbiddenError(
        `You can request placements for your own regions only (${viewer.regions.join(', ') || 'none'}), not ${input.regionCode}.`,
      );
    }
    const { request } = await this.create(viewer, {
      profile: input.profile,
      urgency: input.urgency,
      regionCode: input.regionCode,
      groupSize: input.groupSize ?? 1,
      clientReference: input.clientReference ?? null,
      types: input.types ?? [],
      field: 'input',
    });
    if (request.status === PlacementStatus.RECEIVED && request.attempt === 0) {
      // Queued after commit. If the queue is down the request is still safe: the sweep enqueues it.
      await this.queue.enqueueMatch(request.id, 0, 'submit', { urgency: request.urgency }).catch(() => undefined);
    }
    return this.view(viewer, request);
  }

  /**
   * Police at night: holds a noodbed (or the best 24/7 place) within this call, and opens the
   * linked onward request, matched to COSM/OMM/VO when their authority opens.
   */
  async requestNoodbed(viewer: Viewer, input: NoodbedRequestInput): Promise<PlacementRequestModel> {
    const { request, recorded, announced } = await this.create(viewer, {
      profile: input.profile,
      urgency: Urgency.ACUTE,
      regionCode: input.regionCode,
      groupSize: input.groupSize ?? 1,
      clientReference: input.clientReference ?? null,
      types: [ShelterType.NOODBED, ...this.interimKinds()],
      field: 'input',
      startMatching: true,
    });
    if (recorded) {
      // Created by this call: everything the answer shows was written by this call, so it is
      // answered from what is in hand instead of read back (issue 4, part 9c: p99 under 200 ms).
      const applied = await this.engine.matchNew(request).finally(() => announced);
      if (applied) return this.answerNoodbed(viewer, applied, recorded);
    } else if (request.status === PlacementStatus.RECEIVED || request.status === PlacementStatus.MATCHING) {
      // A retry (same clientReference) of a call that did not get to matching, or is matching now:
      // matched here; if the other call is first, this attempt finds the request done and stops.
      await this.engine.matchRequest(request.id, request.attempt);
    }
    return this.view(viewer, (await this.find(request.id))!);
  }

  /** The noodbed answer from the entities of this call: the request, its hold, its history, its follow-up. */
  private async answerNoodbed(viewer: Viewer, applied: Applied, createdWith: PlacementEventRow[]): Promise<PlacementRequestModel> {
    const { request, followUp, holds, facilities } = applied;
    const historyOf = (id: string) => applied.recorded.filter((event) => event.requestId === id);
    const facilitiesOf = (ids: (string | null)[]) =>
      ids.filter((id): id is string => !!id && facilities.has(id)).map((id) => facilities.get(id)!);
    let followUpModel: PlacementRequestModel | null = null;
    if (followUp) {
      // Police and NLA see their own organisation's requests, and the follow-up is this caller's; anyone else is asked.
      const visible =
        ([Role.POLICE, Role.NLA].includes(viewer.role) && viewer.org === followUp.requestedByOrg) ||
        (await this.isVisible(viewer, followUp.id));
      if (visible)
        followUpModel = this.render(viewer, followUp, { holds: [], events: historyOf(followUp.id), facilities: [], bridge: null, followUp: null });
    }
    return this.render(viewer, request, {
      holds,
      events: [...createdWith, ...historyOf(request.id)],
      facilities: facilitiesOf([request.facilityId, ...holds.map((hold) => hold.facilityId)]),
      bridge: null, // a noodbed request is never itself an onward request
      followUp: followUpModel,
    });
  }

  /** The 24/7 kinds that may stand in for a noodbed: the interim kinds whose authority never closes. */
  private interimKinds(): ShelterType[] {
    return [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG].filter(
      (type) => this.config.authorityHours[PLACING_AUTHORITY_BY_TYPE[type]] === null,
    );
  }

  private async create(
    viewer: Viewer,
    input: {
      profile: VictimProfile;
      urgency: Urgency;
      regionCode: string;
      groupSize: number;
      clientReference: string | null;
      types: ShelterType[];
      field: string;
      /** Created already MATCHING (RECEIVED and MATCHING recorded together): the caller matches it at once. */
      startMatching?: boolean;
    },
  ): Promise<{ request: PlacementRequestEntity; recorded: PlacementEventRow[] | null; announced: Promise<void> }> {
    const { field } = input;
    if (!Number.isInteger(input.groupSize) || input.groupSize < 1 || input.groupSize > 200) {
      throw new InvalidInputError(`${field}.groupSize`, `${field}.groupSize must be a whole number from 1 to 200`);
    }
    if (input.clientReference !== null && (input.clientReference.trim() === '' || input.clientReference.length > MAX_REFERENCE)) {
      throw new InvalidInputError(
        `${field}.clientReference`,
        `${field}.clientReference must be 1 to ${MAX_REFERENCE} characters`,
      );
    }
    if (!(await this.regionDirectory.isRegion(input.regionCode))) {
      throw new InvalidInputError(
        `${field}.regionCode`,
        `${field}.regionCode "${input.regionCode.slice(0, 20)}" is not a region; see the regions query`,
      );
    }
    const profile: VictimProfile = { ...input.profile, groupSize: input.groupSize };
    this.matching.assertValidProfile(profile, this.clock.now(), `${field}.profile`);

    const changes = noChanges();
    const created = await this.dataSource.transaction(async (manager) => {
      // Every column given, so the stored row is known without reading it back (RETURNING gives the rest).
      const request = manager.getRepository(PlacementRequestEntity).create({
        status: PlacementStatus.RECEIVED,
        urgency: input.urgency,
        regionCode: input.regionCode,
        profile,
        facts: null,
        profileErasedAt: null,
        groupSize: input.groupSize,
        types: input.types,
        clientReference: input.clientReference,
        requestedBy: viewer.sub,
        requestedByRole: viewer.role,
        requestedByOrg: viewer.org,
        attempt: 0,
        facilityId: null,
        offerExpiresAt: null,
        waitingReason: null,
        waitingForAuthority: null,
        nextAttemptAt: null,
        skippedFacilityIds: [],
        placedAt: null,
        stayEndsAt: null,
        stayAlertAt: null,
        overstay: false,
        endedAt: null,
        escalated: false,
        escalatedAt: null,
        bridgeRequestId: null,
        createdAt: this.clock.now(),
      });
      if (input.startMatching) {
        assertTransition(PlacementStatus.RECEIVED, PlacementStatus.MATCHING);
        request.status = PlacementStatus.MATCHING;
      }
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(PlacementRequestEntity)
        .values(request)
        .orIgnore() // a retry with the same clientReference: the first submission stands
        .returning('"id", "updated_at"')
        .updateEntity(false)
        .execute();
      const row = inserted.raw[0] as { id: string; updated_at: Date } | undefined;
      if (!row) {
        const existing = await manager
          .getRepository(PlacementRequestEntity)
          .findOne({ where: { requestedByOrg: viewer.org, clientReference: input.clientReference! } });
        if (!existing) throw new ConflictError('This request could not be stored; please submit it again.');
        return { request: existing, created: false };
      }
      request.id = row.id;
      request.updatedAt = row.updated_at;
      await this.engine.record(manager, request, PlacementStatus.RECEIVED, ledgerActor(viewer), null, changes.records);
      if (input.startMatching) await this.engine.record(manager, request, PlacementStatus.MATCHING, SYSTEM_ACTOR, null, changes.records);
      await this.engine.writeRecords(manager, changes);
      return { request, created: true };
    });
    if (!created.created) return { request: created.request, recorded: null, announced: Promise.resolve() };
    // MATCHING is announced like any other change of status (RECEIVED itself never was); the
    // caller matches meanwhile and waits for it before answering.
    const announced = input.startMatching ? this.engine.announce({ ...changes, requests: [created.request] }) : Promise.resolve();
    return { request: created.request, recorded: changes.recorded, announced };
  }

  // ---------------------------------------------------------------------------------------------
  // Acting on a request

  async respondToOffer(viewer: Viewer, input: OfferResponseInput): Promise<PlacementRequestModel> {
    assertRequestId(input.requestId, 'input.requestId');
    if (!input.accept) {
      const reason = assertReason(input.declineReason, 'input.declineReason');
      await this.assertStaffOf(viewer, input.requestId, [HoldState.HELD], PlacementStatus.OFFERED);
      const request = await this.engine.withdrawOffer(input.requestId, { by: ledgerActor(viewer), note: `declined: ${reason}` });
      if (!request) throw new ConflictError('This offer is no longer open (it was answered, withdrawn or lapsed).');
      return this.view(viewer, request);
    }
    const request = await this.engine.inTransaction(async (manager, changes) => {
      const locked = await this.lockVisible(manager, viewer, input.requestId);
      await this.assertStaffOf(viewer, locked.id, [HoldState.HELD], PlacementStatus.OFFERED, locked);
      await this.engine.transition(
        manager,
        changes,
        locked,
        PlacementStatus.ACCEPTED,
        ledgerActor(viewer),
        'accepted by the facility',
      );
      return locked;
    });
    return this.view(viewer, request);
  }

  async confirmArrival(viewer: Viewer, requestId: string): Promise<PlacementRequestModel> {
    assertRequestId(requestId, 'requestId');
    const request = await this.engine.inTransaction(async (manager, changes) => {
      const locked = await this.lockVisible(manager, viewer, requestId);
      await this.assertStaffOf(viewer, locked.id, [HoldState.HELD], PlacementStatus.ACCEPTED, locked);
      await this.engine.arrive(manager, changes, locked, ledgerActor(viewer));
      return locked;
    });
    return this.view(viewer, request);
  }

  async endPlacement(viewer: Viewer, requestId: string, reason: string): Promise<PlacementRequestModel> {
    assertRequestId(requestId, 'requestId');
    const note = assertReason(reason, 'reason');
    const request = await this.engine.inTransaction(async (manager, changes) => {
      const locked = await this.lockVisible(manager, viewer, requestId);
      if (viewer.role === Role.SHELTER_STAFF)
        await this.assertStaffOf(viewer, locked.id, [HoldState.OCCUPIED], PlacementStatus.PLACED, locked);
      if (locked.status !== PlacementStatus.PLACED)
        throw new ConflictError(`Only a PLACED request can be ended; this one is ${locked.status}.`);
      await this.engine.endStay(manager, changes, locked, ledgerActor(viewer), `ended: ${note}`);
      return locked;
    });
    return this.view(viewer, request);
  }

  async cancel(viewer: Viewer, requestId: string, reason: string): Promise<PlacementRequestModel> {
    assertRequestId(requestId, 'requestId');
    const note = assertReason(reason, 'reason');
    if (viewer.role === Role.SHELTER_STAFF || viewer.role === Role.PLANNER) {
      throw new ForbiddenError(
        'Only the requester (or an administrator) can cancel a request; a facility declines an offer instead.',
      );
    }
    const request = await this.engine.inTransaction(async (manager, changes) => {
      const followUp = await this.engine.lockFollowUpOf(manager, requestId); // before the request: see lockFollowUpOf
      const locked = await this.lockVisible(manager, viewer, requestId);
      if (locked.status === PlacementStatus.PLACED)
        throw new ConflictError('This person has arrived: end the placement instead of cancelling it.');
      if (locked.status === PlacementStatus.ENDED || locked.status === PlacementStatus.CANCELLED) {
        throw new ConflictError(`This request is already ${locked.status}.`);
      }
      await this.engine.releaseHolds(manager, changes, locked.id, [HoldState.HELD], this.clock.now(), ledgerActor(viewer));
      locked.offerExpiresAt = null;
      locked.endedAt = this.clock.now(); // retention counts from here
      await this.engine.transition(
        manager,
        changes,
        locked,
        PlacementStatus.CANCELLED,
        ledgerActor(viewer),
        `cancelled: ${note}`,
      );
      // A cancelled noodbed (or other interim) request takes its onward request with it.
      if (followUp) await this.engine.cancelFollowUp(manager, changes, locked, followUp, ledgerActor(viewer), note);
      return locked;
    });
    return this.view(viewer, request);
  }

  /** The caller must be staff at a facility where this request holds places in `states`, and the request in `status`. */
  private async assertStaffOf(
    viewer: Viewer,
    requestId: string,
    states: HoldState[],
    status: PlacementStatus,
    locked?: PlacementRequestEntity,
  ): Promise<void> {
    const request = locked ?? (await this.find(requestId));
    if (!request || !(await this.isVisible(viewer, request.id))) throw this.notVisible(viewer, requestId, !!request);
    if (viewer.role !== Role.SHELTER_STAFF && viewer.role !== Role.ADMIN) {
      throw new ForbiddenError('Only staff of the facility concerned can do this.');
    }
    if (viewer.role === Role.SHELTER_STAFF) {
      const holds = await this.dataSource.getRepository(PlacementHoldEntity).count({
        where: { requestId, state: In(states), facilityId: In(viewer.facilityIds.filter((id) => isUuid(id))) },
      });
      if (holds === 0) throw new ForbiddenError('This request does not concern a facility you work at.');
    }
    if (request.status !== status) {
      throw new ConflictError(`This request is ${request.status}; this action needs it to be ${status}.`);
    }
  }

  private async lockVisible(manager: EntityManager, viewer: Viewer, id: string): Promise<PlacementRequestEntity> {
    const request = await this.engine.lock(manager, id);
    if (!request || !(await this.isVisible(viewer, id, manager))) throw this.notVisible(viewer, id, !!request);
    return request;
  }

  /**
   * The error for acting on a request the caller cannot see. Shelter staff see only requests held
   * at or placed in their own facilities, so for them an existing request is one that does not
   * concern their facility: FORBIDDEN, as `assertStaffOf` says (without this, that check was
   * unreachable and staff of another facility got NOT_FOUND). Everyone else: NOT_FOUND.
   */
  private notVisible(viewer: Viewer, id: string, exists: boolean): Error {
    if (exists && viewer.role === Role.SHELTER_STAFF)
      return new ForbiddenError('This request does not concern a facility you work at.');
    return new NotFoundError(`There is no placement request ${id} that you can see.`);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  private find(id: string): Promise<PlacementRequestEntity | null> {
    return this.dataSource.getRepository(PlacementRequestEntity).findOne({ where: { id } });
  }

  private async isVisible(viewer: Viewer, id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const query = scopeRequests(
      manager.getRepository(PlacementRequestEntity).createQueryBuilder('r').where('r.id = :id', { id }),
      viewer,
    );
    return (await query.getCount()) > 0;
  }

  async get(viewer: Viewer, id: string): Promise<PlacementRequestModel | null> {
    assertRequestId(id, 'id');
    if (!(await this.isVisible(viewer, id))) return null;
    const request = await this.find(id);
    return request ? this.view(viewer, request) : null;
  }

  async list(
    viewer: Viewer,
    filter: PlacementRequestFilterInput = {},
    first = 50,
    after?: string | null,
  ): Promise<PlacementRequestConnectionModel> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw new InvalidInputError('first', `first must be from 1 to ${MAX_PAGE}`);
    const statuses = filter.status ?? [];
    const invalid = statuses.find((status) => !Object.values(PlacementStatus).includes(status as PlacementStatus));
    if (invalid)
      throw new InvalidInputError(
        'filter.status',
        `filter.status "${invalid.slice(0, 20)}" is not one of ${Object.values(PlacementStatus).join(', ')}`,
      );
    if (filter.authority && !Object.values(PlacingAuthority).includes(filter.authority as PlacingAuthority)) {
      throw new InvalidInputError(
        'filter.authority',
        `filter.authority must be one of ${Object.values(PlacingAuthority).join(', ')}`,
      );
    }
    const query = scopeRequests(this.dataSource.getRepository(PlacementRequestEntity).createQueryBuilder('r'), viewer);
    if (statuses.length) query.andWhere('r.status IN (:...statuses)', { statuses });
    if (filter.authority) query.andWhere('r.waitingForAuthority = :authority', { authority: filter.authority });
    if (filter.regionCodes?.length) query.andWhere('r.regionCode IN (:...regionCodes)', { regionCodes: filter.regionCodes });
    if (filter.escalated != null) query.andWhere('r.escalated = :escalated', { escalated: filter.escalated });
    const totalCount = await query.clone().getCount();
    if (after) {
      const [at, id] = Buffer.from(after, 'base64url').toString().split('|');
      if (!at || !id || Number.isNaN(Date.parse(at)) || !isUuid(id))
        throw new InvalidInputError('after', 'after must be a cursor from a previous page');
      query.andWhere('(r.createdAt, r.id) > (:afterAt, :afterId)', { afterAt: new Date(at), afterId: id });
    }
    const rows = await query
      .orderBy('r.createdAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(first + 1)
      .getMany();
    const page = rows.slice(0, first);
    const cursor = (r: PlacementRequestEntity) => Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');
    const nodes = await Promise.all(page.map((request) => this.view(viewer, request)));
    return {
      edges: nodes.map((node, i) => ({ cursor: cursor(page[i]), node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursor(page[page.length - 1]) : null },
      totalCount,
    };
  }

  /**
   * Break-glass (issue: privacy): an administrator may read a full profile only by stating why;
   * the read and its reason go to the audit log, so every such access can be reviewed.
   */
  async breakGlassProfile(viewer: Viewer, requestId: string, reason: string): Promise<VictimProfileModel> {
    assertRequestId(requestId, 'requestId');
    const why = assertReason(reason, 'reason');
    if (why.length < 10)
      throw new InvalidInputError('reason', 'reason must say why (at least 10 characters); it is kept in the audit log');
    const request = await this.find(requestId);
    if (!request) throw new NotFoundError(`There is no placement request ${requestId}.`);
    if (!request.profile)
      throw new ConflictError('This profile was erased after the retention period; only anonymous facts remain.');
    await audit(this.dataSource.manager, viewer, { action: 'profile.break-glass', requestId, detail: why }, this.clock.now());
    const p = request.profile;
    return {
      gender: p.gender,
      age: p.age ?? null,
      minor: p.minor ?? null,
      exploitationTypes: p.exploitationTypes,
      residenceStatus: p.residenceStatus ?? null,
      b8Status: p.b8Status ?? null,
      bedenktijdStart: p.bedenktijdStart ?? null,
      aangifte: p.aangifte ?? null,
      careNeeds: p.careNeeds ?? [],
      accompanyingChildren: p.accompanyingChildren ?? 0,
      threatLevel: p.threatLevel ?? null,
      excludedRegionCodes: p.excludedRegionCodes ?? [],
      homeRegionCode: p.homeRegionCode ?? null,
      foundInMunicipality: p.foundInMunicipality ?? null,
      languages: p.languages ?? [],
    };
  }

  /** The minimal profile, when this caller may see it; each disclosure is written to the audit log. */
  async profileSummaryFor(
    viewer: Viewer,
    request: PlacementRequestEntity,
    facilityIds: string[],
  ): Promise<ProfileSummaryModel | null> {
    if (!request.profile || !maySeeProfileSummary(viewer, request, facilityIds)) return null;
    const profile = request.profile;
    await audit(
      this.dataSource.manager,
      viewer,
      { action: 'profile.read', requestId: request.id, detail: 'summary' },
      this.clock.now(),
    );
    return {
      gender: profile.gender,
      ageBand: ageBandOf(profile),
      languages: profile.languages ?? [],
      careNeeds: profile.careNeeds ?? [],
      accompanyingChildren: profile.accompanyingChildren ?? 0,
      groupSize: request.groupSize,
    };
  }

  /** The request as this caller may see it, with its facility, allocations, links and history. */
  async view(viewer: Viewer, request: PlacementRequestEntity, depth = 0): Promise<PlacementRequestModel> {
    const [holds, events] = await Promise.all([
      this.dataSource.getRepository(PlacementHoldEntity).find({ where: { requestId: request.id }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(PlacementEventEntity).find({ where: { requestId: request.id }, order: { id: 'ASC' } }),
    ]);
    const facilityIds = [...new Set([request.facilityId, ...holds.map((h) => h.facilityId)].filter((id): id is string => !!id))];
    const loaded = facilityIds.length ? await this.registry.load({ ids: facilityIds }) : [];
    const linked = async (id: string | null) => {
      if (!id || depth > 0 || !(await this.isVisible(viewer, id))) return null;
      const other = await this.find(id);
      return other ? this.view(viewer, other, depth + 1) : null;
    };
    const followUpId =
      depth > 0
        ? null
        : ((
            await this.dataSource
              .getRepository(PlacementRequestEntity)
              .findOne({ where: { bridgeRequestId: request.id }, select: { id: true } })
          )?.id ?? null);
    return this.render(viewer, request, {
      holds,
      events,
      facilities: loaded,
      bridge: await linked(request.bridgeRequestId),
      followUp: await linked(followUpId),
    });
  }

  /** The model of a request from its parts, however they were obtained (read, or in hand). */
  private render(
    viewer: Viewer,
    request: PlacementRequestEntity,
    parts: {
      holds: PlacementHoldEntity[];
      events: PlacementEventRow[];
      facilities: LoadedFacility[];
      bridge: PlacementRequestModel | null;
      followUp: PlacementRequestModel | null;
    },
  ): PlacementRequestModel {
    const { holds, events, facilities: loaded } = parts;
    const now = this.clock.now();
    const placedHere = [PlacementStatus.ACCEPTED, PlacementStatus.PLACED].includes(request.status);
    const views = new Map(
      loaded.map((facility) => [
        facility.id,
        facilityView(facility, {
          now,
          freshnessPolicy: this.config.freshness,
          // The requester of an accepted or current placement may know where the person is (domain.md §6).
          mayKnowLocation: mayKnowLocation(viewer, facility) || (placedHere && viewer.org === request.requestedByOrg),
        }),
      ]),
    );
    return {
      id: request.id,
      status: request.status,
      urgency: request.urgency,
      regionCode: request.regionCode,
      types: request.types,
      facility: request.facilityId ? (views.get(request.facilityId) ?? null) : null,
      allocations: holds
        .filter((hold) => views.has(hold.facilityId))
        .map((hold) => ({ facility: views.get(hold.facilityId)!, places: hold.places, state: hold.state })),
      offerExpiresAt: request.offerExpiresAt,
      placedAt: request.placedAt,
      stayEndsAt: request.stayEndsAt,
      overstay: request.overstay,
      waitingReason: request.waitingReason,
      waitingForAuthority: request.waitingForAuthority,
      nextAttemptAt: request.nextAttemptAt,
      escalated: request.escalated,
      bridge: parts.bridge,
      followUp: parts.followUp,
      groupId: request.groupSize > 1 ? request.id : null,
      groupSize: request.groupSize,
      clientReference: request.clientReference,
      createdAt: request.createdAt,
      history: events.map((event) => ({
        status: event.status,
        at: event.at,
        by: event.by,
        note: event.note === null ? null : this.notes.open(event.note),
      })),
      summarySource: {
        request,
        facilityIds: holds.filter((hold) => hold.state !== HoldState.RELEASED).map((hold) => hold.facilityId),
      },
    };
  }
}
