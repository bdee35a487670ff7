import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmArrivalDocument, type DeclineReason, type DeskRequestsQuery, RespondToOfferDocument } from '../api/generated';
import type { PlacementRequest } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { StatusBadge } from '../components/status-badge';
import { placesWords } from '../i18n/api-words';
import { useI18n } from '../i18n/i18n';
import { clockWords, countdownWords } from '../i18n/time-words';
import { useNow } from '../worklist/use-now';
import { ProfileSummaryText } from '../worklist/profile-summary-text';
import { facilityName } from '../components/facility-name';

/** The codes a shelter picks from when declining (DeclineReason; NOT_CODED is what no choice means). */
const DECLINE_REASONS = ['NO_PLACE_FREE', 'OUTSIDE_TARGET_GROUP', 'CONTRA_INDICATION', 'SAFETY', 'OTHER'] as const;

/** An offer or a stay as the desk reads it (DeskRequestsDocument, DeskStaysDocument: RequestFields and SummaryFields). */
export type DeskRequest = DeskRequestsQuery['placementRequests']['edges'][number]['node'];

/** A short label for one request, the same wherever it is shown: "#3F2A9C" (the start of its id). */
export function offerLabel(request: Pick<PlacementRequest, 'id'>): string {
  return `#${request.id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

/**
 * One offer to this shelter: who (the minimal profile), how long it stays open (a countdown, ticking
 * each second), accept or decline with a reason. Every button names the offer and the facility, so
 * two offers never give two identical "Accepteren" buttons.
 */
export function OfferCard({ request, fresh = false }: { request: DeskRequest; fresh?: boolean }) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const [respond, sendRespond] = useMutation(RespondToOfferDocument);
  const [arrival, sendArrival] = useMutation(ConfirmArrivalDocument);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const status = arrival.data?.confirmArrival.status ?? respond.data?.respondToOffer.status ?? request.status;
  const now = useNow(status === 'OFFERED' ? 1_000 : 60_000);
  const facility = request.facility ? facilityName(i18n, request.facility) : '—';
  const forOffer = <span className="visually-hidden"> — {f('offers.for', { label: offerLabel(request), facility })}</span>;
  const countdown = request.offerExpiresAt ? countdownWords(i18n, request.offerExpiresAt, now) : null;
  // A parallel offer another shelter accepted first: said so, with when, and nothing left to do here.
  const takenElsewhere = request.parallelOffer?.takenElsewhereAt ?? null;
  const alsoOfferedTo = request.parallelOffer?.alsoOfferedTo ?? 0;

  return (
    <article
      className={`card offer-card${fresh ? ' fresh' : ''}`}
      data-request-id={request.id}
      data-status={status}
      tabIndex={-1}
      aria-labelledby={`offer-${request.id}`}
    >
      <header>
        <h3 id={`offer-${request.id}`}>
          {/* Taken elsewhere: no facility (she is not coming here), so none is named. */}
          {request.facility && <>{facility} </>}
          <span className="muted offer-label">{offerLabel(request)}</span> {!takenElsewhere && <StatusBadge status={status} />}
        </h3>
        <span className="muted">
          {label('urgency', request.urgency)} · {placesWords(i18n, request.groupSize)}
        </span>
      </header>
      {request.profileSummary && (
        <p>
          {t('desk.profile')}: <ProfileSummaryText summary={request.profileSummary} />
        </p>
      )}
      {takenElsewhere ? (
        <p className="taken-elsewhere" data-testid="taken-elsewhere">
          {f('offers.takenElsewhere', { time: clockWords(i18n, takenElsewhere) })}
        </p>
      ) : (
        alsoOfferedTo > 0 && (
          <p className="muted" data-testid="also-offered">
            {f('offers.alsoOffered', { count: String(alsoOfferedTo) })}
          </p>
        )
      )}
      {status === 'OFFERED' && countdown && (
        <p className={`countdown${countdown.urgent ? ' urgent' : ''}`}>
          {t('follow.offerExpires')}:{' '}
          <time dateTime={request.offerExpiresAt!} data-testid="offer-countdown">
            {countdown.text}
          </time>
        </p>
      )}
      <ErrorMessage error={respond.error ?? arrival.error} />
      {status === 'OFFERED' && !declining && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={respond.fetching || countdown?.expired}
            onClick={() => void sendRespond({ input: { requestId: request.id, accept: true } })}
          >
            {t('desk.accept')}
            {forOffer}
          </button>
          <button type="button" onClick={() => setDeclining(true)}>
            {t('desk.decline')}
            {forOffer}
          </button>
        </div>
      )}
      {status === 'OFFERED' && declining && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim())
              void sendRespond({
                input: {
                  requestId: request.id,
                  accept: false,
                  declineReason: reason.trim(),
                  // The select offers only DECLINE_REASONS.
                  ...(reasonCode ? { declineReasonCode: reasonCode as DeclineReason } : {}),
                },
              });
          }}
        >
          <label>
            {t('desk.declineReasonCode')}
            <select name="declineReasonCode" value={reasonCode} onChange={(event) => setReasonCode(event.target.value)}>
              <option value="">—</option>
              {DECLINE_REASONS.map((code) => (
                <option key={code} value={code}>
                  {label('declineReason', code)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('desk.declineReason')}
            <input name="declineReason" value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />
          </label>
          <button type="submit" disabled={!reason.trim() || respond.fetching}>
            {t('desk.decline')}
            {forOffer}
          </button>
        </form>
      )}
      {status === 'ACCEPTED' && !takenElsewhere && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={arrival.fetching}
            onClick={() => void sendArrival({ requestId: request.id })}
          >
            {t('desk.arrived')}
            {forOffer}
          </button>
        </div>
      )}
    </article>
  );
}
