import { type GroupMember, MAX_GROUP_SIZE, PlacementStatus, PlacingAuthority, type VictimProfile } from '@opvangplek/domain';
import { assertUuid, InvalidInputError, isUuid } from '@opvangplek/platform';
import type { PlacementRequestFilterInput } from './dto/placement-request.input';
import type { PlacementRequestEntity } from './placement-request.entity';

const MAX_REASON = 500;
const MAX_REFERENCE = 120;
const MAX_PAGE = 200;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/**
 * Control characters, line and paragraph separators, the marks that turn text's direction and the
 * invisible ones (zero-width, soft hyphen, byte-order mark, non-characters): a reference is shown
 * in lists and logs as sent, and two that look the same must be the same.
 */
const UNPRINTABLE_IN_REFERENCE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffe\uffff]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The checks of what callers send that need no data: a clear INVALID_INPUT naming the field. */
export function assertRequestId(id: string, field: string): void {
  assertUuid(id, field, 'a request id');
}

export function assertReason(reason: string | null | undefined, field: string): string {
  const text = reason?.trim() ?? '';
  if (text.length === 0 || text.length > MAX_REASON)
    throw new InvalidInputError(field, `${field} is required: 1 to ${MAX_REASON} characters`);
  if (CONTROL_CHARACTERS.test(text))
    throw new InvalidInputError(field, `${field} must be printable text (no control characters)`);
  // Half of a character (a lone UTF-16 surrogate) is no text: PostgreSQL's JSON and a reviewer's screen both choke on it.
  if (LONE_SURROGATE.test(text))
    throw new InvalidInputError(field, `${field} must be well-formed text (no half characters: a lone surrogate)`);
  return text;
}

/** A break-glass reason must say something a reviewer can read: this many letters or digits at least. */
const BREAK_GLASS_WORDS = 10;

/**
 * The reason for a break-glass act (an administrator reading a profile or cancelling another's
 * request): a readable sentence, since it is what the audit review has to go on. Counted in
 * letters and digits, so zero-width spaces or a row of dots do not pass (issue 12).
 */
export function assertBreakGlassReason(reason: string | null | undefined, field: string): string {
  const text = assertReason(reason, field);
  if ((text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < BREAK_GLASS_WORDS)
    throw new InvalidInputError(
      field,
      `${field} must say why in words (at least ${BREAK_GLASS_WORDS} letters or digits); it is kept in the audit log`,
    );
  return text;
}

export function assertGroupAndReference(field: string, groupSize: number, clientReference: string | null): void {
  if (!Number.isInteger(groupSize) || groupSize < 1 || groupSize > 200) {
    throw new InvalidInputError(`${field}.groupSize`, `${field}.groupSize must be a whole number from 1 to 200`);
  }
  if (clientReference !== null && (clientReference.trim() === '' || clientReference.length > MAX_REFERENCE)) {
    throw new InvalidInputError(`${field}.clientReference`, `${field}.clientReference must be 1 to ${MAX_REFERENCE} characters`);
  }
  if (clientReference !== null && !isPrintableReference(clientReference)) {
    throw new InvalidInputError(`${field}.clientReference`, `${field}.clientReference must be ${PRINTABLE_REFERENCE}`);
  }
}

/** What a clientReference must be, said to whoever sent another. */
export const PRINTABLE_REFERENCE =
  'printable text on one line (no control characters, line breaks, direction marks, invisible or half characters)';

/** Whether a clientReference (a request's or a planned action's) is printable text on one line. */
export function isPrintableReference(reference: string): boolean {
  return !UNPRINTABLE_IN_REFERENCE.test(reference) && !LONE_SURROGATE.test(reference);
}

/** The statuses asked for, once the page size, statuses and authority are known to be valid. */
export function assertListFilter(filter: PlacementRequestFilterInput, first: number): string[] {
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
  return statuses;
}

/** A page cursor: the request's createdAt and id, the list's order. */
export function cursorOf(request: PlacementRequestEntity): string {
  return Buffer.from(`${request.createdAt.toISOString()}|${request.id}`).toString('base64url');
}

export function parseCursor(after: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(after, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !isUuid(id))
    throw new InvalidInputError('after', 'after must be a cursor from a previous page');
  return { at: new Date(at), id };
}

const MEMBER_LABEL = /^[\p{L}\p{N} _.#-]{1,20}$/u;
/** A label is a code, as "M3", "P-12" or "persoon 2": it holds a digit, which a name does not (red team F15). */
const HAS_DIGIT = /\p{N}/u;

/**
 * A group's members as given: 1 to 200, each with an optional pseudonymous label (never a name: at
 * most 20 letters, digits, spaces or _ . # -), matching `groupSize` when that is given too.
 */
export function assertMembers(
  members: readonly { label?: string | null; profile: VictimProfile }[],
  groupSize: number | null,
  clientReference: string | null,
  /** The group's profile's own groupSize, when given: it must count the members too. */
  profileGroupSize: number | null = null,
): GroupMember[] {
  if (members.length < 1 || members.length > MAX_GROUP_SIZE)
    throw new InvalidInputError(
      'input.members',
      `input.members must list 1 to ${MAX_GROUP_SIZE} people; for one person without members, leave it out`,
    );
  if (groupSize !== null && groupSize !== members.length)
    throw new InvalidInputError(
      'input.groupSize',
      `input.groupSize is ${groupSize} but input.members lists ${members.length}: give one of them, or both equal`,
    );
  if (profileGroupSize !== null && profileGroupSize !== members.length)
    throw new InvalidInputError(
      'input.profile.groupSize',
      `input.profile.groupSize is ${String(profileGroupSize).slice(0, 12)} but input.members lists ${members.length}: leave it out, or give the number of members`,
    );
  if (clientReference !== null && clientReference.length > 110)
    throw new InvalidInputError(
      'input.clientReference',
      'input.clientReference must be at most 110 characters for a group with members',
    );
  return members.map((member, i) => {
    const label = member.label?.trim() || null;
    if (label !== null && !(MEMBER_LABEL.test(label) && HAS_DIGIT.test(label)))
      throw new InvalidInputError(
        `input.members[${i}].label`,
        `input.members[${i}].label must be a short pseudonymous code with a digit in it, as M3 or persoon 2 (1 to 20 letters, digits, spaces or _ . # -), never a name`,
      );
    const own = member.profile.groupSize;
    if (own != null && own !== 1)
      throw new InvalidInputError(
        `input.members[${i}].profile.groupSize`,
        `input.members[${i}].profile.groupSize is ${String(own).slice(0, 12)}: a member is one person; leave it out`,
      );
    return { label, profile: { ...member.profile } };
  });
}
