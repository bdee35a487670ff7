/**
 * One person, one place (domain.md §5a): at no moment does one person hold two places, except a
 * place she is in (PLACED) plus the one she is moving to. A person's requests form a chain: a first
 * request, and possibly the onward request that follows her interim stay (a noodbed, or VO until
 * COSM). The workflow asks these functions before it holds a place and when she arrives; the
 * property test drives random sequences of events through them.
 *
 * Pure: no framework, no I/O.
 */
import { PlacementStatus } from '../enums';

/** Statuses in which a request holds a place (held for her, or she is in it). */
export const HOLDING_STATUSES: readonly PlacementStatus[] = [
  PlacementStatus.OFFERED,
  PlacementStatus.ACCEPTED,
  PlacementStatus.PLACED,
];

export function holdsAPlace(status: PlacementStatus): boolean {
  return HOLDING_STATUSES.includes(status);
}

/**
 * Whether a request may hold a place now. A first request: yes. An onward request: while she is in
 * her interim place (its request PLACED), or once that is over (ENDED: she left it and holds
 * nothing), never while the interim place is only held for her or still being sought, so she never
 * holds two places she is not in; the noodbed is for "een korte periode … tot structurele opvang
 * beschikbaar is" (002:765-767).
 */
export function mayHoldPlace(interim: { status: PlacementStatus } | null): boolean {
  return interim === null || interim.status === PlacementStatus.PLACED || interim.status === PlacementStatus.ENDED;
}

/**
 * What her arrival at the onward place does to the interim request: its stay ends (the place is
 * freed in the same transaction). Returns the interim's next status, or null when nothing changes.
 */
export function interimAfterOnwardArrival(interim: { status: PlacementStatus } | null): PlacementStatus | null {
  return interim?.status === PlacementStatus.PLACED ? PlacementStatus.ENDED : null;
}

/**
 * Whether one person's requests hold more places than allowed: at most one, or two when one is the
 * place she is in (an interim PLACED) and the other the onward place she is moving to.
 */
export function violatesOnePlace(chain: readonly { status: PlacementStatus; onward: boolean }[]): boolean {
  const holding = chain.filter((request) => holdsAPlace(request.status));
  if (holding.length <= 1) return false;
  if (holding.length > 2) return true;
  const interim = holding.find((request) => !request.onward);
  const onward = holding.find((request) => request.onward);
  return !(interim?.status === PlacementStatus.PLACED && onward !== undefined && onward.status !== PlacementStatus.PLACED);
}
