import { useMemo, useState } from 'react';
import { useConnectionState, useNotLiveSince } from '../api/connection';
import type { Facility, RegionWithCentre } from '../api/types';
import { hasCode } from '../api/errors';
import { ErrorMessage } from '../components/error-message';
import { useRegions } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import { KeptBoardNotice } from '../offline/kept-board-notice';
import { useOnline } from '../offline/use-online';
import { useKeptBoard, useViewerKey } from '../offline/use-kept-board';
import { useSession } from '../shell/viewer-context';
import { BedBoardFilters } from './bed-board-filters';
import { BED_SORTS, type BedSort } from './bed-sort';
import { BoardRows } from './board-rows';
import { type BedBoardFilter, matchesFilter, useLiveFacilities } from './use-live-facilities';

/**
 * Live capacity by region: the picture people used to phone around for. Without a network it shows
 * the last board this viewer saw, marked not live (offline/kept-board.ts).
 */
export function BedBoard() {
  const { t } = useI18n();
  const { viewer, token } = useSession();
  const connection = useConnectionState();
  // Start with the caller's own regions when the token names some: that is where they place (all
  // regions stay one tap away, beside the sorting).
  const [filter, setFilter] = useState<BedBoardFilter>({ types: [], regionCodes: viewer.regions, availableOnly: false });
  const [sort, setSort] = useState<BedSort>('region');
  const { facilities: live, fetching, error, recentlyChanged } = useLiveFacilities(filter);
  const notLiveSince = useNotLiveSince();

  const online = useOnline();
  const offline = !online || hasCode(error, 'NETWORK');
  const kept = useKeptBoard(useViewerKey(token()), {
    facilities: live,
    fromApi: !fetching && !error,
    live: connection === 'live',
    offline,
  });
  const keptShown = useMemo(
    () => (kept ? kept.facilities.filter((facility) => matchesFilter(facility, filter)) : null),
    [kept, filter],
  );
  const facilities = keptShown ?? live;
  // Distances are measured from a region's centre: the viewer's own region unless they choose another
  // (offline, from the regions on the kept board).
  const allRegions = useRegions();
  const regions = useMemo(() => (allRegions.length > 0 ? allRegions : regionsOf(facilities)), [allRegions, facilities]);
  const [originCode, setOriginCode] = useState<string | null>(null);
  const originRegion = regions.find((region) => region.code === (originCode ?? viewer.regions[0])) ?? regions[0] ?? null;
  const showingAll = filter.regionCodes.length === 0;
  // Counts the API shows; a secret address's count is withheld from all but its staff (issue 12).
  const totalFree = facilities.reduce((sum, facility) => sum + (facility.capacity?.available ?? 0), 0);

  return (
    <section>
      <div className="screen-title">
        <h1>{t('beds.title')}</h1>
        <span
          className={`connection connection-${kept ? 'offline' : connection}`}
          data-connection={kept ? 'offline' : connection}
        >
          {kept ? t('offline.notLive') : connection === 'live' ? t('beds.live') : t('beds.connecting')}
        </span>
      </div>
      {kept && <KeptBoardNotice savedAt={kept.savedAt} />}
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
        {sort === 'distance' && originRegion && (
          <label>
            {t('beds.distanceFrom')}
            <select name="distanceFrom" value={originRegion.code} onChange={(event) => setOriginCode(event.target.value)}>
              {regions.map((region) => (
                <option key={region.code} value={region.code}>
                  {region.name}
                </option>
              ))}
            </select>
          </label>
        )}
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
      {!kept && <ErrorMessage error={error} />}
      <p className="summary">
        {t('beds.totalFree')}: <strong data-testid="total-free">{totalFree}</strong>
      </p>
      {!kept && fetching && facilities.length === 0 && <p>{t('loading')}</p>}
      {(kept || !fetching) && facilities.length === 0 && !(error && !kept) && <p>{t('beds.none')}</p>}
      <BoardRows
        facilities={facilities}
        sort={sort}
        origin={originRegion}
        recentlyChanged={kept ? undefined : recentlyChanged}
        notLiveSince={kept ? new Date(kept.savedAt) : notLiveSince}
      />
    </section>
  );
}

function regionsOf(facilities: Facility[]): RegionWithCentre[] {
  return [...new Map(facilities.map((facility) => [facility.region.code, facility.region])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}
