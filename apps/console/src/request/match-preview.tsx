import { useEffect } from 'react';
import { useQuery } from 'urql';
import { MatchFacilitiesDocument, type VictimProfileInput } from '../api/generated';
import { readableErrors } from '../api/errors';
import { ErrorMessage } from '../components/error-message';
import { FreshnessBadge } from '../components/freshness-badge';
import { adviceWords, matchReasonsWords } from '../i18n/api-words';
import { useI18n } from '../i18n/i18n';
import { useUntilBackOnline } from '../offline/use-online';
import type { MessageKey } from '../i18n/messages';
import { momentWords } from '../i18n/time-words';
import { facilityName } from '../components/facility-name';
import { type CheckedField, formFieldOf } from './profile-checks';

/** The variables of the preview's match; the request screen asks the same before submitting. */
export function matchVariables(profile: VictimProfileInput, regionCode: string, first = 10) {
  return { profile, options: { first, excludedFirst: 50, ...(regionCode ? { requesterRegionCode: regionCode } : {}) } };
}

/** The officer's preview sits above her button on a phone: the best three places, not ten. */
export const NOODBED_PREVIEW_FIRST = 3;

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

/**
 * The fillable fields on the police's short noodbed form (profile-form.tsx, `short`): a "vul in" for
 * any other field would point at nothing there (the onward request asks for the rest).
 */
const ON_SHORT_FORM = new Set(['residenceStatus', 'age']);

/**
 * What rules places out, as words: "verblijfsstatus onbekend" when the field is empty, else "… past
 * niet"; with the field to fill in when the form on screen has it.
 */
export function useExclusionWords(profile: Record<string, unknown> | null, shortForm = false) {
  const { t } = useI18n();
  return (code: string): { words: string; fillIn?: string } => {
    const field = FILLABLE[code];
    if (field && profile && profile[field] === undefined)
      return {
        words: t(`exclusionUnknown.${code}` as MessageKey),
        fillIn: !shortForm || ON_SHORT_FORM.has(field) ? field : undefined,
      };
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
 *
 * For the police (`noodbed`) it says "possible places": `requestNoodbed` holds one of them by its
 * own rule (a free 24/7 VO/MO place before a noodbed, placement-decision.ts `decideNoodbed`), which
 * `matchFacilities` does not apply, so its order is not a promise of which one.
 * A field the API refuses is handed to `onRefused` (marked at the field there) instead of
 * replacing the preview; the form then asks again without it (`leftOut` names those fields).
 */
export function MatchPreview({
  profile,
  regionCode,
  noodbed = false,
  leftOut = [],
  onRefused,
}: {
  profile: VictimProfileInput | null;
  regionCode: string;
  noodbed?: boolean;
  leftOut?: string[];
  onRefused?(field: CheckedField): void;
}) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const reasonWords = useExclusionWords(profile, noodbed);
  const [{ data, fetching, error }] = useQuery({
    query: MatchFacilitiesDocument,
    // Null only while the query is paused: nothing is sent then.
    variables: matchVariables(profile as VictimProfileInput, regionCode, noodbed ? NOODBED_PREVIEW_FIRST : undefined),
    pause: profile === null,
    requestPolicy: 'network-only',
  });
  const shownError = useUntilBackOnline(error);
  const errors = readableErrors(shownError);
  const refusedFields = errors.map(formFieldOf).filter((field): field is CheckedField => field !== null);
  const refusedKey = refusedFields.join(',');
  useEffect(() => {
    if (refusedKey) refusedKey.split(',').forEach((field) => onRefused?.(field as CheckedField));
    // Once per refusal: the callback is a new function on every render of the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refusedKey]);
  const otherErrors = errors.filter((item) => formFieldOf(item) === null || !onRefused);
  if (profile === null) return <p className="hint match-hint">{t('match.hint')}</p>;
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
        {noodbed ? t('match.titleNoodbed') : t('match.title')}{' '}
        {fetching && <span className="muted">{t('match.evaluating')}</span>}
      </h2>
      {noodbed && <p className="hint">{t('match.noodbedNote')}</p>}
      <ErrorMessage errors={otherErrors} />
      {leftOut.length > 0 && (
        <p className="hint" data-testid="match-left-out">
          {f('match.leftOut', { fields: leftOut.join(', ') })}
        </p>
      )}
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
