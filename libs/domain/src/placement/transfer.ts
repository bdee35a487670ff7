/**
 * A transfer (issue 14, "the case over time"): she moves from the place she is in to another one.
 * It is the chain of one-place.ts again: the transfer is an onward request linked to the request
 * she is PLACED under (its `bridgeRequestId`), it holds its place while she is still in the old
 * one, and her arrival ends the old stay in the same transaction. These are the rules for opening one.
 *
 * Pure: no framework, no I/O.
 */
import { PlacementStatus, Role } from '../enums';
import type { VictimProfile } from '../profile';

export enum TransferReason {
  /** Away from the region where the danger is, for her safety (004:7085-7089): that region is excluded. */
  SAFETY = 'SAFETY',
  /** Onward from COSM, a noodbed or an interim place to the next kind (000:2131-2134). */
  MOVE_ON = 'MOVE_ON',
  /** Her profile changed and the place no longer fits (opened by updateVictimProfile). */
  PROFILE_CHANGED = 'PROFILE_CHANGED',
  /** Care she needs that the place cannot give (medical, psychiatric, addiction). */
  CARE_NEEDS = 'CARE_NEEDS',
  /** Something else: the note says what. */
  OTHER = 'OTHER',
}

/** The keys of the figures' transfer table, in the order they are published. */
export const TRANSFER_REASON_KEYS: readonly TransferReason[] = Object.values(TransferReason);

/** Why a transfer cannot be opened from a request, or null when it can. */
export function transferRefusal(source: { status: PlacementStatus; profileErased: boolean }): string | null {
  if (source.profileErased) return 'this case was erased after the retention period';
  if (source.status === PlacementStatus.PLACED) return null;
  if (source.status === PlacementStatus.ENDED || source.status === PlacementStatus.CANCELLED)
    return `this request is ${source.status}: there is no stay to move from`;
  return `this request is ${source.status}: she is not placed yet, so there is nothing to move from; change the request (or cancel it and request again) instead of transferring it`;
}

/** Whether an open request (a transfer or another onward request) already follows the stay: one move at a time. */
export function isOpenOnward(status: PlacementStatus): boolean {
  return status !== PlacementStatus.ENDED && status !== PlacementStatus.CANCELLED;
}

/**
 * The profile the transfer is matched with: hers, and for a safety move the region she leaves is
 * excluded, so she is never placed back where the danger is (004:7085-7089).
 */
export function transferProfile(profile: VictimProfile, reason: TransferReason, leavingRegion: string): VictimProfile {
  if (reason !== TransferReason.SAFETY) return profile;
  const excluded = new Set([...(profile.excludedRegionCodes ?? []), leavingRegion]);
  return { ...profile, excludedRegionCodes: [...excluded] };
}

/**
 * Who may open (and cancel) a transfer of a case: the coordinators of its region, the requesting
 * organisation, CoMensha (national). Not shelter staff (they ask the coordinator: a move is a
 * decision about the person, not about the facility's beds), not planners, not ADMIN (manages the
 * register, not cases). A move to another region (not for her safety) is also the region she leaves:
 * its coordinators asked for it and may call it off (`leavingRegionCode`, the stay's region).
 */
export function mayActOnTransfer(
  viewer: { role: Role; org: string; regions: readonly string[] },
  request: { regionCode: string; requestedByOrg: string; transferReason?: TransferReason | null },
  leavingRegionCode: string | null = null,
): boolean {
  switch (viewer.role) {
    case Role.COMENSHA:
      return true;
    case Role.ZORGCOORDINATOR:
      return (
        viewer.regions.includes(request.regionCode) ||
        (leavingRegionCode !== null && seenByLeavingRegion(request.transferReason) && viewer.regions.includes(leavingRegionCode))
      );
    case Role.POLICE:
    case Role.NLA:
    case Role.JEUGDBESCHERMING:
      return viewer.org === request.requestedByOrg;
    default:
      return false;
  }
}

/** Whether the region she leaves sees a move (and may call it off): every move but a safety move, whose destination is kept from it (004:7085-7089). */
export function seenByLeavingRegion(reason: TransferReason | null | undefined): boolean {
  return reason != null && reason !== TransferReason.SAFETY;
}
