import { Inject, Injectable } from '@nestjs/common';
import { audit, type Viewer } from '@opvangplek/access';
import {
  ActionPartner,
  AuthorityVerdict,
  authorityVerdict,
  ExclusionCode,
  type ExpectedPeopleOutline,
  DEFAULT_PLANNED_ACTION_LIMITS,
  isOrganisationCode,
  outlineProfile,
  placementKindOf,
  PlannedActionStatus,
  planReservations,
  type ReservationCandidate,
  requesterCapacities,
  Role,
  validatePlannedAction,
} from '@opvangplek/domain';
import { freePlacesIgnoringReservations } from '@opvangplek/capacity';
import { MatchingService } from '@opvangplek/matching';
import {
  CLOCK,
  type Clock,
  assertUuid,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  isUuid,
  NotFoundError,
} from '@opvangplek/platform';
import { RegionDirectory } from '@opvangplek/registry';
import { PlacementQueue } from '../placement-queue';
import { assertReason, isPrintableReference, PRINTABLE_REFERENCE } from '../placement-request.validation';
import type { PlannedActionInput } from './dto/planned-action.input';
import { PlannedActionRepository, type PlannedActionRow, type StoredOutline } from './planned-action.repository';
import { PlannedActionRunner } from './planned-action-runner';

const MAX_REFERENCE = 100;

function assertClientReference(reference: string): string {
  const text = reference.trim();
  if (text === '' || text.length > MAX_REFERENCE)
    throw new InvalidInputError('input.clientReference', `input.clientReference must be 1 to ${MAX_REFERENCE} characters`);
  // As a request's reference (red team, issue 16: direction marks and half characters were stored here).
  if (!isPrintableReference(text))
    throw new InvalidInputError('input.clientReference', `input.clientReference must be ${PRINTABLE_REFERENCE}`);
  return text;
}

/**
 * Who may plan an action for a region, "via zorgcoördinator" (003:493-496): the region's
 * zorgcoördinator, CoMensha (national), and the NLA for its own actions (it places in its crisis
 * places itself, 003:486). Police plan through the zorgcoördinator; they see what is planned on
 * their behalf.
 */
export function mayPlanFor(viewer: Viewer, regionCode: string, onBehalfOf: ActionPartner): boolean {
  switch (viewer.role) {
    case Role.ZORGCOORDINATOR:
      return viewer.regions.includes(regionCode);
    case Role.COMENSHA:
      return true;
    case Role.NLA:
      return onBehalfOf === ActionPartner.NLA;
    default:
      return false;
  }
}

/**
 * Who may call off a planned action: the organisation that planned it, and the zorgcoördinator of
 * its region, via whom it is arranged (003:493-496). Not every planner in the country: CoMensha and
 * the NLA may plan anywhere, but a raid someone else planned is theirs to call off (red team N9).
 */
export function mayCancelAction(viewer: Viewer, action: Pick<PlannedActionRow, 'plannedByOrg' | 'regionCode'>): boolean {
  if (viewer.org === action.plannedByOrg) return true;
  return viewer.role === Role.ZORGCOORDINATOR && viewer.regions.includes(action.regionCode);
}

/**
 * A retry with the same clientReference gets the action it made; the same reference with another
 * action (another window, region or set of people) is a mistake the planner must see, not the
 * earlier action handed back as if it were the new one.
 */
function sameActionOrConflict(
  earlier: PlannedActionRow,
  asked: {
    regionCode: string;
    onBehalfOf: ActionPartner;
    onBehalfOfOrg: string;
    startsAt: Date;
    endsAt: Date;
    outlines: ExpectedPeopleOutline[];
  },
  clientReference: string,
): PlannedActionRow {
  const outline = (o: ExpectedPeopleOutline) =>
    JSON.stringify([o.count, o.gender, o.minor ?? false, [...o.exploitationTypes].sort(), o.residenceStatus ?? null]);
  const same =
    earlier.regionCode === asked.regionCode &&
    earlier.onBehalfOf === asked.onBehalfOf &&
    earlier.onBehalfOfOrg === asked.onBehalfOfOrg &&
    earlier.startsAt.getTime() === asked.startsAt.getTime() &&
    earlier.endsAt.getTime() === asked.endsAt.getTime() &&
    earlier.outlines.map(outline).join() === asked.outlines.map(outline).join();
  if (!same)
    throw new ConflictError(
      `input.clientReference "${clientReference}" was already used for another planned action (${earlier.id}); use a new clientReference for a new action`,
    );
  return earlier;
}

