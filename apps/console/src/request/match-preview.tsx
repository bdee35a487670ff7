import { useQuery } from 'urql';
import { MATCH_FACILITIES } from '../api/documents';
import type { MatchResult } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { FreshnessBadge } from '../components/freshness-badge';
import { adviceWords, matchReasonsWords } from '../i18n/api-words';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { momentWords } from '../i18n/time-words';
import { facilityName } from '../components/facility-name';

/** The variables of the preview's match; the request screen asks the same before submitting. */
export function matchVariables(profile: Record<string, unknown> | null, regionCode: string) {
  return { profile, options: { first: 10, excludedFirst: 50, ...(regionCode ? { requesterRegionCode: regionCode } : {}) } };
}

/**
 * Reasons that, when the profile leaves the field empty, mean "not known yet" rather than "does not
 * fit": the fix is to fill it in. The field is the form's input name (and the API's profile key).
 */
const FILLABLE: Partial<Record<string, string>> = {
  RESIDENCE_STATUS: 'residenceStatus',
  B8_STATUS: 'b8Status',
  AANGIFTE: 'aangifte',
  AGE: 'age',
  FOUND_IN_AREA: 'foundInMunicipality',
};

/** What rules places out, as words: "verblijfsstatus onbekend" when the field is empty, else "… past niet". */
export function useExclusionWords(profile: Record<string, unknown> | null) {
  const { t } = useI18n();
  return (code: string): { words: string; fillIn?: string } => {
    const field = FILLABLE[code];
    if (field && profile && profile[field] === undefined)
      return { words: t(`exclusionUnknown.${code}` as MessageKey), fillIn: field };
    const key = `exclusion.${code}` as MessageKey;
    // A reason this console does not know yet still reads as words, never as the code.
    return { words: t(key) ?? t('exclusion.OTHER') };
  };
}

function focusField(name: string) {
  document.querySelector<HTMLElement>(`.request-form [name="${name}"]`)?.focus();
}

/**
 * What `matchFacilities` says about the profile as it stands: the best places, the advice, and
 * every excluded place with its reasons. The profile is not stored by the API (a read, audited as
 * a fact only); the first 10 matches and 50 exclusions keep the answer small on a phone.
 */
export function MatchPreview({ profile, regionCode }: { profile: Record<string, unknown> | null; regionCode: string }) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const reasonWords = useExclusionWords(profile);
  const [{ data, fetching, error }] = useQuery<{ matchFacilities: MatchResult }>({
    query: MATCH_FACILITIES,
    variables: matchVariables(profile, regionCode),
    pause: profile === null,
    requestPolicy: 'network-only',
  });
  if (profile === null) return <p className="hint">{t('match.hint')}</p>;
  const result = data?.matchFacilities;
  const names = new Map(
    [...(result?.matches ?? []), ...(result?.excluded ?? [])].map((item) => [
      item.facility.id,
      facilityName(i18n, item.facility),
    ]),
  );
  const nameById = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
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
          {result.exclusionSummary.length > 0 && (
            <div className="why" data-testid="why">
              <h3>{t('match.why')}</h3>
              <ul>
                {[...result.exclusionSummary]
                  .sort((a, b) => b.facilities - a.facilities)
                  .map(({ code, facilities }) => {
                    const { words, fillIn } = reasonWords(code);
                    return (
                      <li key={code} data-reason={code}>
                        <strong>
                          {facilities === 1 ? t('match.fallAwayOne') : f('match.fallAwayMany', { count: String(facilities) })}
                        </strong>
                        : {words}
                        {fillIn && (
                          <>
                            {' — '}
                            <button type="button" className="link-button fill-in" onClick={() => focusField(fillIn)}>
                              {t('match.fillIn')}
                              <span className="visually-hidden"> ({words})</span>
                            </button>
                          </>
                        )}
                      </li>
                    );
                  })}
              </ul>
            </div>
          )}
          {result.advice.length > 0 && (
            <div className="advice">
              <h3>{t('match.advice')}</h3>
              <ul>
                {result.advice.map((advice) => (
                  <li key={advice.code} data-advice={advice.code}>
                    {adviceWords(i18n, advice, nameById)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ol className="match-list">
            {result.matches.map((match) => (
              <li key={match.facility.id} data-facility-id={match.facility.id}>
                <strong>{facilityName(i18n, match.facility)}</strong>{' '}
                <span className="muted">
                  {label('kind', match.facility.type)} · {match.facility.region.name}
                </span>{' '}
                <FreshnessBadge freshness={match.freshness} />{' '}
                <span className={match.placeableNow ? 'open' : 'closed'}>
                  {match.placeableNow
                    ? t('match.placeableNow')
                    : `${t('match.placeableAt')} ${momentWords(i18n, match.placeableAt)}`}
                </span>
                {match.reasons.length > 0 && <span className="muted reasons">{matchReasonsWords(i18n, match).join(' · ')}</span>}
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
                    <strong>{facilityName(i18n, exclusion.facility)}</strong>{' '}
                    <span className="muted">{exclusion.facility.region.name}</span>
                    <ul className="reasons">
                      {exclusion.reasons.map((reason) => (
                        <li key={reason.code} data-reason={reason.code}>
                          {reasonWords(reason.code).words}
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
