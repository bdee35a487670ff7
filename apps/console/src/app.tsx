import { useCallback, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { createApiClient } from './api/client';
import { ConnectionContext } from './api/connection';
import { type ConsoleConfig, fetchConsoleConfig } from './auth/console-config';
import { loginFailureReason } from './auth/login-failure';
import { LoginScreen } from './auth/login-screen';
import { completeLogin, isLoginCallback, startLogin, userManager } from './auth/oidc';
import {
  forgetToken,
  storedToken,
  storedTokenSource,
  storeToken,
  storeTokenSource,
  takeTokenFromAddress,
  tokenExpiry,
} from './auth/session';
import { useI18n } from './i18n/i18n';
import { forgetKeptBoards } from './offline/kept-board';
import { forgetForm, hasKeptForm } from './request/form-memory';
import { Shell } from './shell/shell';

/**
 * Logged out → the login screen; logged in → the shell with one API client for this token.
 * A token arrives by paste, by `#token=…` in the address, or from the identity provider.
 */
export function App() {
  const { t } = useI18n();
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [token, setToken] = useState<string | null>(() => {
    const fromAddress = takeTokenFromAddress();
    if (fromAddress) {
      storeToken(fromAddress);
      storeTokenSource('pasted');
    }
    return fromAddress ?? storedToken();
  });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    fetchConsoleConfig().then(
      async (loaded) => {
        setConfig(loaded);
        if (loaded.oidc && isLoginCallback()) {
          try {
            const accessToken = await completeLogin(userManager(loaded.oidc));
            storeToken(accessToken);
            storeTokenSource('oidc');
            setToken(accessToken);
          } catch (error) {
            setProblem(`${t('login.oidcFailed')}: ${loginFailureReason(error, t)}`);
          }
        }
      },
      (error: Error) => setProblem(`${t('login.configFailed')}: ${error.message}`),
    );
    // Once, at start: the language may change later without reloading the configuration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /**
   * Back to the login screen. On purpose (the button), the request form in the tab's memory is
   * forgotten too; when the session ends (expiry, or the API refusing the token) it is kept, so
   * logging in again in this tab finds it (request/form-memory.ts).
   */
  const logout = useCallback(
    (reason?: string, options: { keepForm?: boolean } = {}) => {
      if (!options.keepForm) forgetForm();
      forgetToken();
      // The last known board goes with the session, whatever ended it: the next person on this
      // device starts without it.
      void forgetKeptBoards().catch(() => undefined);
      if (config?.oidc) void userManager(config.oidc).removeUser();
      setProblem(reason ?? null);
      setToken(null);
    },
    [config],
  );

  // A token ends at its expiry: go back to the login screen then, saying why.
  useEffect(() => {
    const expiry = token ? tokenExpiry(token) : null;
    if (expiry === null) return;
    const timer = setTimeout(
      () =>
        logout(hasKeptForm() ? `${t('shell.sessionEnded')} ${t('session.formWaits')}` : t('shell.sessionEnded'), {
          keepForm: true,
        }),
      Math.max(0, Math.min(expiry - Date.now(), 2 ** 31 - 1)),
    );
    return () => clearTimeout(timer);
  }, [token, logout, t]);

  const api = useMemo(() => (token ? createApiClient(() => token) : null), [token]);
  useEffect(() => () => api?.dispose(), [api]);

  if (!token || !api) {
    return (
      <LoginScreen
        config={config}
        problem={problem}
        onToken={(pasted) => {
          storeToken(pasted);
          storeTokenSource('pasted');
          setProblem(null);
          setToken(pasted);
        }}
        onOidc={() => config?.oidc && void startLogin(userManager(config.oidc))}
      />
    );
  }
  return (
    <Provider value={api.client}>
      <ConnectionContext.Provider value={api.connection}>
        <Shell token={() => token} expiresAt={tokenExpiry(token)} viaOidc={storedTokenSource() === 'oidc'} onLogout={logout} />
      </ConnectionContext.Provider>
    </Provider>
  );
}
