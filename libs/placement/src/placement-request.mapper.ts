import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import {
  ageBandOf,
  distanceKm,
  type GeoPoint,
  type GroupMember,
  isStaffAnswer,
  OfferAnswer,
  PlacementNoteCode,
  placementNoteSentence,
  placementNoteParamsFromJson,
  PlacementStatus,
  Role,
  type VictimProfile,
} from '@opvangplek/domain';
import { CLOCK, type Clock, APP_CONFIG, type AppConfig, NOTE_CIPHER, type NoteCipher } from '@opvangplek/platform';
import { facilityView, shownFacilityName, mayKnowLocation, type LoadedFacility } from '@opvangplek/registry';
import type { PlacementRequestModel, ProfileSummaryModel, VictimProfileModel } from './models/placement-request.model';
import type { PlacementEventRow } from './placement-changes';
import { HoldState, type PlacementHoldEntity } from './placement-hold.entity';
import type { PlacementRequestEntity } from './placement-request.entity';
import type { Applied } from './workflow/matching-attempt';
import { parallelOfferView } from './parallel-offer-view';

/** What a request's model is made of besides the request itself, however it was obtained (read, or in hand). */
export interface RequestParts {
  holds: PlacementHoldEntity[];
  events: PlacementEventRow[];
  facilities: LoadedFacility[];
  bridge: PlacementRequestModel | null;
  followUp: PlacementRequestModel | null;
  /** The stay a transfer moves from, and the latest transfer from a stay (each null when not seen). */
  transferOf?: PlacementRequestModel | null;
  transfer?: PlacementRequestModel | null;
  /**
   * Where the request's distances are measured from: the centre of its region, the point the
   * matcher ranks a requester's places from (requestOrigin). Null when the region has no position.
   */
  origin: GeoPoint | null;
  /** Requests that followed this one which the caller may not see: their history steps do not say where they go. */
  hiddenFollowUpIds?: ReadonlySet<string>;
  /** Who acted on those hidden requests: on this history they are shown as RECEIVING_REGION, not by name. */
  hiddenActors?: ReadonlySet<string>;
}

/**
 * The rounded distance from the request to a facility, as the matcher reports it (whole km): to the
 * facility itself for whoever may locate it, else to its region's centre, as the matcher ranks a
 * secret address for such a caller; an exact distance, read from several requests, would
 * triangulate it. Worked out when shown, not stored with the hold: both ends are register data, so
 * it stays the same for as long as the place does, and no one is shown a distance they may not know.
 */
function shownDistanceKm(origin: GeoPoint | null, facility: LoadedFacility, mayLocate: boolean): number | null {
  if (!origin) return null;
  const distance = distanceKm(origin, mayLocate ? facility : facility.region);
  return Number.isFinite(distance) ? Math.round(distance) : null;
}

/** How a secret facility's staff appear in a history to those who may not locate it. */
const FACILITY_STAFF = 'facility staff';
/** How the people of a move's receiving region appear to those who may not see where it goes. */
const RECEIVING_REGION = 'receiving region';

/** The history steps a facility's staff take: answer an offer, receive, let leave (by code; a note from before codes by its words). */
function isStaffStep(status: PlacementStatus, code: PlacementNoteCode | null, note: string | null): boolean {
  if (status === PlacementStatus.ACCEPTED || status === PlacementStatus.PLACED || status === PlacementStatus.ENDED) return true;
  if (code !== null) return isStaffAnswer(code);
  return note !== null && (note.startsWith('declined:') || note.startsWith('share of '));
}

