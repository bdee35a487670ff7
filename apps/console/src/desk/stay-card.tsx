import type { PlacementRequest } from '../api/types';
import { facilityName } from '../components/facility-name';
import { When } from '../components/when';
import { placesWords } from '../i18n/api-words';
import { useI18n } from '../i18n/i18n';
import { EndStay, type StayEnded } from '../stay/end-stay';
import { ProfileSummaryText } from '../worklist/profile-summary-text';
import { type DeskRequest, offerLabel } from './offer-card';

/** How many of the request are in this viewer's facilities now (a group may be spread over several shelters). */
export function placesHere(request: Pick<PlacementRequest, 'allocations' | 'groupSize'>, facilityIds: string[]): number {
  const here = (request.allocations ?? []).filter(
    (allocation) => allocation.state === 'OCCUPIED' && facilityIds.includes(allocation.facility.id),
  );
  return here.length > 0 ? here.reduce((sum, allocation) => sum + allocation.places, 0) : request.groupSize;
}

/** One stay at this shelter: who (the minimal profile), since when, and ending it when she leaves. */
export function StayCard({
  request,
  facilityIds,
  onEnded,
}: {
  request: DeskRequest;
  facilityIds: string[];
  onEnded(ended: StayEnded): void;
}) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const facility = request.facility ? facilityName(i18n, request.facility) : '—';
  const here = placesHere(request, facilityIds);
  return (
    <article className="card stay-card" data-request-id={request.id} aria-labelledby={`stay-${request.id}`}>
      <header>
        <h3 id={`stay-${request.id}`}>
          {facility} <span className="muted offer-label">{offerLabel(request)}</span>
        </h3>
        <span className="muted">
          {label('urgency', request.urgency)} · {placesWords(i18n, request.groupSize)}
          {here !== request.groupSize && <> · {f('desk.placesHere', { n: String(here) })}</>}
          {request.placedAt && (
            <>
              {' '}
              · {t('desk.placedSince')} <When iso={request.placedAt} />
            </>
          )}
        </span>
      </header>
      {request.profileSummary && (
        <p>
          {t('desk.profile')}: <ProfileSummaryText summary={request.profileSummary} />
        </p>
      )}
      <EndStay
        request={request}
        placesHere={here}
        forWhom={f('desk.stayFor', { label: offerLabel(request), facility })}
        onEnded={onEnded}
      />
    </article>
  );
}
