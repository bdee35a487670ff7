import { ErrorResponse } from 'oidc-client-ts';
import type { MessageKey } from '../i18n/messages';

/**
 * The provider's error codes (OAuth 2.0, RFC 6749 §4.1.2.1 and §5.2) a person can act on, in the
 * console's words. The provider's own `error_description` is for developers (English, technical),
 * so it is shown only for a code not listed here.
 */
const REASONS: Record<string, MessageKey> = {
  access_denied: 'login.oidcReason.accessDenied',
  invalid_grant: 'login.oidcReason.codeRefused',
  server_error: 'login.oidcReason.providerDown',
  temporarily_unavailable: 'login.oidcReason.providerDown',
};

/** Why logging in through the provider failed: words for a known error code, else the error's message. */
export function loginFailureReason(error: unknown, t: (key: MessageKey) => string): string {
  if (error instanceof ErrorResponse && error.error && Object.hasOwn(REASONS, error.error)) return t(REASONS[error.error]);
  return error instanceof Error ? error.message : String(error);
}
