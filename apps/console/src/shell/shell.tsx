import { useMemo } from 'react';
import { useQuery } from 'urql';
import { ME } from '../api/documents';
import { hasCode } from '../api/errors';
import type { Viewer } from '../api/types';
import { BedBoard } from '../bed-board/bed-board';
import { ErrorMessage } from '../components/error-message';
import { PlannerDashboard } from '../dashboard/planner-dashboard';
import { ShelterDesk } from '../desk/shelter-desk';
import { useI18n } from '../i18n/i18n';
import { RequestScreen } from '../request/request-screen';
import { LanguageToggle } from './language-toggle';
import { mayLeave } from './leave-guard';
import { type Screen, screensFor } from './navigation';
import { useScreen } from './use-screen';
import { SessionContext } from './viewer-context';
import { WorklistScreen } from '../worklist/worklist-screen';

/** Logged in: asks `me` who this is, then shows the screens of that role. */
export function Shell(props: { token: () => string | null; onLogout(reason?: string): void }) {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery<{ me: Viewer }>({ query: ME });
  if (fetching && !data) return <p className="page">{t('loading')}</p>;
  if (!data) {
    if (hasCode(error, 'UNAUTHENTICATED')) {
      return (
        <main className="page">
          <ErrorMessage error={error} />
          <button type="button" className="primary" onClick={() => props.onLogout()}>
            {t('login.title')}
          </button>
        </main>
      );
    }
    return (
      <main className="page">
        <ErrorMessage error={error} />
      </main>
    );
  }
  return <LoggedIn viewer={data.me} token={props.token} onLogout={props.onLogout} />;
}

function LoggedIn(props: { viewer: Viewer; token: () => string | null; onLogout(): void }) {
  const { t, label } = useI18n();
  const allowed = useMemo(() => screensFor(props.viewer.role), [props.viewer.role]);
  const [screen, go] = useScreen(allowed);
  const session = useMemo(() => ({ viewer: props.viewer, token: props.token }), [props.viewer, props.token]);
  return (
    <SessionContext.Provider value={session}>
      <header className="top-bar">
        <span className="brand">{t('appName')}</span>
        <nav aria-label="screens">
          {allowed.map((name) => (
            <a
              key={name}
              href={`/${name}`}
              aria-current={name === screen ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                if (name !== screen) go(name);
              }}
            >
              {t(`nav.${name}`)}
            </a>
          ))}
        </nav>
        <span className="who" data-testid="who">
          {label('role', props.viewer.role)} · {props.viewer.org}
          {props.viewer.regions.length > 0 && ` · ${props.viewer.regions.join(', ')}`}
        </span>
        <LanguageToggle />
        <button type="button" className="link-button" onClick={() => mayLeave() && props.onLogout()}>
          {t('logout')}
        </button>
      </header>
      <main className="page">
        <ScreenView screen={screen} />
      </main>
    </SessionContext.Provider>
  );
}

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'beds':
      return <BedBoard />;
    case 'request':
      return <RequestScreen />;
    case 'worklist':
      return <WorklistScreen />;
    case 'desk':
      return <ShelterDesk />;
    case 'dashboard':
      return <PlannerDashboard />;
  }
}
