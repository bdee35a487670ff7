import { type AnonymousFacts, anonymousFacts, type GroupMember, type VictimProfile } from '@opvangplek/domain';
import { type AnySealedColumn, CLIENT_REFERENCE_LOOKUP, type FieldCipher, sealContext } from '@opvangplek/platform';
import type { PlacementRequestEntity } from './placement-request.entity';

/**
 * The one place that knows which columns of placement_requests are sealed and how: every read
 * opens, and every write seals, through these functions (the repository for the workflow, the
 * insight readers for the planners' facts).
 *
 * Sealed: the profile, the group's members (each with a profile), the anonymous facts and the
 * responsible municipality (derived from where she is registered). The facts are sealed too: kept
 * beside the request's region, facility and times, "a minor man with a psychiatric care need,
 * placed in this COSM on this day" singles a person out as well as the profile does.
 *
 * The caller's clientReference is sealed as well: it is free text of the caller's system (it may be
 * a name or another system's case number). Its idempotency lookup is kept beside it as a keyed
 * lookup value (`clientReferenceLookup`), never the reference itself.
 *
 * The column names and their seal contexts are the platform's (crypto/request-seal-context.ts):
 * its migrations seal with them too.
 */

/**
 * The values under which `org`'s request with `reference` may be stored, the current key's first:
 * an HMAC over organisation and reference, so equal references of two organisations differ and a
 * dump cannot test a guessed reference without the key. Every configured key gives one, so a row
 * written before NOTES_KEY was rotated is found until the sweep reseals it under the current key.
 */
export function clientReferenceLookups(cipher: FieldCipher, org: string, reference: string): string[] {
  return cipher.lookups(CLIENT_REFERENCE_LOOKUP, [org, reference]);
}

/** What the database keeps of a request's personal data. */
export type SealedRequestColumns = Pick<
  PlacementRequestEntity,
  | 'sealedProfile'
  | 'sealedMembers'
  | 'sealedFacts'
  | 'sealedResponsibleMunicipality'
  | 'sealedClientReference'
  | 'clientReferenceLookup'
>;

/**
 * Seals `request`'s personal data for a write; its id must be set (the ciphertexts are bound to
 * it). The facts are derived from the profile here, at every write, so they are there for the
 * planners' figures from the start and need no profile to be opened for them.
 */
export function sealRequestColumns(cipher: FieldCipher, request: PlacementRequestEntity): SealedRequestColumns {
  if (!request.id) throw new Error('a request is sealed for its id: give it one before it is written');
  if (request.clientReference != null && typeof request.requestedByOrg !== 'string')
    throw new Error("a clientReference's lookup is its organisation's: give requestedByOrg with it");
  if (request.profile) request.facts = anonymousFacts(request.profile);
  const seal = (column: AnySealedColumn, value: unknown) =>
    value === null || value === undefined ? null : cipher.sealJson(value, sealContext(column, request.id));
  return {
    sealedProfile: seal('profile', request.profile),
    sealedMembers: seal('members', request.members),
    sealedFacts: seal('facts', request.facts),
    sealedResponsibleMunicipality: seal('responsible_municipality', request.responsibleMunicipality),
    sealedClientReference: seal('client_reference', request.clientReference),
    // Recomputed under the current key at every write, as the seals are (a rotation moves it too).
    clientReferenceLookup:
      request.clientReference === null || request.clientReference === undefined
        ? null
        : cipher.lookup(CLIENT_REFERENCE_LOOKUP, [request.requestedByOrg, request.clientReference]),
  };
}

/**
 * Opens a loaded request's personal data into its plain fields. Columns not selected stay
 * unopened; one that does not open (another row's ciphertext, a changed value, an unknown key)
 * throws, never reads as empty.
 */
export function openRequestColumns<T extends PlacementRequestEntity | null>(cipher: FieldCipher, request: T): T {
  if (!request) return request;
  const open = <V>(column: AnySealedColumn, sealed: string | null | undefined): V | null | undefined =>
    sealed === undefined || sealed === null ? sealed : openSealed<V>(cipher, column, request.id, sealed);
  const profile = open<VictimProfile>('profile', request.sealedProfile);
  if (profile !== undefined) request.profile = profile;
  const members = open<GroupMember[]>('members', request.sealedMembers);
  if (members !== undefined) request.members = members;
  const facts = open<AnonymousFacts>('facts', request.sealedFacts);
  if (facts !== undefined) request.facts = facts;
  const municipality = open<string>('responsible_municipality', request.sealedResponsibleMunicipality);
  if (municipality !== undefined) request.responsibleMunicipality = municipality;
  const reference = open<string>('client_reference', request.sealedClientReference);
  if (reference !== undefined) request.clientReference = reference;
  return request;
}

/** A request's anonymous facts as the insight readers select them (`id`, `facts`). */
export function openFacts(cipher: FieldCipher, requestId: string, sealedFacts: string | null): AnonymousFacts | null {
  return sealedFacts === null ? null : openSealed<AnonymousFacts>(cipher, 'facts', requestId, sealedFacts);
}

/** A value that does not open was changed, moved from another row, or sealed under a key no longer given: said as such. */
function openSealed<V>(cipher: FieldCipher, column: AnySealedColumn, requestId: string, sealed: string): V {
  try {
    return cipher.openJson<V>(sealed, sealContext(column, requestId));
  } catch (error) {
    throw new Error(
      `placement_requests.${column} of request ${requestId} does not open (changed, copied from another row, or sealed under a key not configured): ${(error as Error).message}`,
    );
  }
}