/** The GraphQL models of placement requests. */
@Injectable()
export class PlacementRequestMapper {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(NOTE_CIPHER) private readonly notes: NoteCipher,
  ) {}

  /** The model of a request from its parts, however they were obtained (read, or in hand). */
  render(viewer: Viewer, request: PlacementRequestEntity, parts: RequestParts): PlacementRequestModel {
    const { holds, events, facilities: loaded } = parts;
    const now = this.clock.now();
    const placedHere = [PlacementStatus.ACCEPTED, PlacementStatus.PLACED].includes(request.status);
    // The requester of an accepted or current placement may know where the person is (domain.md §6):
    // the facilities that accepted her or where she stays, never one whose place went back (it
    // declined, lapsed, or a parallel offer was taken elsewhere).
    const whereSheIs = new Set(
      holds
        .filter((hold) => hold.state !== HoldState.RELEASED && (hold.acceptedAt != null || hold.state === HoldState.OCCUPIED))
        .map((hold) => hold.facilityId),
    );
    const locates = (facility: LoadedFacility) =>
      mayKnowLocation(viewer, facility) || (placedHere && viewer.org === request.requestedByOrg && whereSheIs.has(facility.id));
    const byId = new Map(loaded.map((facility) => [facility.id, facility]));
    const views = new Map(
      loaded.map((facility) => [
        facility.id,
        facilityView(facility, { now, freshnessPolicy: this.config.freshness, mayKnowLocation: locates(facility) }),
      ]),
    );
    const parallel = parallelOfferView(viewer, holds);
    // Shelter staff see their own facilities' part of a request only: not the other shelters it was
    // offered to, nor their declines (whose reasons are theirs), and whoever answered elsewhere as
    // "facility staff" (issue 18; red team N1).
    const ownOnly = parallel?.ownFacilityIds ?? (viewer.role === Role.SHELTER_STAFF ? new Set(viewer.facilityIds) : null);
    const takenElsewhere = parallel?.takenElsewhereAt ?? null;
    // A shelter whose own part ended by its own decline (seen only in the answer to that decline and
    // to a repeat of it, red team, issue 15, F12): the request as that decline left it, nothing after.
    const ownDecline = takenElsewhere ? null : ownDeclineOf(viewer, holds, events);
    // Where this shelter's part ended (taken elsewhere, or declined): what it saw then, no facility
    // (she is not coming to it) and nothing of what came after.
    const ownPartEnded = takenElsewhere !== null || ownDecline !== null;
    // Who at a secret facility answered, arrived or ended names its organisation: to anyone who may
    // not locate it, its staff are "facility staff" (issue 12).
    const hideStaff = ownOnly !== null || loaded.some((facility) => facility.secretAddress && !locates(facility));
    const shownHolds = ownOnly ? holds.filter((hold) => ownOnly.has(hold.facilityId)) : holds;
    const ownNames = ownOnly ? new Set(loaded.filter((f) => ownOnly.has(f.id)).map((f) => shownFacilityName(f, false))) : null;
    // Offered elsewhere as well (another share of a group): their own facility, while its place is
    // live. A place that went back (a parallel offer another shelter took, their own decline) is not
    // where she is going: no facility, never their own (red team, issue 15, F5).
    const shownFacilityId = ownPartEnded
      ? null
      : ownOnly && request.facilityId && !ownOnly.has(request.facilityId)
        ? (shownHolds.find((hold) => hold.state !== HoldState.RELEASED)?.facilityId ?? null)
        : request.facilityId;
    // After another shelter took her: what this shelter offered and when it was taken, nothing of what
    // came after (from the acceptance that took her on, whatever the clock says: its step may carry
    // the same instant).
    const takenBy = takenElsewhere
      ? events.findIndex((event) => event.status === PlacementStatus.ACCEPTED && event.at >= takenElsewhere)
      : -1;
    const upTo = ownDecline ? ownDecline.upTo + 1 : takenBy >= 0 ? takenBy : events.length;
    const shownEvents = events.slice(0, upTo).filter(
      (event) =>
        (!takenElsewhere || event.at <= takenElsewhere) &&
        // Another shelter's decline: a shelter's own decline ends its view of the request, so every
        // decline it could see is another's.
        !(ownOnly && event.noteCode === PlacementNoteCode.DECLINED),
    );
    return {
      id: request.id,
      // Taken elsewhere: another shelter accepted her, and that is where this shelter's view stops
      // (ACCEPTED with no facility, parallelOffer.takenElsewhereAt saying when; F5). Declined: the
      // status its decline left (F12).
      status: takenElsewhere ? PlacementStatus.ACCEPTED : (ownDecline?.status ?? request.status),
      urgency: request.urgency,
      regionCode: request.regionCode,
      types: request.types,
      facility: shownFacilityId ? (views.get(shownFacilityId) ?? null) : null,
      allocations: shownHolds
        .filter((hold) => views.has(hold.facilityId))
        .map((hold) => ({
          facility: views.get(hold.facilityId)!,
          distanceKm: shownDistanceKm(parts.origin, byId.get(hold.facilityId)!, locates(byId.get(hold.facilityId)!)),
          places: hold.places,
          state: hold.state,
          accepted: hold.acceptedAt != null,
        })),
      offerExpiresAt: ownPartEnded ? null : request.offerExpiresAt,
      placedAt: ownPartEnded ? null : request.placedAt,
      stayEndsAt: ownPartEnded ? null : request.stayEndsAt,
      parallelOffer: parallel && { alsoOfferedTo: parallel.alsoOfferedTo, takenElsewhereAt: parallel.takenElsewhereAt },
      overstay: request.overstay,
      waitingReason: request.waitingReason,
      waitingForAuthority: request.waitingForAuthority,
      waitingForOrganisation: request.waitingForOrganisation,
      waitingForKind: request.waitingForKind,
      responsibleMunicipality: request.responsibleMunicipality,
      routeDecided: request.routeDecided,
      nextAttemptAt: request.nextAttemptAt,
      escalated: request.escalated,
      bridge: parts.bridge,
      followUp: parts.followUp,
      profileVersion: request.profileVersion,
      transferReason: request.transferReason,
      transferOf: parts.transferOf ?? null,
      transfer: parts.transfer ?? null,
      groupId: request.groupId ?? (request.groupSize > 1 ? request.id : null),
      groupSize: request.groupSize,
      clientReference: request.clientReference,
      createdAt: request.createdAt,
      sequence: latestSequence(events),
      history: shownEvents.flatMap((event) => {
        let note = event.note === null ? null : this.notes.open(event.note);
        let noteParams = event.noteParams === null ? null : placementNoteParamsFromJson(this.notes.open(event.noteParams));
        if (ownNames && event.noteCode === PlacementNoteCode.OFFERED && noteParams?.offered) {
          // An offer's step names only the viewer's own facility; an offer to others only is not theirs.
          const offered = noteParams.offered.filter((share) => ownNames.has(share.facilityName));
          if (offered.length === 0) return [];
          noteParams = { ...noteParams, offered };
          note = placementNoteSentence({ code: event.noteCode, params: noteParams });
        }
        if (
          event.noteCode === PlacementNoteCode.TRANSFER_REQUESTED &&
          noteParams?.requestId &&
          parts.hiddenFollowUpIds?.has(noteParams.requestId)
        ) {
          const { regionCode: _hidden, ...shown } = noteParams;
          noteParams = shown;
          note = placementNoteSentence({ code: event.noteCode, params: shown });
        }
        const byStaff =
          hideStaff &&
          event.by !== viewer.sub &&
          event.by !== request.requestedBy &&
          !event.by.startsWith('system:') &&
          isStaffStep(event.status, event.noteCode, note);
        return [
          {
            sequence: sequenceOf(event),
            status: event.status,
            at: event.at,
            by: parts.hiddenActors?.has(event.by) ? RECEIVING_REGION : byStaff ? FACILITY_STAFF : event.by,
            note,
            noteCode: event.noteCode,
            noteParams,
          },
        ];
      }),
      summarySource: {
        request,
        facilityIds: holds.filter((hold) => hold.state !== HoldState.RELEASED).map((hold) => hold.facilityId),
      },
    };
  }

  /**
   * The noodbed answer from the entities of its call: the request, its hold, its history (`createdWith`,
   * then what the attempt recorded), and its follow-up when `followUpVisible`.
   */
  renderApplied(
    viewer: Viewer,
    applied: Applied,
    createdWith: PlacementEventRow[],
    followUpVisible: boolean,
    origin: GeoPoint | null,
  ): PlacementRequestModel {
    const { request, followUp, holds, facilities } = applied;
    const historyOf = (id: string) => applied.recorded.filter((event) => event.requestId === id);
    const facilitiesOf = (ids: (string | null)[]) =>
      ids.filter((id): id is string => !!id && facilities.has(id)).map((id) => facilities.get(id)!);
    const followUpModel =
      followUp && followUpVisible
        ? this.render(viewer, followUp, {
            holds: [],
            events: historyOf(followUp.id),
            facilities: [],
            bridge: null,
            followUp: null,
            origin: null, // it holds nothing yet: no distance to show
          })
        : null;
    return this.render(viewer, request, {
      holds,
      events: [...createdWith, ...historyOf(request.id)],
      facilities: facilitiesOf([request.facilityId, ...holds.map((hold) => hold.facilityId)]),
      bridge: null, // a noodbed request is never itself an onward request
      followUp: followUpModel,
      origin,
    });
  }
}

