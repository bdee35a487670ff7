import { useMemo, useState } from 'react';
import { useConnectionState, useNotLiveSince } from '../api/connection';
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
  // Start with the caller's own regions when the token names some: that is where they place (all
  // regions stay one tap away, beside the sorting).
  const [filter, setFilter] = useState<BedBoardFilter>({ types: [], regionCodes: viewer.regions, availableOnly: false });
  const [sort, setSort] = useState<BedSort>('region');
  const { facilities, fetching, error, recentlyChanged } = useLiveFacilities(filter);
  const notLiveSince = useNotLiveSince();
  const byRegion = useMemo(() => groupByRegion(facilities), [facilities]);
  const sorted = useMemo(() => sortFacilities(facilities, sort), [facilities, sort]);
  const showingAll = filter.regionCodes.length === 0;
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
      <BedBoardFilters filter={filter} ownRegions={viewer.regions} onChange={setFilter} />
      <div className="board-tools">
        <label>
          {t('beds.sort')}
          <select name="sort" value={sort} onChange={(event) => setSort(event.target.value as BedSort)}>
            {BED_SORTS.map((option) => (
              <option key={option} value={option}>
                {t(`beds.sort.${option}`)}
              </option>
            ))}
          </select>
        </label>
        {viewer.regions.length > 0 && (
          <button
            type="button"
            data-testid="region-toggle"
            onClick={() => setFilter({ ...filter, regionCodes: showingAll ? viewer.regions : [] })}
          >
            {showingAll ? t('beds.showMine') : t('beds.showAll')}
          </button>
        )}
      </div>
      <ErrorMessage error={error} />
      <p className="summary">
        {t('beds.totalFree')}: <strong data-testid="total-free">{totalFree}</strong>
      </p>
      {fetching && facilities.length === 0 && <p>{t('loading')}</p>}
      {!fetching && facilities.length === 0 && !error && <p>{t('beds.none')}</p>}
      {sort !== 'region' && sorted.length > 0 && (
        <ul className="facility-list" data-sort={sort}>
          {sorted.map((facility) => (
            <FacilityRow
              key={facility.id}
              facility={facility}
              changed={recentlyChanged.has(facility.id)}
              showRegion
              notLiveSince={notLiveSince}
            />
          ))}
        </ul>
      )}
      {sort === 'region' &&
        byRegion.map(([regionName, list]) => (
          <section key={regionName} className="region">
            <h2>
              {regionName}{' '}
              <span className="muted">
                ({list.reduce((sum, facility) => sum + (facility.capacity?.available ?? 0), 0)} {t('beds.free')})
              </span>
            </h2>
            <ul className="facility-list">
              {list.map((facility) => (
                <FacilityRow
                  key={facility.id}
                  facility={facility}
                  changed={recentlyChanged.has(facility.id)}
                  notLiveSince={notLiveSince}
                />
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}

const BED_SORTS = ['region', 'free', 'name'] as const;
type BedSort = (typeof BED_SORTS)[number];

/** Free places as far as the viewer may know them: a withheld count with a free place counts as one. */
function freeOf(facility: Facility): number {
  return facility.capacity?.available ?? (facility.availability.band === 'NONE' ? 0 : 1);
}

/** One list across regions: most free places first, or by name (ties by name). */
function sortFacilities(facilities: Facility[], sort: BedSort): Facility[] {
  const byName = (a: Facility, b: Facility) => a.name.localeCompare(b.name);
  return [...facilities].sort(sort === 'free' ? (a, b) => freeOf(b) - freeOf(a) || byName(a, b) : byName);
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
