import type { Facility } from '../api/types';
import { FreshnessBadge } from '../components/freshness-badge';
import { PhoneLink } from '../components/phone-link';
import { UpdatedAt } from '../components/updated-at';
import { useI18n } from '../i18n/i18n';
import type { FacilityDistance } from './distance';
import { facilityName } from '../components/facility-name';

/** One facility on the board: free places of total, how fresh, whether intake is open. */
export function FacilityRow({
  facility,
  changed,
  showRegion = false,
  notLiveSince,
  distance,
}: {
  facility: Facility;
  changed: boolean;
  /** In a list across regions (sorted by free places or name), each row says its region. */
  showRegion?: boolean;
  /** Given while the board is not live: when it last knew the figures current. */
  notLiveSince: Date | null;
  /** Sorted by distance: how far, in whole km (to the region's centre when the address is secret). */
  distance?: FacilityDistance;
}) {
  const { t, f, label } = useI18n();
  const { capacity, availability } = facility;
  // "Call to verify" with the number to call, where the API gave it (it withholds a secret address's).
  const verify = availability.freshness === 'STALE' || availability.freshness === 'UNKNOWN';
  return (
    <li
      className={`facility${changed ? ' changed' : ''}${availability.band === 'NONE' ? ' full' : ''}`}
      data-facility-id={facility.id}
    >
      <div className="facility-main">
        <strong className="facility-name">{facilityName({ f, label }, facility)}</strong>
        <span className="muted">
          {label('kind', facility.type)}
          {showRegion && ` · ${facility.region.name}`}
          {facility.municipality && ` · ${facility.municipality}`}
          {facility.secretAddress && ` · ${t('beds.secret')}`}
        </span>
        {/* Shown only when the API returned it: it withholds secret addresses from most callers. */}
        {facility.address && <span className="muted address">{facility.address}</span>}
        {distance && (
          <span className="muted" data-testid="distance" data-km={distance.km.toFixed(1)}>
            {f(distance.regionCentre ? 'beds.distanceRegion' : 'beds.distance', { km: String(Math.round(distance.km)) })}
          </span>
        )}
      </div>
      {capacity ? (
        <div className="facility-count">
          <span className="available" data-testid="available">
            {capacity.available}
          </span>{' '}
          <span className="muted">
            {t('beds.free')} {t('beds.of')} <span data-testid="total">{capacity.total}</span>
          </span>
          {capacity.expectedFree24h != null && capacity.expectedFree72h != null && (
            <span
              className="muted ahead"
              data-testid="ahead"
              data-in24={capacity.expectedFree24h}
              data-in72={capacity.expectedFree72h}
              title={t('beds.aheadTitle')}
            >
              {f('beds.ahead', { in24: String(capacity.expectedFree24h), in72: String(capacity.expectedFree72h) })}
            </span>
          )}
        </div>
      ) : (
        // A secret address's counts are its staff's only (issue 12): whether a place is free, no more.
        <div className="facility-count" data-counts="withheld">
          <span className="available" data-testid="available">
            {availability.band === 'NONE' ? '0' : '≥ 1'}
          </span>{' '}
          <span className="muted">
            {t('beds.free')} · {t('beds.countWithheld')}
          </span>
        </div>
      )}
      <div className="facility-meta">
        <FreshnessBadge freshness={availability.freshness} notLiveSince={notLiveSince} />
        {verify && facility.intakePhone && <PhoneLink number={facility.intakePhone} name={facility.name} />}
        {capacity && (
          <span className="muted">
            <UpdatedAt capacity={capacity} />
          </span>
        )}
        <span className={facility.intake.openNow ? 'open' : 'closed'}>
          {facility.intake.openNow ? t('beds.openNow') : t('beds.closedNow')}
        </span>
      </div>
    </li>
  );
}
