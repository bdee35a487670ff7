import { useMemo, useRef, useState } from 'react';
import { useConnectionState } from '../api/connection';
import type { PlacingAuthority } from '../api/types';
import { authorityName } from '../components/authority-name';
import { ErrorMessage } from '../components/error-message';
import { RegionSelect, useRegions } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import { CASE_PATH, WORKLIST_AUTHORITY } from '../shell/navigation';
import { useNavigation } from '../shell/use-screen';
import { useSession } from '../shell/viewer-context';
import { DecisionPanel } from './decision-panel';
import { useNow } from './use-now';
import { useWorklist, type WorklistRequest } from './use-worklist';
import { WorklistItem } from './worklist-item';

/**
 * The deciding authority's worklist (domain.md §5a): what waits for its decision, and deciding it.
 * The request being decided is in the address (`/worklist/<id>`), so it is found again after a
 * reload or from a colleague's link.
 */
export function WorklistScreen({ requestId }: { requestId: string | null }) {
  const { t } = useI18n();
  const { viewer } = useSession();
  const authority = WORKLIST_AUTHORITY[viewer.role];
  if (!authority) return <p>{t('shell.noScreens')}</p>;
  return <Worklist authority={authority} selectedId={requestId} />;
}

function Worklist({ authority, selectedId }: { authority: PlacingAuthority; selectedId: string | null }) {
  const { t, f, label } = useI18n();
  const { viewer } = useSession();
  const connection = useConnectionState();
  const regions = useRegions();
  const regionNames = useMemo(() => new Map(regions.map((region) => [region.code, region.name])), [regions]);
  const [regionCode, setRegionCode] = useState('');
  const { requests, totalCount, hasMore, showMore, fetching, error } = useWorklist(authority, regionCode);
  const now = useNow();
  const { selectOnWorklist, openCase } = useNavigation();
  // The request being decided, as last seen: it stays on screen when it leaves the list (decided here
  // or by a colleague), so the outcome can be read.
  const current = selectedId ? (requests.find((request) => request.id === selectedId) ?? null) : null;
  const [lastSeen, setLastSeen] = useState<WorklistRequest | null>(null);
  if (current && current !== lastSeen) setLastSeen(current);
  const selected = current ?? (lastSeen?.id === selectedId ? lastSeen : null);
  // An address naming a request this list does not hold (decided meanwhile, or not this worklist's).
  const unknown = selectedId !== null && selected === null && !fetching;
  const panel = useRef<HTMLDivElement>(null);
  const who = authorityName(label, authority, viewer.org === 'nidos' ? 'nidos' : null);

  return (
    <section>
      <div className="screen-title">
        <h1>{t('worklist.title')}</h1>
        <span className={`connection connection-${connection}`} data-connection={connection}>
          {connection === 'live' ? t('beds.live') : t('beds.connecting')}
        </span>
      </div>
      <p className="hint">{f('worklist.intro', { who })}</p>
      {viewer.regions.length !== 1 && (
        <div className="filters">
          <RegionSelect
            label={t('beds.region')}
            name="worklistRegion"
            value={regionCode}
            emptyLabel={t('worklist.allRegions')}
            onChange={setRegionCode}
          />
        </div>
      )}
      <ErrorMessage error={error} />
      <div className="worklist-layout">
        <div>
          <p className="summary">
            <strong data-testid="worklist-count">{totalCount}</strong> {t('worklist.waiting')}
          </p>
          {fetching && requests.length === 0 && <p>{t('loading')}</p>}
          {!fetching && requests.length === 0 && !error && <p data-testid="worklist-empty">{t('worklist.empty')}</p>}
          <ol className="worklist">
            {requests.map((request) => (
              <WorklistItem
                key={request.id}
                request={request}
                regionName={regionNames.get(request.regionCode) ?? request.regionCode}
                now={now}
                selected={request.id === selectedId}
                onSelect={() => {
                  setLastSeen(request);
                  selectOnWorklist(request.id);
                  // On a phone the decision is below the list: bring it into view.
                  requestAnimationFrame(() => panel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
                }}
              />
            ))}
          </ol>
          {hasMore && (
            <button type="button" onClick={showMore}>
              {t('worklist.more')}
            </button>
          )}
        </div>
        <div ref={panel} className="worklist-panel">
          {selected ? (
            <DecisionPanel key={selected.id} request={selected} gone={current === null} />
          ) : unknown ? (
            <p className="hint" data-testid="worklist-unknown">
              {t('worklist.gone')}{' '}
              <a
                href={`${CASE_PATH}${selectedId}`}
                onClick={(event) => {
                  event.preventDefault();
                  openCase(selectedId);
                }}
              >
                {t('decide.caseLink')}
              </a>
            </p>
          ) : selectedId ? (
            <p>{t('loading')}</p>
          ) : (
            <p className="hint">{t('worklist.choose')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
