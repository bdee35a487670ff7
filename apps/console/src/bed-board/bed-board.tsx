import { useMemo, useState } from 'react';
import { useConnectionState } from '../api/connection';
import type { Facility } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../shell/viewer-context';
import { BedBoardFilters } from './bed-board-filters';
import { FacilityRow } from './facility-row';
import { type BedBoardFilter, useLiveFacilities } from './use-live-facilities';

/** Live capacity by region: the picture people used to phone around for. */
export function BedBoard() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const connection = useConnectionState();
  // Start with the caller's own region when they have exactly one: that is where they place.
  const [filter, setFilter] = useState<BedBoardFilter>({
    types: [],
    regionCode: viewer.regions.length === 1 ? viewer.regions[0] : '',
    availableOnly: false,
  });
  const { facilities, fetching, error, recentlyChanged } = useLiveFacilities(filter);
  const byRegion = useMemo(() => groupByRegion(facilities), [facilities]);
  // Counts the API shows; a secret address's count is withheld from all but its staff (issue 12).
  const totalFree = facilities.reduce((sum, facility) => sum + (facility.capacity?.available ?? 0), 0);

  return (
    <section>
      <div className="screen-title">
        <h1>{t('beds.title')}</h1>
        <span className={`connection connection-${connection}`} data-connection={connection}>
          {connection === 'live' ? t('beds.live') : t('beds.connecting')}
        </span>
      </div>
      <BedBoardFilters filter={filter} onChange={setFilter} />
      <ErrorMessage error={error} />
      <p className="summary">
        {t('beds.totalFree')}: <strong data-testid="total-free">{totalFree}</strong>
      </p>
      {fetching && facilities.length === 0 && <p>{t('loading')}</p>}
      {!fetching && facilities.length === 0 && !error && <p>{t('beds.none')}</p>}
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
              <FacilityRow key={facility.id} facility={facility} changed={recentlyChanged.has(facility.id)} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function groupByRegion(facilities: Facility[]): [string, Facility[]][] {
  const groups = new Map<string, Facility[]>();
  for (const facility of [...facilities].sort(
    (a, b) => a.region.name.localeCompare(b.region.name) || a.name.localeCompare(b.name),
  )) {
    const list = groups.get(facility.region.name) ?? [];
    list.push(facility);
    groups.set(facility.region.name, list);
  }
  return [...groups];
}
