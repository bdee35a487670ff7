import { useCallback, useMemo } from 'react';
import type { Facility } from '../api/types';
import { facilityName } from '../components/facility-name';
import { useI18n } from '../i18n/i18n';
import { type BedSort, groupByRegion, sortFacilities } from './bed-sort';
import { distanceFrom, type Place } from './distance';
import { FacilityRow } from './facility-row';

const NOTHING_CHANGED: ReadonlySet<string> = new Set();

/** The board's rows: per region under a heading, or one list sorted across regions. */
export function BoardRows(props: {
  facilities: Facility[];
  sort: BedSort;
  /** Where distances are measured from (sorting by distance). */
  origin: Place | null;
  recentlyChanged?: ReadonlySet<string>;
  /** Given while the figures are not kept live: when they were last known current. */
  notLiveSince: Date | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { facilities, sort, origin, notLiveSince } = props;
  const changed = props.recentlyChanged ?? NOTHING_CHANGED;
  const nameOf = useCallback((facility: Facility) => facilityName(i18n, facility), [i18n]);
  const byRegion = useMemo(() => groupByRegion(facilities, nameOf), [facilities, nameOf]);
  const sorted = useMemo(
    () => (sort === 'region' ? [] : sortFacilities(facilities, sort, origin, nameOf)),
    [facilities, sort, origin, nameOf],
  );
  if (sort !== 'region') {
    if (sorted.length === 0) return null;
    return (
      <ul className="facility-list" data-sort={sort}>
        {sorted.map((facility) => (
          <FacilityRow
            key={facility.id}
            facility={facility}
            changed={changed.has(facility.id)}
            showRegion
            notLiveSince={notLiveSince}
            distance={sort === 'distance' && origin ? distanceFrom(origin, facility) : undefined}
          />
        ))}
      </ul>
    );
  }
  return (
    <>
      {byRegion.map(([regionName, list]) => (
        <section key={regionName} className="region">
          <h2>
            {regionName}{' '}
            <span className="muted">
              ({list.reduce((sum, facility) => sum + (facility.capacity?.available ?? 0), 0)} {t('beds.free')})
            </span>
          </h2>
          <ul className="facility-list">
            {list.map((facility) => (
              <FacilityRow key={facility.id} facility={facility} changed={changed.has(facility.id)} notLiveSince={notLiveSince} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
