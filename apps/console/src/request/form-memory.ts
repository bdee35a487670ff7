import { EMPTY_PROFILE, type ProfileDraft } from './profile';

/** What the request form holds while it is being filled in. */
export interface RequestFormState {
  draft: ProfileDraft;
  urgency: string;
  regionCode: string;
  groupSize: string;
  /** Kept too: submitting after a re-login is the same request, not a second one (idempotency). */
  clientReference: string;
}

/**
 * The request form as typed, kept in this tab's memory only: a variable of the page, never
 * sessionStorage, localStorage or IndexedDB. A victim's profile must not stay in the browser beyond
 * the tab's memory, so it is gone when the tab is closed or reloaded.
 *
 * It exists so that an expiring token does not throw a half-typed profile away: the login screen
 * replaces the form, and after logging in again in the same tab (a pasted token) the form is filled
 * in as it was. It is restored only for the same person (the token's subject and organisation), so a
 * colleague who logs in at the same screen never sees it. An OIDC login leaves the page for the
 * identity provider and comes back to a new page, so this memory is gone then: the console warns
 * before the token expires (SessionWarning) so the person can finish first.
 *
 * Logging out on purpose, submitting, and "Nieuwe aanvraag" forget it.
 */
let kept: { owner: string; form: RequestFormState } | null = null;

export function ownerOf(viewer: { sub: string; org: string }): string {
  return `${viewer.org}\u0000${viewer.sub}`;
}

export function recallForm(owner: string): RequestFormState | null {
  return kept && kept.owner === owner ? kept.form : null;
}

export function keepForm(owner: string, form: RequestFormState): void {
  kept = { owner, form };
}

/** Whether a form waits to be filled in again (said on the login screen when the session ended). */
export function hasKeptForm(): boolean {
  return kept !== null && JSON.stringify(kept.form.draft) !== JSON.stringify(EMPTY_PROFILE);
}

export function forgetForm(): void {
  kept = null;
}
