/**
 * A group's shares (003:484: a raid's victims, placed together where possible, else over the fewest
 * facilities): each facility's staff accept, confirm arrival of and end only their own share
 * (domain.md §5a). A group is accepted all together (or its offer lapses or is declined as one),
 * then arrives share by share, and its members leave one by one.
 *
 * Pure: no framework, no I/O.
 */

export interface Share {
  facilityId: string;
  places: number;
  /** HELD (for her, accepted or not), OCCUPIED (arrived), RELEASED (given back). */
  state: 'HELD' | 'OCCUPIED' | 'RELEASED';
  accepted: boolean;
}

/** Whether every share still held has been accepted: the group's offer is then accepted as a whole. */
export function everyShareAccepted(shares: readonly Share[]): boolean {
  const held = shares.filter((share) => share.state === 'HELD');
  return held.length > 0 && held.every((share) => share.accepted);
}

/** Whether the stay is over for everyone: no share held or occupied any more. */
export function everyoneLeft(shares: readonly Share[]): boolean {
  return shares.every((share) => share.state === 'RELEASED');
}

/**
 * How many of an occupied share leave: all of it by default, else between 1 and its size.
 * Returns the places left at the facility after they go, or an error for people.
 */
export function leaving(occupied: number, requested: number | null): { leave: number; remain: number } | { error: string } {
  if (requested === null) return { leave: occupied, remain: 0 };
  if (!Number.isInteger(requested) || requested < 1 || requested > occupied) {
    return { error: `places must be a whole number from 1 to ${occupied} (the people of this share still there)` };
  }
  return { leave: requested, remain: occupied - requested };
}
