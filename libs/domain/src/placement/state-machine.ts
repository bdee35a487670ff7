/**
 * The placement request life cycle (enums.ts `PlacementStatus`). Services call `assertTransition`
 * before every status change, so an illegal change fails loudly instead of corrupting a request.
 */
import { PlacementStatus } from '../enums';

const { RECEIVED, MATCHING, WAITING, OFFERED, ACCEPTED, PLACED, ENDED, CANCELLED } = PlacementStatus;

/** Allowed next statuses per status; anything not listed is forbidden. */
export const PLACEMENT_TRANSITIONS: Readonly<Record<PlacementStatus, readonly PlacementStatus[]>> = {
  [RECEIVED]: [MATCHING, CANCELLED],
  [MATCHING]: [OFFERED, WAITING, CANCELLED],
  // Waiting for a place or an opening (domain.md §5 rule 2); re-matched when something changes.
  [WAITING]: [MATCHING, CANCELLED],
  // Declined or expired offers go back to matching (domain.md §5 rule 3).
  [OFFERED]: [ACCEPTED, MATCHING, CANCELLED],
  // Accepted but never arrived: the hold lapses like an offer and matching starts over (domain.md §5a).
  [ACCEPTED]: [PLACED, MATCHING, CANCELLED],
  [PLACED]: [ENDED],
  [ENDED]: [],
  [CANCELLED]: [],
};

/** Statuses a request never leaves. */
export const TERMINAL_PLACEMENT_STATUSES: readonly PlacementStatus[] = [ENDED, CANCELLED];

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: PlacementStatus,
    readonly to: PlacementStatus,
  ) {
    const allowed = PLACEMENT_TRANSITIONS[from];
    super(
      `a placement request cannot go from ${from} to ${to}; from ${from} it can go to ` +
        (allowed.length > 0 ? allowed.join(', ') : 'nothing (it is final)'),
    );
    this.name = 'IllegalTransitionError';
  }
}

export function canTransition(from: PlacementStatus, to: PlacementStatus): boolean {
  return PLACEMENT_TRANSITIONS[from]?.includes(to) ?? false;
}

export function assertTransition(from: PlacementStatus, to: PlacementStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

export function isTerminalStatus(status: PlacementStatus): boolean {
  return TERMINAL_PLACEMENT_STATUSES.includes(status);
}
