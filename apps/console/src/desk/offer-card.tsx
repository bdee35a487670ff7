import { useState } from 'react';
import { useMutation } from 'urql';
import { CONFIRM_ARRIVAL, RESPOND_TO_OFFER } from '../api/documents';
import type { PlacementRequest, ProfileSummary } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { StatusBadge } from '../components/status-badge';
import { useI18n } from '../i18n/i18n';

export type DeskRequest = PlacementRequest & { profileSummary: ProfileSummary | null };

/** One offer to this shelter: who (the minimal profile), until when, accept or decline with a reason. */
export function OfferCard({ request }: { request: DeskRequest }) {
  const { t, label, dateTime } = useI18n();
  const [respond, sendRespond] = useMutation<{ respondToOffer: PlacementRequest }>(RESPOND_TO_OFFER);
  const [arrival, sendArrival] = useMutation<{ confirmArrival: PlacementRequest }>(CONFIRM_ARRIVAL);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const status = arrival.data?.confirmArrival.status ?? respond.data?.respondToOffer.status ?? request.status;
  const profile = request.profileSummary;

  return (
    <article className="card offer-card" data-request-id={request.id} data-status={status}>
      <header>
        <h3>
          {request.facility?.name ?? '—'} <StatusBadge status={status} />
        </h3>
        <span className="muted">
          {label('urgency', request.urgency)} · {request.groupSize} {t('desk.places')}
        </span>
      </header>
      {profile && (
        <p>
          {t('desk.profile')}: {label('gender', profile.gender)}, {profile.ageBand}
          {profile.careNeeds.length > 0 && `, ${profile.careNeeds.map((need) => label('care', need)).join(', ')}`}
          {profile.accompanyingChildren > 0 && `, ${t('request.children').toLowerCase()}: ${profile.accompanyingChildren}`}
          {profile.languages.length > 0 && `, ${profile.languages.join(', ')}`}
        </p>
      )}
      {status === 'OFFERED' && request.offerExpiresAt && (
        <p className="muted">
          {t('follow.offerExpires')} {dateTime(request.offerExpiresAt)}
        </p>
      )}
      <ErrorMessage error={respond.error ?? arrival.error} />
      {status === 'OFFERED' && !declining && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={respond.fetching}
            onClick={() => void sendRespond({ input: { requestId: request.id, accept: true } })}
          >
            {t('desk.accept')}
          </button>
          <button type="button" onClick={() => setDeclining(true)}>
            {t('desk.decline')}
          </button>
        </div>
      )}
      {status === 'OFFERED' && declining && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim())
              void sendRespond({ input: { requestId: request.id, accept: false, declineReason: reason.trim() } });
          }}
        >
          <input
            name="declineReason"
            placeholder={t('desk.declineReason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            autoFocus
          />
          <button type="submit" disabled={!reason.trim() || respond.fetching}>
            {t('desk.decline')}
          </button>
        </form>
      )}
      {status === 'ACCEPTED' && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={arrival.fetching}
            onClick={() => void sendArrival({ requestId: request.id })}
          >
            {t('desk.arrived')}
          </button>
        </div>
      )}
    </article>
  );
}