/** Planned actions as callers see them: plan (reserving places at once), read, cancel. */
@Injectable()
export class PlannedActionsService {
  constructor(
    private readonly repository: PlannedActionRepository,
    private readonly matching: MatchingService,
    private readonly regionDirectory: RegionDirectory,
    private readonly runner: PlannedActionRunner,
    private readonly queue: PlacementQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Reserves places for everyone expected where it can, and says at once where the shortfall is.
   * Each outline is matched at the window's start as the planner would be (the kinds they may place
   * in, those open then), against the places free in the register. Other actions' reservations do
   * not change the answer (they are confidential, red team F1): overlapping reservations are settled
   * when the windows start, and inside a window they keep only real holds out (the ledger's guard).
   */
  async plan(viewer: Viewer, input: PlannedActionInput): Promise<PlannedActionRow> {
    const now = this.clock.now();
    if (!(await this.regionDirectory.isRegion(input.regionCode)))
      throw new InvalidInputError(
        'input.regionCode',
        `input.regionCode "${input.regionCode.slice(0, 20)}" is not a region; see the regions query`,
      );
    const onBehalfOfOrg = input.onBehalfOfOrganisation.trim();
    if (!isOrganisationCode(onBehalfOfOrg))
      throw new InvalidInputError(
        'input.onBehalfOfOrganisation',
        'input.onBehalfOfOrganisation must be an organisation code as in its tokens: lower-case letters, digits and hyphens (at most 64), e.g. avim-rotterdam',
      );
    if (!mayPlanFor(viewer, input.regionCode, input.onBehalfOf))
      throw new ForbiddenError(
        'Planned actions are arranged via the zorgcoördinator of the region (003:493-496), CoMensha, or the NLA for its own actions.',
      );
    const outlines = input.expected.map((outline) => ({
      count: outline.count,
      gender: outline.gender,
      minor: outline.minor ?? false,
      exploitationTypes: outline.exploitationTypes,
      residenceStatus: outline.residenceStatus ?? null,
    }));
    const [violation] = validatePlannedAction({ startsAt: input.startsAt, endsAt: input.endsAt, outlines }, now);
    if (violation) throw new InvalidInputError(`input.${violation.field}`, `input.${violation.field}: ${violation.message}`);
    outlines.forEach((outline, i) => this.matching.assertValidProfile(outlineProfile(outline), now, `input.expected[${i}]`));
    const clientReference = input.clientReference == null ? null : assertClientReference(input.clientReference);
    const asPlanned = {
      regionCode: input.regionCode,
      onBehalfOf: input.onBehalfOf,
      onBehalfOfOrg,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      outlines,
    };
    if (clientReference) {
      const earlier = await this.repository.findByReference(viewer.org, clientReference);
      if (earlier) return sameActionOrConflict(earlier, asPlanned, clientReference);
    }

    const capacities = requesterCapacities(viewer, input.regionCode);
    const candidatesPerOutline = await Promise.all(
      outlines.map(async (outline) => {
        const { result } = await this.matching.match(outlineProfile(outline), {
          at: input.startsAt,
          requesterRegionCode: input.regionCode,
          capacities,
        });
        const candidates: (Omit<ReservationCandidate, 'free'> & { full?: boolean })[] = [];
        for (const match of result.matches) {
          const verdict = authorityVerdict(placementKindOf(match.facility), capacities);
          if (verdict === AuthorityVerdict.NEVER) continue;
          candidates.push({
            facilityId: match.facility.id,
            automatic: verdict === AuthorityVerdict.OFFER,
            openAtStart: match.placeableNow,
          });
        }
        // Suitable but full now: the shortfall says so, rather than "nothing suits".
        for (const excluded of result.excluded)
          if (excluded.reasons.length > 0 && excluded.reasons.every((reason) => reason.code === ExclusionCode.NO_CAPACITY))
            candidates.push({ facilityId: excluded.facility.id, automatic: true, openAtStart: true, full: true });
        return candidates;
      }),
    );

    const action = await this.repository.transaction(async (manager) => {
      const ids = [...new Set(candidatesPerOutline.flat().map((candidate) => candidate.facilityId))];
      const limit = DEFAULT_PLANNED_ACTION_LIMITS.maxReservedPerOrganisation;
      const alreadyReserved = await this.repository.lockReservedByOrganisation(manager, viewer.org, input);
      // A concurrent retry with the same reference was first (it held the lock): its plan stands.
      if (clientReference && (await this.repository.findByReference(viewer.org, clientReference))) return null;
      const asked = outlines.reduce((sum, outline) => sum + outline.count, 0);
      if (alreadyReserved + asked > limit)
        throw new InvalidInputError(
          'input.expected',
          `input.expected: your organisation already has ${alreadyReserved} place(s) reserved for windows overlapping this one, and may reserve at most ${limit} at once; cancel an action or shorten the window`,
        );
      // Other actions' reservations are deliberately not subtracted: a planned raid is confidential,
      // and a plan that saw them would let anyone learn another region's plan by planning and
      // comparing (red team F1). Overlapping reservations are settled at the windows' start (the
      // first to convert gets a place).
      const free = await freePlacesIgnoringReservations(manager, ids);
      const stored: StoredOutline[] = [];
      const reservations: { outlineIndex: number; facilityId: string; places: number }[] = [];
      outlines.forEach((outline, outlineIndex) => {
        const plan = planReservations(
          outline.count,
          candidatesPerOutline[outlineIndex].map((candidate) => ({
            ...candidate,
            free: candidate.full ? 0 : (free.get(candidate.facilityId) ?? 0),
          })),
        );
        for (const allocation of plan.allocations) {
          free.set(allocation.facilityId, (free.get(allocation.facilityId) ?? 0) - allocation.places);
          reservations.push({ outlineIndex, ...allocation });
        }
        stored.push({ ...outline, shortfall: plan.shortfall });
      });
      const created = await this.repository.insertAction(manager, {
        regionCode: input.regionCode,
        onBehalfOf: input.onBehalfOf,
        onBehalfOfOrg,
        plannedBy: viewer.sub,
        plannedByRole: viewer.role,
        plannedByOrg: viewer.org,
        plannedByRegions: viewer.regions,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        outlines: stored,
        createdAt: now,
        clientReference,
      });
      // A concurrent retry with the same reference was first: its plan stands, this one reserves nothing.
      if (!created) return null;
      await this.repository.insertReservations(manager, created, reservations);
      const expected = outlines.reduce((sum, outline) => sum + outline.count, 0);
      const short = stored.reduce((sum, outline) => sum + outline.shortfall.count, 0);
      // Ids and counts only: no outline, no facility name, in the audit trail.
      await audit(
        manager,
        viewer,
        {
          action: 'plannedAction.plan',
          detail: `action ${created.id}, region ${created.regionCode}, ${expected} expected, ${short} short, ${reservations.length} reservation(s)`,
        },
        now,
      );
      return created;
    });
    // Started at the window's opening by a job of its own (the sweep is the net). Not awaited: the
    // planner's answer never waits on the queue, and if it is down the sweep starts it all the same.
    if (action) void this.queue.enqueueActionStart(action.id, action.startsAt).catch(() => undefined);
    return (
      action ??
      sameActionOrConflict((await this.repository.findByReference(viewer.org, clientReference!))!, asPlanned, clientReference!)
    );
  }

  async get(viewer: Viewer, id: string): Promise<PlannedActionRow | null> {
    if (!isUuid(id)) return null;
    return this.repository.find(viewer, id);
  }

  list(viewer: Viewer, statuses: PlannedActionStatus[] | null): Promise<PlannedActionRow[]> {
    return this.repository.list(viewer, { statuses });
  }

  /**
   * Gives back every reserved place at once, and cancels the requests it turned into that no
   * shelter has accepted yet (those accepted or placed stay: someone is on her way or there).
   * Cancelling a cancelled action again answers it as it is.
   */
  async cancel(viewer: Viewer, id: string, reason: string): Promise<PlannedActionRow> {
    assertUuid(id, 'id', 'a planned action id');
    const note = assertReason(reason, 'reason');
    const visible = await this.repository.find(viewer, id);
    if (!visible) throw new NotFoundError('There is no planned action with this id that you may see.');
    if (!mayCancelAction(viewer, visible))
      throw new ForbiddenError(
        "Only the organisation that planned this action and the region's zorgcoördinator can cancel it: ask them.",
      );
    if (visible.status === PlannedActionStatus.CANCELLED) {
      // Repeated: finishes what an interrupted cancellation may have left (each request is cancelled once).
      await this.runner.cancelUnusedRequests(id, `planned action cancelled: ${note}`);
      return visible;
    }
    if (visible.status === PlannedActionStatus.ENDED)
      throw new ConflictError('This planned action has ended already; nothing is reserved any more.');
    const now = this.clock.now();
    await this.repository.transaction(async (manager) => {
      const locked = await this.repository.lockAction(manager, id);
      if (!locked || locked.status === PlannedActionStatus.CANCELLED || locked.status === PlannedActionStatus.ENDED) return;
      const released = await this.repository.releaseReservations(manager, id);
      await this.repository.setStatus(manager, id, PlannedActionStatus.CANCELLED, now);
      await audit(
        manager,
        viewer,
        { action: 'plannedAction.cancel', detail: `action ${id}, ${released} reservation(s) released: ${note.slice(0, 200)}` },
        now,
      );
    });
    await this.runner.cancelUnusedRequests(id, `planned action cancelled: ${note}`);
    return (await this.repository.find(viewer, id))!;
  }

  /** Places reserved at a facility, as its own staff see them: counts and windows only. */
  async reservedPlaces(viewer: Viewer, facilityId: string) {
    assertUuid(facilityId, 'facilityId', 'a facility id');
    if (viewer.role !== Role.SHELTER_STAFF || !viewer.facilityIds.includes(facilityId)) return [];
    return this.repository.reservationsAt([facilityId], this.clock.now());
  }

  reservationsOf(actionIds: string[]) {
    return this.repository.reservationsOf(actionIds);
  }

  requestsOf(actionId: string) {
    return this.repository.requestsOf(actionId);
  }
}
