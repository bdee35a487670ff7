import type { PlacingAuthority } from '../api/types';

/**
 * Who decides, in words: the named organisation when there is one (Nidos for an unaccompanied
 * foreign minor), else the authority. `label` is the dictionary's (`useI18n().label`).
 */
export function authorityName(
  label: (group: string, value: string) => string,
  authority: PlacingAuthority,
  organisation?: string | null,
): string {
  if (organisation) {
    const named = label('organisation', organisation);
    // An organisation the dictionary does not know is shown as the API named it.
    return named === organisation ? organisation : named;
  }
  return label('authority', authority);
}

/** The same words at the start of a sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
