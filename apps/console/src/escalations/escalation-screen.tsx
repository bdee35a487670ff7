import { useMemo, useState } from 'react';
import { useConnectionState } from '../api/connection';
import { ErrorMessage } from '../components/error-message';
import { RegionSelect, useRegions } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../shell/viewer-context';
import { useNow } from '../worklist/use-now';
import { EscalationItem } from './escalation-item';
import { useEscalations } from './use-escalations';

/**
 * The escalation worklist (issue 14): the escalated requests of this coordinator's regions (CoMensha:
 * the whole country) that have no place yet, the most urgent and longest waiting first, each with
 * why it waits and who was told. Live, like the other worklists.
 */
export function EscalationScreen() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const connection = useConnectionState();
  const regions = useRegions();
  const regionNames = useMemo(() => new Map(regions.map((region) => [region.code, region.name])), [regions]);
  const [regionCode, setRegionCode] = useState('');
  const { requests, totalCount, hasMore, showMore, fetching, error } = useEscalations(regionCode);
  const now = useNow(30_000);
  const national = viewer.regions.length === 0;

  return (
    <section>
      <div className="screen-title">
        <h1>{t('escalations.title')}</h1>
        <span className={`connection connection-${connection}`} data-connection={connection}>
          {connection === 'live' ? t('beds.live') : t('beds.connecting')}
        </span>
      </div>
      <p className="hint">{national ? t('escalations.introAll') : t('escalations.introRegions')}</p>
      {viewer.regions.length !== 1 && (
        <div className="filters">
          <RegionSelect
            label={t('beds.region')}
            name="escalationRegion"
            value={regionCode}
            emptyLabel={t('worklist.allRegions')}
            onChange={setRegionCode}
          />
        </div>
      )}
      <ErrorMessage error={error} />
      <p className="summary">
        <strong data-testid="escalation-count">{totalCount}</strong> {t('escalations.count')}
      </p>
      {fetching && requests.length === 0 && <p>{t('loading')}</p>}
      {!fetching && requests.length === 0 && !error && (
        <p data-testid="escalations-empty">{national ? t('escalations.emptyAll') : t('escalations.empty')}</p>
      )}
      <ol className="escalations">
        {requests.map((request) => (
          <EscalationItem
            key={request.id}
            request={request}
            regionName={regionNames.get(request.regionCode) ?? request.regionCode}
            now={now}
          />
        ))}
      </ol>
      {hasMore && (
        <button type="button" onClick={showMore}>
          {t('escalations.more')}
        </button>
      )}
    </section>
  );
}
