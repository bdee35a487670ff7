import { useQuery } from 'urql';
import { PlacementRequestDocument } from '../api/generated';
import type { PlacementRequest } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { When } from '../components/when';
import { useI18n } from '../i18n/i18n';
import { RequestFollow } from '../request/request-follow';
import { useNavigation } from '../shell/use-screen';
import { CaseOverTime } from '../case-over-time/case-over-time';
import { RegisterVictimForm } from '../registration/register-victim-form';
import { useSession } from '../shell/viewer-context';
import { CaseNotifications } from './case-notifications';

/**
 * One case at its own address (`/aanvraag/<id>`): the request followed live. Opened from "Mijn
 * aanvragen", after submitting (then with the mutation's answer, shown at once), after a reload or
 * a re-login, with who was told of it. A request this person may not see reads as not found, like
 * one that does not exist.
 */
export function CaseView({ caseId, initial }: { caseId: string; initial?: PlacementRequest }) {
  const { t } = useI18n();
  const { go } = useNavigation();
  const { viewer } = useSession();
  const mayRegister = viewer.role === 'ZORGCOORDINATOR' || viewer.role === 'COMENSHA';
  const [{ data, fetching, error }] = useQuery({
    query: PlacementRequestDocument,
    variables: { id: caseId },
    pause: initial?.id === caseId,
    requestPolicy: 'network-only',
  });
  const request = initial?.id === caseId ? initial : data?.placementRequest;
  const back = (
    <p>
      <a
        href="/cases"
        onClick={(event) => {
          event.preventDefault();
          go('cases');
        }}
      >
        ← {t('cases.back')}
      </a>
    </p>
  );
  if (!request) {
    return (
      <section>
        <h1>{t('cases.caseTitle')}</h1>
        {back}
        {fetching || (!data && !error) ? (
          <p>{t('loading')}</p>
        ) : (
          <>
            <ErrorMessage error={error} />
            {!error && (
              <p className="error-box" data-testid="case-not-found">
                {t('cases.notFound')}
              </p>
            )}
          </>
        )}
      </section>
    );
  }
  return (
    <section>
      <h1>
        {t('cases.caseTitle')}{' '}
        <span className="muted">
          {t('cases.submitted')} <When iso={request.createdAt} />
        </span>
      </h1>
      {back}
      {/* Keyed by the case, so switching cases starts each part afresh; siblings need keys of their own. */}
      <RequestFollow
        key={`follow-${request.id}`}
        initial={request}
        onNew={() => go('request')}
        focusOnShow={initial?.id === caseId}
        showExpectation
      />
      <CaseOverTime key={`over-time-${request.id}`} requestId={request.id} />
      {mayRegister && request.status !== 'CANCELLED' && (
        <section className="card" aria-labelledby="registration-heading" data-testid="case-registration">
          <h2 id="registration-heading">{t('registration.title')}</h2>
          <RegisterVictimForm key={`registration-${request.id}`} requestId={request.id} />
        </section>
      )}
      <CaseNotifications requestId={request.id} />
    </section>
  );
}
