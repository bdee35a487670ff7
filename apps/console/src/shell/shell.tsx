import { useCallback, useMemo, useRef } from 'react';
import { ActionsScreen } from '../actions/actions-screen';
import { useQuery } from 'urql';
import { MeDocument } from '../api/generated';
import { hasCode } from '../api/errors';
import type { Viewer } from '../api/types';
import { SessionWarning } from '../auth/session-warning';
import { BedBoard } from '../bed-board/bed-board';
import { CaseView } from '../cases/case-view';
import { MyCases } from '../cases/my-cases';
import { ErrorMessage } from '../components/error-message';
import { EscalationScreen } from '../escalations/escalation-screen';
import { PlannerDashboard } from '../dashboard/planner-dashboard';
import { ShelterDesk } from '../desk/shelter-desk';
import { useI18n } from '../i18n/i18n';
import { OfflineStart } from '../offline/offline-start';
import { useOnline } from '../offline/use-online';
import { RequestScreen } from '../request/request-screen';
import { ThemeToggle } from '../theme/theme-toggle';
import { LanguageToggle } from './language-toggle';
import { useScreenTitle } from './document-title';
import { mayLeave } from './leave-guard';
import { screensFor } from './navigation';
import { NavigationContext, type ShownRoute, useScreen } from './use-screen';
import { SessionContext } from './viewer-context';
import { WorklistScreen } from '../worklist/worklist-screen';

/** Logged in: asks `me` who this is, then shows the screens of that role. */
export function Shell(props: {
  token: () => string | null;
  /** When the token expires (ms), for the warning before it does. */
  expiresAt: number | null;
  viaOidc: boolean;
  onLogout(reason?: string, options?: { keepForm?: boolean }): void;
}) {
  const { t } = useI18n();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MeDocument });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  if (fetching && !data) return <p className="page">{t('loading')}</p>;
  if (!data && hasCode(error, 'NETWORK'))
    return <OfflineStart token={props.token()} error={error} onRetry={retry} onLogout={() => props.onLogout()} />;
  if (!data) {
    if (hasCode(error, 'UNAUTHENTICATED')) {
      return (
        <main className="page">
          <ErrorMessage error={error} />
          <button type="button" className="primary" onClick={() => props.onLogout(undefined, { keepForm: true })}>
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
  return (
    <LoggedIn
      viewer={data.me}
      token={props.token}
      expiresAt={props.expiresAt}
      viaOidc={props.viaOidc}
      onLogout={() => props.onLogout()}
    />
  );
}

function LoggedIn(props: {
  viewer: Viewer;
  token: () => string | null;
  expiresAt: number | null;
  viaOidc: boolean;
  onLogout(): void;
}) {
  const { t, label } = useI18n();
  const allowed = useMemo(() => screensFor(props.viewer.role), [props.viewer.role]);
  const [route, go, openCase, selectOnWorklist] = useScreen(allowed);
  const screen = route.screen;
  const navigation = useMemo(() => ({ go, openCase, selectOnWorklist }), [go, openCase, selectOnWorklist]);
  const online = useOnline();
  const main = useRef<HTMLElement>(null);
  // A tab per place a person may keep open: the form, a case, the list and a case being decided on it.
  useScreenTitle(
    route.caseId ? t('cases.tabTitle') : route.requestId ? t('worklist.tabTitle') : t(`nav.${screen}`),
    t('appName'),
  );
  const session = useMemo(() => ({ viewer: props.viewer, token: props.token }), [props.viewer, props.token]);
  // On a phone cut short with an ellipsis (the header stays one line); the whole text in its title.
  const who =
    `${label('role', props.viewer.role)} · ${props.viewer.org}` +
    (props.viewer.regions.length > 0 ? ` · ${props.viewer.regions.join(', ')}` : '');
  return (
    <SessionContext.Provider value={session}>
      <NavigationContext.Provider value={navigation}>
        {/* First in the tab order: past the header's links and buttons to the screen itself. */}
        <a
          className="skip-link"
          href="#main"
          onClick={(event) => {
            event.preventDefault();
            main.current?.focus();
          }}
        >
          {t('shell.skipToContent')}
        </a>
        <header className="top-bar">
          <span className="brand">{t('appName')}</span>
          {!online && (
            <span className="offline-badge" role="status" data-testid="offline-badge">
              {t('shell.offline')}
            </span>
          )}
          <nav aria-label={t('shell.screens')}>
            {allowed.map((name) => (
              <a
                key={name}
                href={`/${name}`}
                aria-current={name === screen && !route.caseId && !route.requestId ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  if (name !== screen || route.caseId || route.requestId) go(name);
                }}
              >
                {t(`nav.${name}`)}
              </a>
            ))}
          </nav>
          <span className="who" data-testid="who" title={who}>
            {who}
          </span>
          <ThemeToggle />
          <LanguageToggle />
          <button type="button" className="link-button" onClick={() => mayLeave() && props.onLogout()}>
            {t('logout')}
          </button>
        </header>
        <main className="page" id="main" ref={main} tabIndex={-1}>
          <SessionWarning expiresAt={props.expiresAt} viaOidc={props.viaOidc} />
          <ScreenView route={route} />
        </main>
      </NavigationContext.Provider>
    </SessionContext.Provider>
  );
}

function ScreenView({ route }: { route: ShownRoute }) {
  switch (route.screen) {
    case 'beds':
      return <BedBoard />;
    case 'request':
      return <RequestScreen />;
    case 'cases':
      return route.caseId ? <CaseView caseId={route.caseId} initial={route.initial} /> : <MyCases />;
    case 'worklist':
      return <WorklistScreen requestId={route.requestId ?? null} />;
    case 'escalations':
      return <EscalationScreen />;
    case 'actions':
      return <ActionsScreen />;
    case 'desk':
      return <ShelterDesk />;
    case 'dashboard':
      return <PlannerDashboard />;
  }
}
