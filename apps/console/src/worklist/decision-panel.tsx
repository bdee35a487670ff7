import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AssignPlacementDocument, PlacementCandidatesDocument, ReturnRequestDocument } from '../api/generated';
import { readableErrors } from '../api/errors';
import type { Candidate } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { keepEnterFromSubmitting } from '../components/keep-enter';
import { StatusBadge } from '../components/status-badge';
import { adviceWords, authorityClosedWords } from '../i18n/api-words';
import { useI18n } from '../i18n/i18n';
import { CASE_PATH, screensFor } from '../shell/navigation';
import { useNavigation } from '../shell/use-screen';
import { useSession } from '../shell/viewer-context';
import { CandidateOption } from './candidate-option';
import { ProfileSummaryText } from './profile-summary-text';
import type { WorklistRequest } from './use-worklist';
import { facilityName } from '../components/facility-name';

/**
 * Deciding one request on the worklist: the places to choose from (placementCandidates, never the
 * profile itself), "Toewijzen" with a reason that is required when the chosen place is not the
 * first one the viewer may assign, and "Teruggeven" with a required reason. The API has the last
 * word on both (it ranks again when assigning): its refusal is shown where it belongs, a reason
 * error at the reason field. A place whose authority is closed now (CoMensha outside office hours)
 * is not preselected and cannot be assigned until it opens: the panel says so and until when.
 */
