import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { CancelPlacementRequestDocument } from '../api/generated';
import type { PlacementRequest } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { PhoneLink } from '../components/phone-link';
import { useRegions } from '../components/region-select';
import { StatusBadge } from '../components/status-badge';
import { historyNoteWords } from '../i18n/api-words';
import { useI18n } from '../i18n/i18n';
import { countdownWords, momentWords, whenWords } from '../i18n/time-words';
import { useNow } from '../worklist/use-now';
import {
  changeCauseFromHistory,
  changeWords,
  distanceTo,
  distanceWords,
  followUpWords,
  nextStepWords,
  placeWords,
} from './follow-words';
import { useLiveRequest } from './use-live-request';
import { PlaceExpectationNote } from '../cases/place-expectation';
import { waitingWords } from './waiting-words';
import { facilityName } from '../components/facility-name';
import { EndStay } from '../stay/end-stay';

/**
 * The submitted request, live: status, the offered place, why it waits, its history. Just submitted
 * (`focusOnShow`), the focus moves to the status; a status that changes while open is announced.
 */
export function RequestFollow({
  initial,
  onNew,
  focusOnShow = false,
  showExpectation = false,
}: {
  initial: PlacementRequest;
  onNew(): void;
  focusOnShow?: boolean;
  /** While it waits for room: when a suitable place is expected (issue 18; the case view). */
  showExpectation?: boolean;
}) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const { request, error } = useLiveRequest(initial);
  const regions = useRegions();
  const regionName = (code: string) => regions.find((region) => region.code === code)?.name ?? code;
  // Ticks each second while an offer counts down; else each half minute ("3 min geleden").
  const now = useNow(request.status === 'OFFERED' && request.offerExpiresAt ? 1_000 : 30_000);
  // While it waits for an authority, the next attempt is that authority's opening.
  const forAuthority = request.waitingReason === 'AWAITING_AUTHORITY' || request.waitingReason === 'AUTHORITY_CLOSED';
  const [cancelState, cancel] = useMutation(CancelPlacementRequestDocument);
  const [reason, setReason] = useState('');
  const open = !['PLACED', 'ENDED', 'CANCELLED'].includes(request.status);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);
  // The offered place as last shown: a live update that offers another place (a decline, an offer
  // that lapsed) is told plainly, with the place it was before.
  const shownFacility = useRef(request.facility);
  const [previousPlace, setPreviousPlace] = useState<string | null>(null);
  const facilityId = request.facility?.id ?? null;
  const distanceKm = facilityId ? distanceTo(request, facilityId) : null;
  const changeCause = changeCauseFromHistory(request.history);
  const changed = request.facility && (changeCause || previousPlace) ? (changeCause ?? 'other') : null;
  const changeText = changed && request.facility ? changeWords(i18n, changed, request.facility, distanceKm) : null;
  // Said by screen readers when the status or the place changes (not on arrival: the heading says it then).
  const [announced, setAnnounced] = useState('');
  const shownStatus = useRef(request.status);
  useEffect(() => {
    const before = shownFacility.current;
    const placeMoved = Boolean(request.facility && before && before.id !== request.facility.id);
    if (request.facility) shownFacility.current = request.facility;
    if (placeMoved && before) setPreviousPlace(placeWords(i18n, before));
    if (shownStatus.current === request.status && !placeMoved) return;
    shownStatus.current = request.status;
    if (placeMoved && request.facility)
      setAnnounced(changeWords(i18n, changeCauseFromHistory(request.history) ?? 'other', request.facility, distanceKm));
    else setAnnounced(`${t('follow.title')}: ${label('status', request.status)}`);
    // Keyed on the facility's id: a re-read of the same place is a new object, not a change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request.status, facilityId, t, label]);
  const nextStep = nextStepWords(i18n, request);
  // Once the shelter accepted, its intake line beside the address (the API gives it to whoever may see the address).
  const intakePhone = request.status === 'ACCEPTED' || request.status === 'PLACED' ? request.facility?.intakePhone : null;

  return (
    <section className="follow" data-request-id={request.id}>
      <h2 ref={heading} tabIndex={-1} data-testid="follow-heading">
        {t('follow.title')} <StatusBadge status={request.status} />
      </h2>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="status-announcement">
        {announced}
      </p>
      <ErrorMessage error={error ?? cancelState.error} />
      {changeText && ['OFFERED', 'ACCEPTED'].includes(request.status) && (
        <p className="place-changed" data-testid="place-changed" data-cause={changed}>
          <strong>{t('follow.changed')}:</strong> {changeText}
          {previousPlace && <span className="muted"> ({f('follow.changedFrom', { where: previousPlace })})</span>}
        </p>
      )}
      <dl className="facts">
        <dt>{t('request.urgency')}</dt>
        <dd>{label('urgency', request.urgency)}</dd>
        {request.facility && (
          <>
            <dt>{t('follow.facility')}</dt>
            <dd data-testid="offered-facility">
              {facilityName(i18n, request.facility)}{' '}
              <span className="muted">
                ({label('kind', request.facility.type)}, {request.facility.region.name})
              </span>
              {request.facility.address && <span className="address"> · {request.facility.address}</span>}
              {distanceKm !== null && (
                <span data-testid="offered-distance"> · {distanceWords(i18n, distanceKm, request.facility)}</span>
              )}
            </dd>
          </>
        )}
        {request.offerExpiresAt && request.status === 'OFFERED' && (
          <>
            <dt>{t('follow.offerExpires')}</dt>
            <dd data-testid="offer-countdown">
              <time dateTime={request.offerExpiresAt}>{countdownWords(i18n, request.offerExpiresAt, now).text}</time>
            </dd>
          </>
        )}
        {request.waitingReason && request.status === 'WAITING' && (
          <>
            <dt>{t('follow.why')}</dt>
            <dd data-testid="waiting-why" data-waiting={request.waitingReason}>
              {waitingWords(i18n, request)}
              {request.nextAttemptAt &&
                ` · ${forAuthority ? t('follow.opens') : t('follow.nextAttempt')} ${momentWords(i18n, request.nextAttemptAt, now)}`}
            </dd>
          </>
        )}
        {nextStep && (
          <>
            <dt>{t('follow.next')}</dt>
            <dd data-testid="next-step">
              {nextStep}
              {intakePhone && request.facility && (
                <span className="call-line">
                  {' '}
                  {t('follow.intakePhone')} <PhoneLink number={intakePhone} name={request.facility.name} />
                </span>
              )}
            </dd>
          </>
        )}
        {request.responsibleMunicipality && (
          <>
            <dt>{t('follow.responsible')}</dt>
            <dd>{request.responsibleMunicipality}</dd>
          </>
        )}
        {request.followUp && (
          <>
            <dt>{t('follow.followUp')}</dt>
            <dd data-testid="follow-up" data-status={request.followUp.status}>
              {followUpWords(i18n, request.followUp)}
            </dd>
          </>
        )}
      </dl>
      {showExpectation && request.status === 'WAITING' && (
        // Read again when the reason it waits changes: the expectation is about room.
        <PlaceExpectationNote key={request.waitingReason ?? ''} requestId={request.id} status={request.status} />
      )}
      {request.escalated && <p className="error-box">{t('follow.escalated')}</p>}
      {!request.escalated && request.status === 'WAITING' && request.waitingReason === 'NO_SUITABLE_PLACE' && (
        // The form's advice when nothing suits (matchFacilities' ESCALATE_OVD), repeated where she waits.
        <p className="warning-box" data-testid="case-advice" data-advice="ESCALATE_OVD">
          <strong>{t('match.advice')}:</strong> {label('advice', 'ESCALATE_OVD')}
        </p>
      )}
      <h3>{t('follow.history')}</h3>
      <ol className="history">
        {request.history.map((event, index) => {
          const note = historyNoteWords(i18n, event, regionName);
          return (
            <li key={index}>
              <time dateTime={event.at} title={momentWords(i18n, event.at, now)}>
                {whenWords(i18n, event.at, now)}
              </time>{' '}
              <StatusBadge status={event.status} /> {note && <span className="muted note">{note}</span>}
            </li>
          );
        })}
      </ol>
      {request.status === 'PLACED' && (
        // The requester ends the whole stay (or, for a group, some of it); the API refuses another
        // organisation's case, in words (FORBIDDEN).
        <EndStay request={request} placesHere={occupiedPlaces(request)} forWhom={t('cases.stayFor')} onEnded={() => undefined} />
      )}
      <div className="actions">
        {open && (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (reason.trim()) void cancel({ requestId: request.id, reason: reason.trim() });
            }}
          >
            <label className="reason-field">
              {t('request.cancelReason')}
              <input name="cancelReason" required value={reason} onChange={(event) => setReason(event.target.value)} />
            </label>
            <button type="submit" disabled={!reason.trim() || cancelState.fetching}>
              {t('request.cancel')}
            </button>
          </form>
        )}
        <button type="button" onClick={onNew}>
          {t('request.new')}
        </button>
      </div>
    </section>
  );
}

/** How many of the request are in a place now (all its occupied shares; the group size when not read). */
function occupiedPlaces(request: PlacementRequest): number {
  const occupied = (request.allocations ?? []).filter((allocation) => allocation.state === 'OCCUPIED');
  return occupied.length > 0 ? occupied.reduce((sum, allocation) => sum + allocation.places, 0) : request.groupSize;
}
