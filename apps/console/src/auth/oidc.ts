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

/** Completes the code exchange and returns the access token; cleans the address afterwards. */
export async function completeLogin(manager: UserManager): Promise<string> {
  try {
    const user = await manager.signinRedirectCallback();
    return user.access_token;
  } finally {
    history.replaceState(null, '', '/');
  }
}
