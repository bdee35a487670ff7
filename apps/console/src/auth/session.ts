/**
 * The bearer token of this tab. Kept in sessionStorage (gone when the tab closes, not shared with
 * other tabs), never in localStorage, and never logged.
 */
const TOKEN_KEY = 'opvangplek.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(SOURCE_KEY);
}

/**
 * How the token came: from the identity provider (`oidc`) or pasted / from the address. Decides
 * what the expiry warning says: only without a redirect does the tab's memory (the request form)
 * survive logging in again.
 */
const SOURCE_KEY = 'opvangplek.tokenSource';
export type TokenSource = 'oidc' | 'pasted';

export function storeTokenSource(source: TokenSource): void {
  sessionStorage.setItem(SOURCE_KEY, source);
}

export function storedTokenSource(): TokenSource {
  return sessionStorage.getItem(SOURCE_KEY) === 'oidc' ? 'oidc' : 'pasted';
}

/**
 * `#token=…` in the address (a link from `npm start`, or a colleague's script) logs in; the token is
 * then removed from the address at once, so it is neither in the history nor in a screenshot.
 */
export function takeTokenFromAddress(): string | null {
  const match = /^#token=([^&]+)/.exec(location.hash);
  if (!match) return null;
  const token = decodeURIComponent(match[1]);
  history.replaceState(null, '', location.pathname + location.search);
  return token;
}

export type TokenProblem = 'invalid' | 'expired';

/**
 * A first check before asking the API: three base64url parts and not expired. The API verifies the
 * signature; this only spares the user a round trip for a token pasted half or too late.
 */
export function tokenProblem(token: string, now = Date.now()): TokenProblem | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part)) || parts[1] === '') return 'invalid';
  try {
    const claims = JSON.parse(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) return 'expired';
  } catch {
    return 'invalid';
  }
  return null;
}

/** When the token stops working (ms since epoch), if it says. */
export function tokenExpiry(token: string): number | null {
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}