export function DecisionPanel({ request, gone }: { request: WorklistRequest; gone: boolean }) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const [assignState, assign] = useMutation(AssignPlacementDocument);
  const [returnState, giveBack] = useMutation(ReturnRequestDocument);
  const assigned = assignState.data?.assignPlacement ?? null;
  const returned = returnState.data?.returnRequest ?? null;
  const decided = assigned !== null || returned !== null;
  // Deciding takes it off the worklist: the list may say so before the answer is here.
  const busy = assignState.fetching || returnState.fetching;
  const left = gone && !decided && !busy;

  const [{ data, error, fetching }, rereadCandidates] = useQuery({
    query: PlacementCandidatesDocument,
    variables: { requestId: request.id, first: 20 },
    requestPolicy: 'network-only',
    pause: left || decided,
  });
  const matches = data?.placementCandidates.matches ?? [];
  const mine = matches.filter((match) => match.decision === 'OFFER');
  // The API's best ranked place the viewer may assign: choosing another needs a reason.
  const best = mine[0] ?? null;

  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = mine.find((match) => match.facility.id === chosenId) ?? mine.find((match) => match.decidedByOpenNow) ?? null;
  const closedWords = (candidate: Candidate) =>
    authorityClosedWords(i18n, candidate.decidedBy, candidate.facility.type, candidate.decidedByOpensAt);
  // Why Toewijzen waits: the chosen place's authority is closed, or (nothing chosen) every one is.
  const closedFor = chosen ? (chosen.decidedByOpenNow ? null : chosen) : (mine[0] ?? null);
  const notNow = closedFor ? closedWords(closedFor) : null;
  const { viewer } = useSession();
  const { openCase } = useNavigation();
  const mayOpenCase = screensFor(viewer.role).includes('cases');
  // After a decision the buttons are gone: the focus goes to what happened, not to the page.
  const outcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (decided) outcome.current?.focus();
  }, [decided]);
  const reasonRequired = best !== null && chosen !== null && chosen.facility.id !== best.facility.id;
  const [reason, setReason] = useState('');
  const [returning, setReturning] = useState(false);
  const [returnReason, setReturnReason] = useState('');

  const assignErrors = readableErrors(assignState.error);
  const reasonErrors = assignErrors.filter((item) => item.field === 'reason');
  const otherErrors = assignErrors.filter((item) => item.field !== 'reason');
  // The place was just taken, or the ranking moved: show the places as they are now.
  const conflict = otherErrors.some((item) => item.code === 'CONFLICT' || item.code === 'BAD_USER_INPUT');
  const refusal = conflict ? assignState.error : undefined;
  useEffect(() => {
    if (refusal) rereadCandidates({ requestPolicy: 'network-only' });
  }, [refusal, rereadCandidates]);

  return (
    <section className="decision card" data-request-id={request.id} aria-busy={fetching}>
      <h2>{t('decide.title')}</h2>
      {mayOpenCase && (
        <p>
          <a
            href={`${CASE_PATH}${request.id}`}
            data-testid="case-link"
            onClick={(event) => {
              event.preventDefault();
              openCase(request.id);
            }}
          >
            {t('decide.caseLink')}
          </a>
        </p>
      )}
      <p>
        {label('urgency', request.urgency)} · <ProfileSummaryText summary={request.profileSummary} />
      </p>
      {assigned && (
        <p className="ok" role="status" data-testid="decided" tabIndex={-1} ref={outcome}>
          {f('decide.assigned', { facility: assigned.facility ? facilityName(i18n, assigned.facility) : '—' })}{' '}
          <StatusBadge status={assigned.status} />
        </p>
      )}
      {returned && (
        <p className="ok" role="status" data-testid="decided" tabIndex={-1} ref={outcome}>
          {t('decide.returned')} <StatusBadge status={returned.status} />
        </p>
      )}
      {left && <p className="hint">{t('worklist.gone')}</p>}
      {!left && !decided && (
        <>
          <ErrorMessage error={error} />
          {data && (
            <form
              className="assign-form"
              onKeyDown={keepEnterFromSubmitting}
              onSubmit={(event) => {
                event.preventDefault();
                if (!chosen || notNow) return;
                void assign({ requestId: request.id, facilityId: chosen.facility.id, reason: reason.trim() || null });
              }}
            >
              <fieldset>
                <legend>{t('decide.candidates')}</legend>
                {data.placementCandidates.advice.length > 0 && (
                  <ul className="advice">
                    {data.placementCandidates.advice.map((advice) => (
                      <li key={advice.code} data-advice={advice.code}>
                        {adviceWords(i18n, advice, (id) => {
                          const named = data.placementCandidates.matches.find((match) => match.facility.id === id);
                          return named ? facilityName(i18n, named.facility) : null;
                        })}
                      </li>
                    ))}
                  </ul>
                )}
                {mine.length === 0 && <p className="hint">{t('decide.noCandidates')}</p>}
                <ol className="candidates">
                  {matches.map((match) => (
                    <CandidateOption
                      key={match.facility.id}
                      candidate={match}
                      first={match === best}
                      checked={match === chosen}
                      onChoose={() => setChosenId(match.facility.id)}
                    />
                  ))}
                </ol>
              </fieldset>
              <label>
                {reasonRequired ? t('decide.reasonRequired') : t('decide.reasonOptional')}
                <textarea
                  name="assignReason"
                  rows={2}
                  value={reason}
                  aria-required={reasonRequired}
                  aria-invalid={reasonErrors.length > 0}
                  onChange={(event) => setReason(event.target.value)}
                />
              </label>
              {reasonRequired && best && (
                <p className="hint" data-testid="reason-why">
                  {f('decide.reasonWhy', { best: facilityName(i18n, best.facility) })}
                </p>
              )}
              <ErrorMessage errors={reasonErrors} />
              {notNow && (
                <p className="hint closed" id={`not-now-${request.id}`} data-testid="not-now">
                  {notNow}
                </p>
              )}
              <ErrorMessage errors={otherErrors} focus />
              <div className="actions">
                <button
                  type="submit"
                  className="primary"
                  disabled={!chosen || notNow !== null || assignState.fetching}
                  aria-describedby={notNow ? `not-now-${request.id}` : undefined}
                >
                  {t('decide.assign')}
                </button>
                {!returning && (
                  <button type="button" onClick={() => setReturning(true)}>
                    {t('decide.return')}
                  </button>
                )}
              </div>
            </form>
          )}
          {!data && !fetching && !returning && (
            <div className="actions">
              <button type="button" onClick={() => setReturning(true)}>
                {t('decide.return')}
              </button>
            </div>
          )}
          {returning && (
            <form
              className="return-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (returnReason.trim()) void giveBack({ requestId: request.id, reason: returnReason.trim() });
              }}
            >
              <p className="hint">{t('decide.returnHint')}</p>
              <div className="inline-form">
                <input
                  name="returnReason"
                  placeholder={t('decide.returnReason')}
                  aria-label={t('decide.returnReason')}
                  required
                  value={returnReason}
                  onChange={(event) => setReturnReason(event.target.value)}
                />
                <button type="submit" disabled={!returnReason.trim() || returnState.fetching}>
                  {t('decide.return')}
                </button>
              </div>
              <ErrorMessage error={returnState.error} />
            </form>
          )}
        </>
      )}
    </section>
  );
}
