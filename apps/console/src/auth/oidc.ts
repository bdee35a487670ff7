import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ConsoleConfig } from './console-config';

/**
 * Login through the organisation's identity provider: authorization code with PKCE (oidc-client-ts
 * does both), the access token then sent as the bearer. State and user stay in sessionStorage.
 * No silent renewal: it needs the provider in an iframe, which the CSP forbids; when the token
 * expires the console asks to log in again.
 */
export function userManager(oidc: NonNullable<ConsoleConfig['oidc']>): UserManager {
  return new UserManager({
    authority: oidc.issuer,
    client_id: oidc.clientId,
    scope: oidc.scope,
    redirect_uri: `${location.origin}/`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code',
    automaticSilentRenew: false,
    monitorSession: false,
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

/** The provider sent the browser back with `?code=…&state=…`. */
export function isLoginCallback(): boolean {
  const query = new URLSearchParams(location.search);
  return query.has('state') && (query.has('code') || query.has('error'));
}

/**
 * Sends the browser to the provider, remembering where the person was (a case's address, a screen)
 * in the login's state, so they come back there. Only the path: never anything typed.
 */
export function startLogin(manager: UserManager): Promise<void> {
  return manager.signinRedirect({ state: { returnTo: location.pathname } });
}

/** A path of this console to return to: one absolute path, never another origin (`//host`). */
function returnPath(state: unknown): string {
  const returnTo = (state as { returnTo?: unknown } | undefined)?.returnTo;
  return typeof returnTo === 'string' && /^\/(?![/\\])[\w\-/]*$/.test(returnTo) ? returnTo : '/';
}

/** Completes the code exchange and returns the access token; cleans the address afterwards. */
export async function completeLogin(manager: UserManager): Promise<string> {
  let back = '/';
  try {
    const user = await manager.signinRedirectCallback();
    back = returnPath(user.state);
    return user.access_token;
  } finally {
    history.replaceState(null, '', back);
  }
}
