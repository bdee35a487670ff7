/**
 * Which columns of placement_requests are sealed, and the context each ciphertext is bound to.
 *
 * Placement seals and opens these columns (libs/placement request-sealing.ts); the platform holds
 * the names because its migrations (EncryptedProfiles, SealedClientReference) must seal rows with
 * exactly the contexts the live code opens them with, and the platform imports no feature.
 */
export type SealedColumn = 'profile' | 'members' | 'facts' | 'responsible_municipality';

/** Every sealed column: the personal data above (as EncryptedProfiles sealed them) and the caller's reference. */
export type AnySealedColumn = SealedColumn | 'client_reference';

/** The purpose of the clientReference lookup values (their own key, FieldCipher.lookup). */
export const CLIENT_REFERENCE_LOOKUP = 'placement_requests.client_reference';

/** Binds a ciphertext to its table, column and row: it opens nowhere else (FieldCipher). */
export function sealContext(column: AnySealedColumn, requestId: string): string {
  return `placement_requests.${column}/${requestId}`;
}
