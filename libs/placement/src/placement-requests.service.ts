import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import {
  type AnonymousFacts,
  anonymousFacts,
  assertTransition,
  PLACING_AUTHORITY_BY_TYPE,
  PlacementNoteCode,
  PlacementStatus,
  DEFAULT_MATCHING_CONFIG,
  Gender,
  type GeoPoint,
  type GroupMember,
  findNextOpening,
  isMinor,
  isOpen,
  partitionGroup,
  type StayOutcome,
  responsibleMunicipality,
  Role,
  ShelterType,
  TransferReason,
  Urgency,
  type VictimProfile,
  B8Status,
  bedenktijdIsOver,
  CHANGEABLE_PROFILE_FIELDS,
  profileAsFirstSent,
  sameSubmissionUnderReference,
  urgencyChangeRefusal,
  missingCompanionField,
  type ProfileChange,
  canonicalSubmission,
  type ImplicitRetrySubmission,
  personAsUnderstood,
  canonicalJson,
  inUnderstoodOrder,
  type GroupPart,
  type ProfileReading,
  type SubmittedPerson,
  implicitRetrySince,
  parallelOffersRefusal,
} from '@opvangplek/domain';
import {
  APP_CONFIG,
  type AppConfig,
  CLOCK,
  type Clock,
  AppError,
  assertUuid,
  CommittedButUnansweredError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '@opvangplek/platform';
import { RegisterReader } from '@opvangplek/capacity';
import { MunicipalityDirectoryService, RegionDirectory } from '@opvangplek/registry';
import { MatchingService, type MatchResultModel } from '@opvangplek/matching';
import type {
  NoodbedRequestInput,
  OfferResponseInput,
  PlacementRequestFilterInput,
  PlacementRequestInput,
} from './dto/placement-request.input';
import { RequestOrder } from './dto/placement-request.input';
import type {
  PlacementRequestConnectionModel,
  PlacementRequestModel,
  ProfileSummaryModel,
  VictimProfileModel,
} from './models/placement-request.model';
import { mayRequestFor, maySeeProfileSummary } from './placement-access';
import { ledgerActor, type PlacementEventRow, SYSTEM_ACTOR } from './placement-changes';
import { PlacementQueue } from './placement-queue';
import { PlacementRequestMapper, profileSummaryModel, victimProfileModel } from './placement-request.mapper';
import type { PlacementRequestEntity } from './placement-request.entity';
import {
  assertGroupAndReference,
  assertMembers,
  assertListFilter,
  assertBreakGlassReason,
  assertReason,
  assertRequestId,
  cursorOf,
  parseCursor,
} from './placement-request.validation';
import { PlacementRepository } from './placement.repository';
import { AuthorityDecisions } from './workflow/authority-decision';
import { PlacementLifecycle } from './workflow/lifecycle';
import { MatchingAttempt } from './workflow/matching-attempt';
import { Transfers } from './workflow/transfer';
import { ProfileUpdates } from './workflow/profile-update';
import { RouteDecisions } from './workflow/route-decision';
import type { VictimProfileChangeInput } from './dto/victim-profile-change.input';

/** A placement request as a registration with CoMensha sees it (registrationSubject). */
export interface RegistrationSubject {
  /** The first request of her chain: the person, whichever of its requests is named. */
  chainRootId: string;
  people: number;
  /** The facts of each of its people (a group's members when given); empty when none are left. */
  profiles: AnonymousFacts[];
  /** A move (transfer or onward request) she has not arrived at (still open, or cancelled): not hers yet. */
  moveNotArrived: boolean;
  /** The region of the request: where she is (or was) sheltered through it. */
  regionCode: string;
}

/** A submission without clientReference: who it is for, to recognise a retry of it (implicit-retry.ts). */
interface ImplicitRetryOf {
  kind: ImplicitRetrySubmission['kind'];
  person: SubmittedPerson;
  /** For a group's part, the members it holds, and the how-manieth part of that kind it is. */
  part?: { members: NonNullable<SubmittedPerson['members']>; nth: number };
}

/** Region codes are capitals (`RR`, `AMS`); `rr` or ` Ams ` names the same region (red team, issue 15, fourth pass M2). */
function regionCodeAsWritten(code: string): string {
  return typeof code === 'string' ? code.trim().toUpperCase() : code;
}

/** A group of one member as the person she is: her own profile, alone (for recognising a resend). */
function asPersonWhenAlone(person: SubmittedPerson): SubmittedPerson {
  const members = person.members ?? [];
  return members.length === 1 ? { profile: members[0].profile, regionCode: person.regionCode, groupSize: 1 } : person;
}

/** A subscriber away for longer than this many changes reads the list (placementRequests) instead. */
const MISSED_UPDATES_LIMIT = 500;

/**
 * The placement workflow as callers see it: submit (never lost: written before it is queued),
 * follow, answer offers, record arrival and departure, cancel. Matching itself runs in the worker
 * (MatchingAttempt); only a noodbed is matched inline, because police need the answer at once.
 */

@Injectable()
export class PlacementRequestsService {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly attempts: MatchingAttempt,
    private readonly lifecycle: PlacementLifecycle,
    private readonly mapper: PlacementRequestMapper,
    private readonly queue: PlacementQueue,
    private readonly matching: MatchingService,
    private readonly register: RegisterReader,
    private readonly regionDirectory: RegionDirectory,
    private readonly municipalities: MunicipalityDirectoryService,
    private readonly decisions: AuthorityDecisions,
    private readonly transfers: Transfers,
    private readonly profileUpdates: ProfileUpdates,
    private readonly routeDecisions: RouteDecisions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Submitting

  async submit(viewer: Viewer, given: PlacementRequestInput): Promise<PlacementRequestModel> {
    const input = { ...given, regionCode: regionCodeAsWritten(given.regionCode) };
    // A code that names no region is bad input, said as such (and before whose region it is).
    if (!(await this.regionDirectory.isRegion(input.regionCode)))
      throw new InvalidInputError(
        'input.regionCode',
        `input.regionCode "${input.regionCode.slice(0, 20)}" is not a region; see the regions query`,
      );
    if (!mayRequestFor(viewer, input.regionCode)) {
      throw new ForbiddenError(
        `You can request placements for your own regions only (${viewer.regions.join(', ') || 'none'}), not ${input.regionCode}.`,
      );
    }
    const common = {
      urgency: input.urgency,
      regionCode: input.regionCode,
      // A kind named twice is that kind asked for once (it was stored twice and shown so).
      types: [...new Set(input.types ?? [])],
      routeDecided: input.routeDecided ?? false,
      field: 'input',
    };
    const refusal = parallelOffersRefusal({
      urgency: input.urgency,
      asked: input.parallelOffers ?? null,
      group: (input.members?.length ?? 0) > 0 || (input.groupSize ?? 1) > 1,
    });
    if (refusal) throw new InvalidInputError('input.parallelOffers', `input.${refusal}`);
    if (common.types.includes(ShelterType.NOODBED) && viewer.role !== Role.POLICE)
      throw new InvalidInputError('input.types', 'input.types: a noodbed is for AVIM and KMar only (002:761-763); leave it out');
    // Without a clientReference, the same person sent by the same caller within IMPLICIT_RETRY_SECONDS is a retry.
    const person: SubmittedPerson = {
      profile: input.profile,
      regionCode: input.regionCode,
      groupSize: input.groupSize,
      members: input.members,
    };
    // An empty list is bad input (assertMembers), not "no members": said, never read as one person.
    if (input.members) {
      const { request, retried } = await this.submitGroup(viewer, input, common, person);
      return this.answerAfterCommit(viewer, request, retried);
    }
    const { request, recorded } = await this.create(viewer, {
      ...common,
      profile: input.profile,
      groupSize: input.groupSize ?? 1,
      clientReference: input.clientReference ?? null,
      parallelOffers: input.parallelOffers ?? null,
      implicitRetry: { kind: 'placement', person },
    });
    await this.enqueueNew(request);
    return this.answerAfterCommit(viewer, request, recorded === null);
  }

  /**
   * The answer to a submission whose request is committed: the request as stored, re-read once if
   * putting it together fails (a database restart right after the commit). If even that fails, never
   * "not carried out": it says the request may be stored and how to find it.
   */
  private async answerAfterCommit(
    viewer: Viewer,
    request: PlacementRequestEntity,
    treatedAsRetry: boolean,
    answer: () => Promise<PlacementRequestModel> = () => this.view(viewer, request),
  ): Promise<PlacementRequestModel> {
    let model: PlacementRequestModel;
    try {
      model = await answer();
    } catch (error) {
      if (error instanceof AppError) throw error;
      try {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const stored = await this.repository.find(request.id);
        if (!stored) throw error;
        model = await this.view(viewer, stored);
      } catch {
        throw new CommittedButUnansweredError(
          `Your request was stored (id ${request.id}), but something went wrong on our side before we could answer. ` +
            'Do not submit it again as new: find it in placementRequests(filter: { mine: true }) or placementRequest(id), ' +
            'or repeat the call with the same clientReference, which returns this request and never makes a second one.',
          { requestId: request.id },
        );
      }
    }
    model.treatedAsRetry = treatedAsRetry;
    return model;
  }

  /**
   * An ACUTE request's escalation deadline as a job of its own, so a request still without a place
   * to go escalates at ESCALATE_AFTER_MINUTES, not up to a sweep later. Not awaited: the caller's
   * answer never waits on it, and if the queue is down the sweep escalates her all the same.
   */
  private escalateOnTime(request: PlacementRequestEntity): void {
    const deadline = new Date(request.createdAt.getTime() + this.config.placement.escalateAfterMinutes * 60_000);
    void this.queue.enqueueEscalation(request.id, deadline).catch(() => undefined);
  }

  /** Queued after commit. If the queue is down the request is still safe: the sweep enqueues it. */
  private async enqueueNew(request: PlacementRequestEntity): Promise<void> {
    if (request.status === PlacementStatus.RECEIVED && request.attempt === 0) {
      await this.queue.enqueueMatch(request.id, 0, 'submit', { urgency: request.urgency }).catch(() => undefined);
    }
  }

  /**
   * A group with its members (003:484): one request for the caller, stored as the parts that can be
   * matched as one (group-members.ts: each minor alone for youth care, the adults by gender and
   * status), sharing the first part's id as `groupId`. Each part has its own reference derived from
   * the caller's, so a retry finds every part again instead of doubling any.
   */
  private async submitGroup(
    viewer: Viewer,
    input: PlacementRequestInput,
    common: { urgency: Urgency; regionCode: string; types: ShelterType[]; routeDecided: boolean; field: string },
    person: SubmittedPerson,
  ): Promise<{ request: PlacementRequestEntity; retried: boolean }> {
    const listed = assertMembers(
      input.members!,
      input.groupSize ?? null,
      input.clientReference ?? null,
      input.profile.groupSize ?? null,
    );
    const now = this.clock.now();
    for (const [i, member] of listed.entries()) {
      this.matching.assertValidProfile(member.profile, now, `input.members[${i}].profile`);
      // Each member's regions too, named as hers (the parts' profiles join them later).
      await this.matching.assertKnownRegions(member.profile, `input.members[${i}].profile`);
    }
    this.matching.assertValidProfile({ ...input.profile }, now, 'input.profile');
    // Split in an order of their own, not the caller's: a resend listing them otherwise makes the same
    // parts under the same references (red team, issue 15: two minors listed the other way round).
    const reading = await this.profileReading();
    const members = inUnderstoodOrder(listed, reading);
    const parts = partitionGroup(members, DEFAULT_MATCHING_CONFIG);
    if (input.clientReference) await this.assertGroupReferencesFree(viewer, input.clientReference, parts, common, reading);
    let main: PlacementRequestEntity | null = null;
    let retried = false;
    const stored: PlacementRequestEntity[] = [];
    /** Parts alike (two minors alike are two parts): the how-manieth of its kind each is. */
    const alike = new Map<string, number>();
    try {
      for (const [i, part] of parts.entries()) {
        const reference = input.clientReference ? (i === 0 ? input.clientReference : `${input.clientReference}#${i + 1}`) : null;
        const kind = canonicalJson(personAsUnderstood({ ...person, members: part.members }, reading).members);
        const nth = alike.get(kind) ?? 0;
        alike.set(kind, nth + 1);
        const { request, recorded } = await this.create(viewer, {
          ...common,
          profile: part.profile,
          groupSize: part.members.length,
          clientReference: reference,
          members: part.members,
          groupId: main?.groupId ?? null,
          implicitRetry: { kind: 'placement', person, part: { members: part.members, nth } },
        });
        if (recorded) stored.push(request);
        if (!main) {
          main = request;
          retried = recorded === null;
          if (!request.groupId) {
            await this.repository.setGroup(request.id, request.id);
            request.groupId = request.id;
          }
        }
      }
    } catch (error) {
      // A part refused after others were stored by this call (a reference taken meanwhile, between the
      // check above and its own insert): those are withdrawn before anyone matches them, so the
      // group is never half there (red team, issue 15). They held nothing: none was queued yet.
      for (const request of stored)
        await this.lifecycle.cancel(viewer, request.id, 'de groep kon niet in haar geheel worden opgeslagen');
      throw error;
    }
    // Queued once every part is stored: none is matched while the group might still be refused.
    for (const request of stored) await this.enqueueNew(request);
    return { request: main!, retried };
  }

  /**
   * A group's parts are stored one by one, each under the caller's reference (`ref`, `ref#2`, …):
   * when one of those already names another request, or this one at another urgency, the whole group
   * is refused before any part is stored, never half of it (red team, issue 15).
   */
  private async assertGroupReferencesFree(
    viewer: Viewer,
    clientReference: string,
    parts: readonly GroupPart[],
    common: { urgency: Urgency; regionCode: string; field: string },
    reading: ProfileReading,
  ): Promise<void> {
    for (const [i, part] of parts.entries()) {
      const reference = i === 0 ? clientReference : `${clientReference}#${i + 1}`;
      const stored = await this.repository.findByClientReference(viewer.org, reference);
      if (!stored) continue;
      const urgencyChange = urgencyChangeRefusal(stored, common);
      if (urgencyChange)
        throw new ConflictError(`${common.field}.urgency: ${urgencyChange}`, {
          field: `${common.field}.urgency`,
          requestId: stored.id,
        });
      const asked = {
        profile: { ...part.profile, groupSize: part.members.length },
        members: part.members,
        regionCode: common.regionCode,
        groupSize: part.members.length,
      };
      if (!sameSubmissionUnderReference(await this.asFirstSent(stored), asked, reading))
        throw new ConflictError(
          `${common.field}.clientReference "${clientReference.slice(0, 100)}": part ${i + 1} of this group (${reference.slice(0, 110)}) ` +
            `would be stored under a reference already used for another request (${stored.id}); nothing was stored: ` +
            'use a new clientReference for this group, or repeat exactly what was sent to get its requests back',
          { field: `${common.field}.clientReference`, requestId: stored.id },
        );
    }
  }

  /**
   * Police, at any hour: holds one place to drive to within this call (placesToDriveTo: a
   * structural 24/7 place serving her region, its noodbed, then the same elsewhere), and opens the
   * linked onward request after a noodbed or interim place, matched when its authority opens.
   */
  async requestNoodbed(viewer: Viewer, given: NoodbedRequestInput): Promise<PlacementRequestModel> {
    const input = { ...given, regionCode: regionCodeAsWritten(given.regionCode) };
    const person: SubmittedPerson = { profile: input.profile, regionCode: input.regionCode, groupSize: input.groupSize };
    const { request, recorded, announced } = await this.create(viewer, {
      profile: input.profile,
      urgency: Urgency.ACUTE,
      regionCode: input.regionCode,
      groupSize: input.groupSize ?? 1,
      clientReference: input.clientReference ?? null,
      types: [ShelterType.NOODBED, ...this.interimKinds()],
      field: 'input',
      startMatching: true,
      implicitRetry: { kind: 'noodbed', person },
    });
    return this.answerAfterCommit(viewer, request, recorded === null, () =>
      this.matchNoodbed(viewer, request, recorded, announced),
    );
  }

  /** Matches a stored noodbed request within the call, and answers with what it got. */
  private async matchNoodbed(
    viewer: Viewer,
    request: PlacementRequestEntity,
    recorded: PlacementEventRow[] | null,
    announced: Promise<void>,
  ): Promise<PlacementRequestModel> {
    if (recorded) {
      // Created by this call: everything the answer shows was written by this call, so it is
      // answered from what is in hand instead of read back: the police wait for this answer.
      const applied = await this.attempts.matchNew(request).finally(() => announced);
      if (applied) {
        const { followUp } = applied;
        // Police and NLA see their own organisation's requests, and the follow-up is this caller's; anyone else is asked.
        const followUpVisible =
          !!followUp &&
          (([Role.POLICE, Role.NLA].includes(viewer.role) && viewer.org === followUp.requestedByOrg) ||
            (await this.repository.isVisible(viewer, followUp.id)));
        return this.mapper.renderApplied(
          viewer,
          applied,
          recorded,
          followUpVisible,
          await this.requestOrigin(request.regionCode),
        );
      }
    } else if (request.status === PlacementStatus.RECEIVED || request.status === PlacementStatus.MATCHING) {
      // A retry (same clientReference) of a call that did not get to matching, or is matching now:
      // matched here; if the other call is first, this attempt finds the request done and stops.
      await this.attempts.matchRequest(request.id, request.attempt, true);
    }
    return this.view(viewer, (await this.repository.find(request.id))!);
  }

  /** The 24/7 kinds that may stand in for a noodbed: the interim kinds whose authority never closes. */
  private interimKinds(): ShelterType[] {
    return [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG].filter(
      (type) => this.config.authorityHours[PLACING_AUTHORITY_BY_TYPE[type]] === null,
    );
  }

  /**
   * One expected person of a planned action, at its window's start (PlannedActionRunner): a request
   * by the planner with the outline's profile, not queued (the runner first gives it its reserved
   * place). `clientReference` makes a second run find it instead of doubling it.
   */
  async openForPlannedAction(
    planner: Viewer,
    input: { profile: VictimProfile; regionCode: string; clientReference: string },
  ): Promise<PlacementRequestEntity> {
    const { request } = await this.create(planner, {
      profile: input.profile,
      urgency: Urgency.ACUTE,
      regionCode: input.regionCode,
      groupSize: 1,
      clientReference: input.clientReference,
      types: [],
      field: 'input',
    });
    return request;
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
      routeDecided?: boolean;
      /** The requester's choice of parallel offers (null = the urgency's default). */
      parallelOffers?: boolean | null;
      members?: GroupMember[];
      groupId?: string | null;
      field: string;
      /** Created already MATCHING (RECEIVED and MATCHING recorded together): the caller matches it at once. */
      startMatching?: boolean;
      /** Without a clientReference: the submission as received, to recognise a retry of it (implicit-retry.ts). */
      implicitRetry?: ImplicitRetryOf;
    },
  ): Promise<{ request: PlacementRequestEntity; recorded: PlacementEventRow[] | null; announced: Promise<void> }> {
    const { field } = input;
    assertGroupAndReference(field, input.groupSize, input.clientReference);
    if (!(await this.regionDirectory.isRegion(input.regionCode))) {
      throw new InvalidInputError(
        `${field}.regionCode`,
        `${field}.regionCode "${input.regionCode.slice(0, 20)}" is not a region; see the regions query`,
      );
    }
    const given = input.profile.groupSize;
    if (given != null && given !== input.groupSize)
      throw new InvalidInputError(
        `${field}.profile.groupSize`,
        `${field}.profile.groupSize is ${String(given).slice(0, 12)} but the request is for ${input.groupSize}: give the group's size once, as ${field}.groupSize`,
      );
    const profile: VictimProfile = { ...input.profile, groupSize: input.groupSize };
    this.matching.assertValidProfile(profile, this.clock.now(), `${field}.profile`);
    await this.matching.assertKnownRegions(profile, `${field}.profile`);

    const history = [{ status: PlacementStatus.RECEIVED, actor: ledgerActor(viewer) }];
    if (input.startMatching) {
      assertTransition(PlacementStatus.RECEIVED, PlacementStatus.MATCHING);
      history.push({ status: PlacementStatus.MATCHING, actor: SYSTEM_ACTOR });
    }
    const { request, changes } = await this.repository.insertRequest(
      {
        status: input.startMatching ? PlacementStatus.MATCHING : PlacementStatus.RECEIVED,
        urgency: input.urgency,
        regionCode: input.regionCode,
        profile,
        groupSize: input.groupSize,
        types: input.types,
        clientReference: input.clientReference,
        requestedBy: viewer.sub,
        requestedByRole: viewer.role,
        requestedByOrg: viewer.org,
        routeDecided: input.routeDecided ?? false,
        parallelOffers: input.parallelOffers ?? null,
        groupId: input.groupId ?? null,
        members: input.members ?? null,
        responsibleMunicipality:
          responsibleMunicipality(profile, await this.municipalities.directory())?.municipality.name ?? null,
      },
      history,
      await this.implicitRetryOf(viewer, input),
    );
    if (!changes) {
      // Found under its clientReference, or sent again for her without one: a retry, unless it asks
      // for someone else, or for her at another urgency.
      const urgencyChange = urgencyChangeRefusal(request, input);
      if (urgencyChange)
        throw new ConflictError(`${field}.urgency: ${urgencyChange}`, { field: `${field}.urgency`, requestId: request.id });
      if (
        input.clientReference !== null &&
        !sameSubmissionUnderReference(
          await this.asFirstSent(request),
          { profile, members: input.members ?? null, regionCode: input.regionCode, groupSize: input.groupSize },
          await this.profileReading(),
        )
      )
        throw new ConflictError(
          `${field}.clientReference "${input.clientReference.slice(0, 100)}" was already used for another request (${request.id}): use a new clientReference for another person, or repeat exactly what was sent to get that request back`,
          { field: `${field}.clientReference`, requestId: request.id },
        );
      return { request, recorded: null, announced: Promise.resolve() };
    }
    if (request.urgency === Urgency.ACUTE) this.escalateOnTime(request);
    // MATCHING is announced like any other change of status (RECEIVED itself never was); the
    // caller matches meanwhile and waits for it before answering.
    const announced = input.startMatching ? this.repository.announce({ ...changes, requests: [request] }) : Promise.resolve();
    return { request, recorded: changes.recorded, announced };
  }

  /**
   * A stored request as its requester first sent it: a retry repeats what was sent, and her profile
   * may have been changed since. When the changes' values are gone the profile is too (retention).
   */
  private async asFirstSent(request: PlacementRequestEntity) {
    const changes = request.profileVersion > 1 ? await this.repository.profileChangesOf(request.id) : [];
    // Without the changes' values (never expected beside a profile) it is compared as it is now:
    // a retry may then be refused, but another woman is never taken for her.
    const profile =
      request.profile &&
      (profileAsFirstSent(
        request.profile,
        changes.map((row) => ({ before: (row.change as { before?: Record<string, unknown> } | null)?.before ?? null })),
      ) ??
        request.profile);
    return { profile, members: request.members, regionCode: request.regionCode, groupSize: request.groupSize };
  }

  /** The canonical submission and its window, when no clientReference was given and the window is on. */
  private async implicitRetryOf(
    viewer: Viewer,
    input: { clientReference: string | null; implicitRetry?: ImplicitRetryOf },
  ): Promise<{ canonical: string; since: Date } | null> {
    if (input.clientReference !== null || !input.implicitRetry) return null;
    const since = implicitRetrySince(this.clock.now(), this.config.placement.implicitRetrySeconds);
    if (!since) return null;
    const { kind, part } = input.implicitRetry;
    // A group of one is she herself: sent as a group or alone, it is the same person (red team, issue 15).
    const person = asPersonWhenAlone(input.implicitRetry.person);
    const reading = await this.profileReading();
    const payload = {
      ...personAsUnderstood(person, reading),
      // A group's part is the members it holds, whatever order they were listed in, and which of
      // the parts alike it is (two minors alike are two parts, each a request).
      part:
        part && person.members?.length
          ? { members: personAsUnderstood({ ...person, members: part.members }, reading).members, nth: part.nth }
          : undefined,
    };
    return { canonical: canonicalSubmission({ kind, caller: viewer.sub, payload }), since };
  }

  /** How the words of a profile are read: which municipality a name means, which statuses B8/3 is not for. */
  private async profileReading(): Promise<ProfileReading> {
    return {
      municipalities: await this.municipalities.directory(),
      lawfulResidenceStatuses: DEFAULT_MATCHING_CONFIG.eligibility.lawfulResidenceStatuses,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Acting on a request

  /** The placing authority assigns a place to a request on its worklist (domain.md §5a). */
  async assignPlacement(
    viewer: Viewer,
    requestId: string,
    facilityId: string,
    reason: string | null,
  ): Promise<PlacementRequestModel> {
    assertRequestId(requestId, 'requestId');
    assertUuid(facilityId, 'facilityId', 'a facility id');
    const why = reason == null || reason.trim() === '' ? null : assertReason(reason, 'reason');
    return this.view(viewer, await this.decisions.assign(viewer, requestId, facilityId, why));
  }

  /** The places a decider may choose from for a request (placementCandidates). */
  async candidates(viewer: Viewer, requestId: string, first: number | null): Promise<MatchResultModel> {
    assertRequestId(requestId, 'requestId');
    if (first != null && (!Number.isInteger(first) || first < 1 || first > 50))
      throw new InvalidInputError('first', 'first must be from 1 to 50');
    return this.decisions.candidates(viewer, requestId, first ?? 10);
  }

  /** The placing authority hands a request on its worklist back: matched again without its kinds. */
  async returnRequest(viewer: Viewer, requestId: string, reason: string): Promise<PlacementRequestModel> {
    assertRequestId(requestId, 'requestId');
    return this.view(viewer, await this.decisions.returnRequest(viewer, requestId, assertReason(reason, 'reason')));
  }

  async respondToOffer(viewer: Viewer, input: OfferResponseInput): Promise<PlacementRequestModel> {
    assertRequestId(input.requestId, 'input.requestId');
    // A reason given with an acceptance would be silently dropped: say which answer it belongs to.
    if (input.accept && (input.declineReason != null || input.declineReasonCode != null)) {
      const field = input.declineReason != null ? 'input.declineReason' : 'input.declineReasonCode';
      throw new InvalidInputError(field, `${field} goes with a decline (accept: false); leave it out when accepting`);
    }
    const { request, repeated } = input.accept
      ? await this.lifecycle.accept(viewer, input.requestId)
      : await this.lifecycle.decline(
          viewer,
          input.requestId,
          assertReason(input.declineReason, 'input.declineReason'),
          input.declineReasonCode ?? undefined,
        );
    return this.repeatedAnswer(await this.view(viewer, request), repeated);
  }

  /**
   * When the authority a waiting request waits for opens, or null when it is open now (or the
   * request waits for none): a worklist shows "gesloten tot ma 09:00" from the API's calendar and
   * clock, not the device's (and not from the next attempt, which is set only when the request
   * started waiting while the authority was closed).
   */
  authorityOpensAt(request: Pick<PlacementRequestModel, 'status' | 'waitingForAuthority'>): Date | null {
    if (request.status !== PlacementStatus.WAITING || !request.waitingForAuthority) return null;
    const hours = this.config.authorityHours[request.waitingForAuthority];
    const now = this.clock.now();
    return isOpen(hours, now) ? null : findNextOpening(hours, now);
  }

  /**
   * She moves from the place she is in (a PLACED request) to another: a new request linked to her
   * stay, which she keeps until she arrives at the new place. Answers with the transfer, or with
   * her stay when the caller may not see the transfer (a move to a region that is not theirs).
   */
  async requestTransfer(
    viewer: Viewer,
    requestId: string,
    reason: TransferReason,
    regionCode: string | null,
    note: string | null,
  ): Promise<PlacementRequestModel> {
    assertRequestId(requestId, 'requestId');
    if (!Object.values(TransferReason).includes(reason))
      throw new InvalidInputError('reason', `reason must be one of ${Object.values(TransferReason).join(', ')}`);
    if (reason === TransferReason.PROFILE_CHANGED)
      throw new InvalidInputError(
        'reason',
        'reason PROFILE_CHANGED is opened by the service when a profile change makes her place no longer fit (updateVictimProfile); choose another reason',
      );
    const said = note == null || note.trim() === '' ? null : assertReason(note, 'note');
    if (reason === TransferReason.OTHER && !said)
      throw new InvalidInputError('note', 'note is required with reason OTHER: say why she moves');
    if (regionCode != null && !(await this.regionDirectory.isRegion(regionCode)))
      throw new InvalidInputError('regionCode', `regionCode "${regionCode.slice(0, 20)}" is not a region; see the regions query`);
    if (reason === TransferReason.SAFETY && regionCode == null)
      throw new InvalidInputError(
        'regionCode',
        'regionCode is required with reason SAFETY: the region she moves to (004:7085-7089)',
      );
    const transfer = await this.transfers.request(viewer, requestId, { reason, regionCode, note: said });
    if (await this.repository.isVisible(viewer, transfer.id)) return this.view(viewer, transfer);
    return this.view(viewer, (await this.repository.find(requestId))!);
  }

  /**
   * Records a change of her profile (a new version, audited, its values sealed) and re-evaluates
   * her request in the same transaction (ProfileUpdates).
   */
  async updateVictimProfile(
    viewer: Viewer,
    requestId: string,
    changes: VictimProfileChangeInput,
    reason: string,
  ): Promise<PlacementRequestModel> {
    assertRequestId(requestId, 'requestId');
    const why = assertReason(reason, 'reason');
    const given = Object.fromEntries(
      CHANGEABLE_PROFILE_FIELDS.filter((field) => changes[field] !== undefined).map((field) => [field, changes[field]]),
    ) as ProfileChange;
    if (Object.keys(given).length === 0)
      throw new InvalidInputError('changes', `changes must give at least one of ${CHANGEABLE_PROFILE_FIELDS.join(', ')}`);
    const companion = missingCompanionField(given);
    if (companion)
      throw new InvalidInputError(
        `changes.${companion.field}`,
        `changes.${companion.field} must be given with changes.${companion.givenWith}: they are checked against each other, and her recorded ${companion.field} is shown to no one (give null when it is unknown)`,
      );
    if (changes.bedenktijdStart != null && changes.b8Status != null && changes.b8Status !== B8Status.BEDENKTIJD)
      throw new InvalidInputError('changes.bedenktijdStart', 'changes.bedenktijdStart goes with b8Status BEDENKTIJD only');
    if (typeof changes.bedenktijdStart === 'string' && bedenktijdIsOver(changes.bedenktijdStart, this.clock.now()))
      throw new InvalidInputError(
        'changes.bedenktijdStart',
        'changes.bedenktijdStart: a bedenktijd lasts at most three months (003:661), so one that started then is over; record the B8 status she has now',
      );
    return this.view(viewer, await this.profileUpdates.update(viewer, requestId, given, why));
  }

  /** The screeningsoverleg's route decision for a request waiting for it (AWAITING_ROUTE_DECISION, 003:490). */
  async recordRouteDecision(viewer: Viewer, requestId: string, shelter: boolean, reason: string): Promise<PlacementRequestModel> {
    assertRequestId(requestId, 'requestId');
    const why = assertReason(reason, 'reason');
    return this.view(viewer, await this.routeDecisions.record(viewer, requestId, shelter, why));
  }

  async confirmArrival(viewer: Viewer, requestId: string): Promise<PlacementRequestModel> {
    assertRequestId(requestId, 'requestId');
    return this.view(viewer, await this.lifecycle.confirmArrival(viewer, requestId));
  }

  async endPlacement(
    viewer: Viewer,
    requestId: string,
    reason: string,
    places: number | null = null,
    outcome: StayOutcome | null = null,
  ): Promise<PlacementRequestModel> {
    assertRequestId(requestId, 'requestId');
    const note = assertReason(reason, 'reason');
    return this.view(viewer, await this.lifecycle.end(viewer, requestId, note, places, outcome));
  }

  async cancel(viewer: Viewer, requestId: string, reason: string): Promise<PlacementRequestModel> {
    assertRequestId(requestId, 'requestId');
    const note = assertReason(reason, 'reason');
    if (viewer.role === Role.SHELTER_STAFF || viewer.role === Role.PLANNER) {
      throw new ForbiddenError('Only the requesting organisation can cancel a request; a facility declines an offer instead.');
    }
    // An administrator cancels only by break-glass (a request whose requester cannot be reached),
    // saying why (issue 12). The cancellation's own audit row names the administrator and the
    // history the reason, in its transaction; the break-glass row is written once it happened, so
    // the log lists no break-glass act that was refused.
    const breakGlass = viewer.role === Role.ADMIN;
    const why = breakGlass ? assertBreakGlassReason(reason, 'reason') : note;
    const { request: cancelled, repeated } = await this.lifecycle.cancel(viewer, requestId, why, { breakGlass });
    // A repeat cancelled nothing: the log lists the break-glass cancellation once.
    if (breakGlass && !repeated)
      await this.repository.auditAccess(viewer, { action: 'placement.break-glass-cancel', requestId, detail: why.slice(0, 400) });
    return this.repeatedAnswer(await this.view(viewer, cancelled), repeated);
  }

  /**
   * An answer to an offer or a cancellation that repeats one that went through (a client retrying
   * after a lost answer, red team, issue 15, F12) says so with treatedAsRetry, as requestPlacement's
   * retry does; a first one says false (null is left for reads, which answer no call).
   */
  private repeatedAnswer(model: PlacementRequestModel, repeated: boolean): PlacementRequestModel {
    model.treatedAsRetry = repeated;
    return model;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /**
   * What a registration with CoMensha needs of the request she is registered with: the chain she
   * belongs to (its first request), how many people it holds, and the facts of each of them (the
   * group's members when given, else the request's own) to check the registration against. Null
   * when the viewer may not see it.
   */
  async registrationSubject(viewer: Viewer, id: string): Promise<RegistrationSubject | null> {
    assertRequestId(id, 'requestId');
    if (!(await this.repository.isVisible(viewer, id))) return null;
    const request = await this.repository.find(id);
    if (!request) return null;
    const people = Math.max(1, request.groupSize ?? 1);
    const profiles = request.members?.length
      ? request.members.map((member) => anonymousFacts(member.profile))
      : request.profile
        ? [anonymousFacts(request.profile)]
        : request.facts
          ? [request.facts]
          : [];
    const moveNotArrived = request.bridgeRequestId !== null && request.placedAt === null;
    return {
      chainRootId: await this.repository.chainRootOf(id),
      people,
      profiles,
      moveNotArrived,
      regionCode: request.regionCode,
    };
  }

  async get(viewer: Viewer, id: string): Promise<PlacementRequestModel | null> {
    assertRequestId(id, 'id');
    if (!(await this.repository.isVisible(viewer, id))) return null;
    const request = await this.repository.find(id);
    return request ? this.view(viewer, request) : null;
  }

  /**
   * What a placementRequestUpdated subscriber missed since the step `after`: each request it may see
   * that changed since, once, as it is now (its history holds every missed step), oldest change first.
   */
  async changedSince(viewer: Viewer, after: string, id: string | null): Promise<PlacementRequestModel[]> {
    const ids = await this.repository.changedSince(after, id, MISSED_UPDATES_LIMIT);
    const requests = await Promise.all(ids.map((requestId) => this.get(viewer, requestId)));
    return requests.filter((request): request is PlacementRequestModel => request !== null);
  }

  async list(
    viewer: Viewer,
    filter: PlacementRequestFilterInput = {},
    first = 50,
    after?: string | null,
  ): Promise<PlacementRequestConnectionModel> {
    const statuses = assertListFilter(filter, first);
    const { rows, totalCount } = await this.repository.page(viewer, {
      statuses,
      authority: filter.authority,
      regionCodes: filter.regionCodes,
      escalated: filter.escalated,
      kinds: filter.kinds,
      urgencies: filter.urgency,
      requestedBy: filter.mine ? viewer.sub : null,
      newestFirst: filter.order === RequestOrder.NEWEST_FIRST,
      first,
      after: after ? parseCursor(after) : null,
    });
    const page = rows.slice(0, first);
    const nodes = await Promise.all(page.map((request) => this.view(viewer, request)));
    return {
      edges: nodes.map((node, i) => ({ cursor: cursorOf(page[i]), node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursorOf(page[page.length - 1]) : null },
      totalCount,
    };
  }

  /**
   * Break-glass (issue: privacy): an administrator may read a full profile only by stating why;
   * the read and its reason go to the audit log, so every such access can be reviewed.
   */
  async breakGlassProfile(viewer: Viewer, requestId: string, reason: string): Promise<VictimProfileModel> {
    assertRequestId(requestId, 'requestId');
    const why = assertBreakGlassReason(reason, 'reason');
    const request = await this.repository.find(requestId);
    if (!request) throw new NotFoundError(`There is no placement request ${requestId}.`);
    if (!request.profile)
      throw new ConflictError('This profile was erased after the retention period; only anonymous facts remain.');
    await this.repository.auditAccess(viewer, { action: 'profile.break-glass', requestId, detail: why });
    return victimProfileModel(request.profile);
  }

  /** The minimal profile, when this caller may see it; each disclosure is written to the audit log. */
  async profileSummaryFor(
    viewer: Viewer,
    request: PlacementRequestEntity,
    facilityIds: string[],
  ): Promise<ProfileSummaryModel | null> {
    if (!request.profile || !maySeeProfileSummary(viewer, request, facilityIds)) return null;
    await this.repository.auditAccess(viewer, { action: 'profile.read', requestId: request.id, detail: 'summary' });
    return profileSummaryModel(request.profile, request.groupSize, request.members);
  }

  /** The request as this caller may see it, with its facility, allocations, links and history. */
  /** The other parts of a group request, as far as this caller may see them. */
  async groupParts(viewer: Viewer, request: PlacementRequestEntity): Promise<PlacementRequestModel[]> {
    if (!request.groupId) return [];
    // In the order the group was split (women, men, X, then minors), whatever the creation instants.
    const rank = (part: PlacementRequestEntity) => {
      const first = part.members?.[0]?.profile;
      if (!first) return 4;
      if (isMinor(first) ?? DEFAULT_MATCHING_CONFIG.eligibility.unknownAge === 'MINOR') return 3;
      return [Gender.FEMALE, Gender.MALE, Gender.X].indexOf(first.gender);
    };
    const parts = (await this.repository.groupParts(request.groupId, request.id)).sort(
      (a, b) => rank(a) - rank(b) || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
    );
    const visible = await Promise.all(parts.map((part) => this.repository.isVisible(viewer, part.id)));
    return Promise.all(parts.filter((_, i) => visible[i]).map((part) => this.view(viewer, part, 1)));
  }

  async view(viewer: Viewer, request: PlacementRequestEntity, depth = 0): Promise<PlacementRequestModel> {
    const [holds, events, origin] = await Promise.all([
      this.repository.holdsOf(request.id),
      this.repository.eventsOf(request.id),
      this.requestOrigin(request.regionCode),
    ]);
    const facilityIds = [...new Set([request.facilityId, ...holds.map((h) => h.facilityId)].filter((id): id is string => !!id))];
    const loaded = facilityIds.length ? await this.register.load({ ids: facilityIds }) : [];
    const linked = async (id: string | null) => {
      if (!id || depth > 0 || !(await this.repository.isVisible(viewer, id))) return null;
      const other = await this.repository.find(id);
      return other ? this.view(viewer, other, depth + 1) : null;
    };
    const followUpId = depth > 0 ? null : await this.repository.followUpIdOf(request.id);
    const followUp = followUpId ? await this.repository.find(followUpId) : null;
    // The chain has one link; a transfer shows it as transferOf/transfer, an onward request as bridge/followUp.
    const before = await linked(request.bridgeRequestId);
    const after = await linked(followUpId);
    const afterIsTransfer = followUp?.transferReason != null;
    // Where a transfer goes is told only to those who may see the transfer (a safety move's region).
    const hidden = events.some((event) => event.noteCode === PlacementNoteCode.TRANSFER_REQUESTED)
      ? await this.hiddenFollowUps(viewer, request.id)
      : { ids: new Set<string>(), actors: new Set<string>() };
    return this.mapper.render(viewer, request, {
      hiddenFollowUpIds: hidden.ids,
      hiddenActors: hidden.actors,
      holds,
      events,
      facilities: loaded,
      bridge: request.transferReason ? null : before,
      followUp: afterIsTransfer ? null : after,
      transferOf: request.transferReason ? before : null,
      transfer: afterIsTransfer ? after : null,
      origin,
    });
  }

  /**
   * The requests that followed `requestId` which this caller may not see, and who acted on them:
   * the receiving region's people, whose names on her stay's history (a change of her shared
   * profile, a cancelled move) would tell where a safety move goes. Whoever asked for the move
   * (its first step) is of the leaving side, and the service is no one.
   */
  private async hiddenFollowUps(viewer: Viewer, requestId: string): Promise<{ ids: Set<string>; actors: Set<string> }> {
    const ids = await this.repository.followUpIdsOf(requestId);
    const visible = await Promise.all(ids.map((id) => this.repository.isVisible(viewer, id)));
    const hidden = ids.filter((_, i) => !visible[i]);
    const histories = await Promise.all(hidden.map((id) => this.repository.eventsOf(id)));
    const actors = new Set(
      histories.flatMap((history) =>
        history
          .slice(1)
          .map((event) => event.by)
          .filter((by) => !by.startsWith('system:') && by !== viewer.sub),
      ),
    );
    for (const history of histories) if (history[0]) actors.delete(history[0].by);
    return { ids: new Set(hidden), actors };
  }

  /**
   * Where a request's distances are measured from: the centre of its region, from which the matcher
   * ranks the places (its requester point); a request records no place of its own.
   */
  private async requestOrigin(regionCode: string): Promise<GeoPoint | null> {
    const region = (await this.regionDirectory.regions()).find((candidate) => candidate.code === regionCode);
    return region ? { latitude: region.latitude, longitude: region.longitude } : null;
  }
}
