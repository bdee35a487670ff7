import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { useScreenTitle } from '../shell/document-title';
import { LanguageToggle } from '../shell/language-toggle';
import { ThemeToggle } from '../theme/theme-toggle';
import type { ConsoleConfig } from './console-config';
import { tokenProblem } from './session';

/** Token paste box (development), or the button to the organisation's identity provider. */
export function LoginScreen(props: {
  config: ConsoleConfig | null;
  problem: string | null;
  onToken(token: string): void;
  onOidc(): void;
}) {
  const { t } = useI18n();
  useScreenTitle(t('login.title'), t('appName'));
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    const problem = tokenProblem(trimmed);
    if (problem) return setError(t(problem === 'expired' ? 'login.expired' : 'login.invalid'));
    props.onToken(trimmed);
  };

  return (
    <main className="login">
      <header className="login-header">
        <h1>{t('appName')}</h1>
        <span>
          <ThemeToggle />
          <LanguageToggle />
        </span>
      </header>
      <h2>{t('login.title')}</h2>
      {props.problem && (
        <p className="error-box" role="alert">
          {props.problem}
        </p>
      )}
      {props.config?.oidc && (
        <p>
          <button type="button" className="primary" onClick={props.onOidc}>
            {t('login.oidc')}
          </button>
        </p>
      )}
      {(!props.config?.oidc || props.config.development) && (
        <form onSubmit={submit}>
          <p>{t('login.intro')}</p>
          <label>
            {t('login.token')}
            <textarea
              name="token"
              rows={4}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </label>
          {error && (
            <p className="error-box" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary">
            {t('login.submit')}
          </button>
          {/* Only where the API says it runs for development: never on a production login screen,
              nor before the configuration has been read. */}
          {props.config?.development === true && (
            <p className="hint">
              {t('login.devHint')}
              <br />
              <code>npm run token -- --role POLICE --org avim-rotterdam --regions RR</code>
              <br />
              <code>npm run token -- --role SHELTER_STAFF --org arosa --facility &lt;id&gt;</code>
            </p>
          )}
        </form>
      )}
    </main>
  );
}
