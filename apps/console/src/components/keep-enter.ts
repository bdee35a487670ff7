import type { KeyboardEvent } from 'react';

/**
 * For forms whose sending holds a place (a request, an assignment): Enter in a field — and a phone
 * keypad's Go key, which sends Enter — would submit the form the browser's way, before the rest is
 * filled in. Only the form's button sends it. Text areas keep Enter for new lines; buttons keep it
 * for pressing them.
 */
export function keepEnterFromSubmitting(event: KeyboardEvent<HTMLFormElement>): void {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT') event.preventDefault();
}