/** The full profile (break-glass), every optional field as the model states its absence. */
export function victimProfileModel(p: VictimProfile): VictimProfileModel {
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

/** The minimal profile a facility and the requester may see. */
export function profileSummaryModel(
  profile: VictimProfile,
  groupSize: number,
  members: GroupMember[] | null = null,
): ProfileSummaryModel {
  return {
    members: (members ?? []).map((member) => ({
      label: member.label,
      gender: member.profile.gender,
      ageBand: ageBandOf(member.profile),
    })),
    gender: profile.gender,
    ageBand: ageBandOf(profile),
    languages: profile.languages ?? [],
    careNeeds: profile.careNeeds ?? [],
    accompanyingChildren: profile.accompanyingChildren ?? 0,
    groupSize,
  };
}

/**
 * Shelter staff whose facilities' part of a request ended with their own decline (every place of
 * theirs went back, the latest declined): the status that decline left and where in `events` it
 * stands (its history step, the first DECLINED step recorded at or after the answer: the request's
 * row lock orders declines, so an earlier one of another shelter was recorded before it). Null otherwise.
 */
function ownDeclineOf(
  viewer: Viewer,
  holds: readonly PlacementHoldEntity[],
  events: readonly PlacementEventRow[],
): { status: PlacementStatus; upTo: number } | null {
  if (viewer.role !== Role.SHELTER_STAFF) return null;
  const own = holds.filter((hold) => viewer.facilityIds.includes(hold.facilityId));
  if (own.length === 0 || own.some((hold) => hold.state !== HoldState.RELEASED)) return null;
  const latest = own.reduce((a, b) => (b.createdAt.getTime() > a.createdAt.getTime() ? b : a));
  const answeredAt = latest.answer === OfferAnswer.DECLINED ? latest.answeredAt : null;
  if (!answeredAt) return null;
  const upTo = events.findIndex((event) => event.noteCode === PlacementNoteCode.DECLINED && event.at >= answeredAt);
  return upTo < 0 ? null : { status: events[upTo].status, upTo };
}

/** A history row's id (bigint, as a string), once stored (TypeORM's insert fills it in on the row). */
function sequenceOf(event: PlacementEventRow): string {
  return String((event as PlacementEventRow & { id?: string }).id ?? '0');
}

/** The largest event id: the request's latest step, whatever order `events` came in. */
function latestSequence(events: readonly PlacementEventRow[]): string {
  return events.map(sequenceOf).reduce((latest, id) => (BigInt(id) > BigInt(latest) ? id : latest), '0');
}
