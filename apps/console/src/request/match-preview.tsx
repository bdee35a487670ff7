import { useQuery } from 'urql';
import { MATCH_FACILITIES } from '../api/documents';
import type { MatchResult } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { FreshnessBadge } from '../components/freshness-badge';
import { useI18n } from '../i18n/i18n';

/**
 * What `matchFacilities` says about the profile as it stands: the best places, the advice, and
 * every excluded place with its reasons. The profile is not stored by the API (a read, audited as
 * a fact only); the first 10 matches and 50 exclusions keep the answer small on a phone.
 */
export function MatchPreview({ profile, regionCode }: { profile: Record<string, unknown> | null; regionCode: string }) {
  const { t, label, dateTime } = useI18n();
  const [{ data, fetching, error }] = useQuery<{ matchFacilities: MatchResult }>({
    query: MATCH_FACILITIES,
    variables: { profile, options: { first: 10, excludedFirst: 50, ...(regionCode ? { requesterRegionCode: regionCode } : {}) } },
    pause: profile === null,
    requestPolicy: 'network-only',
  });
  if (profile === null) return <p className="hint">{t('match.hint')}</p>;
  const result = data?.matchFacilities;
  return (
    <section className="match" aria-busy={fetching}>
      <h2>
        {t('match.title')} {fetching && <span className="muted">{t('match.evaluating')}</span>}
      </h2>
      <ErrorMessage error={error} />
      {result && (
        <>
          <p className="summary" data-testid="match-summary">
            <strong data-testid="match-count">{result.matchCount}</strong> {t('match.matches')} ·{' '}
            <strong data-testid="excluded-count">{result.excludedCount}</strong> {t('match.excluded')}
          </p>
          {result.advice.length > 0 && (
            <div className="advice">
              <h3>{t('match.advice')}</h3>
              <ul>
                {result.advice.map((advice) => (
                  <li key={advice.code} data-advice={advice.code}>
                    {advice.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ol className="match-list">
            {result.matches.map((match) => (
              <li key={match.facility.id} data-facility-id={match.facility.id}>
                <strong>{match.facility.name}</strong>{' '}
                <span className="muted">
                  {label('kind', match.facility.type)} · {match.facility.region.name}
                </span>{' '}
                <FreshnessBadge freshness={match.freshness} />{' '}
                <span className={match.placeableNow ? 'open' : 'closed'}>
                  {match.placeableNow ? t('match.placeableNow') : `${t('match.placeableAt')} ${dateTime(match.placeableAt)}`}
                </span>
                {match.reasons.length > 0 && <span className="muted reasons">{match.reasons.join(' · ')}</span>}
              </li>
            ))}
          </ol>
          {result.excluded.length > 0 && (
            <details className="excluded">
              <summary>
                {t('match.excludedTitle')} ({result.excludedCount})
              </summary>
              <ul>
                {result.excluded.map((exclusion) => (
                  <li key={exclusion.facility.id}>
                    <strong>{exclusion.facility.name}</strong> <span className="muted">{exclusion.facility.region.name}</span>
                    <ul className="reasons">
                      {exclusion.reasons.map((reason) => (
                        <li key={reason.code} data-reason={reason.code}>
                          {reason.message}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
