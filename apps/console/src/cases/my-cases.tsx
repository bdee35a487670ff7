import { useMemo, useState } from 'react';
import { useConnectionState } from '../api/connection';
import type { PlacementStatus, Role, Urgency } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useRegions } from '../components/region-select';
import { StatusBadge } from '../components/status-badge';
import { When } from '../components/when';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { URGENCIES } from '../request/profile';
import { waitingWords } from '../request/waiting-words';
import { pathOf } from '../shell/navigation';
import { useNavigation } from '../shell/use-screen';
import { useSession } from '../shell/viewer-context';
import { useNow } from '../worklist/use-now';
import { OPEN_STATUSES, useMyCases } from './use-my-cases';
import { facilityName } from '../components/facility-name';

const STATUSES: PlacementStatus[] = ['RECEIVED', 'MATCHING', 'WAITING', 'OFFERED', 'ACCEPTED', 'PLACED', 'ENDED', 'CANCELLED'];

/** Which requests the API lets each role see, in words (placement-access.ts): said above the list. */
const SCOPE: Partial<Record<Role, MessageKey>> = {
  POLICE: 'cases.scopeOrganisation',
  ZORGCOORDINATOR: 'cases.scopeRegions',
  COMENSHA: 'cases.scopeAll',
  NLA: 'cases.scopeOrganisationAndWorklist',
  JEUGDBESCHERMING: 'cases.scopeOrganisationAndWorklist',
};

/**
 * "Mijn aanvragen": the requests this person may see (the API scopes them per role), newest first,
 * each with its status live, why it waits and who decides, in words; each opens at its own address.
 * The API filters them (status, urgency, only mine) and puts the newest first.
 */
export function MyCases() {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  // One clock for every row's "ingediend 3 min geleden".
  const now = useNow(30_000);
  const { viewer } = useSession();
  const { openCase } = useNavigation();
  const connection = useConnectionState();
  const regions = useRegions();
  const regionNames = useMemo(() => new Map(regions.map((region) => [region.code, region.name])), [regions]);
  const [statusChoice, setStatusChoice] = useState<string>('open');
  const [urgency, setUrgency] = useState('');
  // CoMensha sees every request in the country: its own are the ones it submitted.
  const [onlyMine, setOnlyMine] = useState(viewer.role === 'COMENSHA');
  const statuses = useMemo<PlacementStatus[]>(
    () => (statusChoice === 'open' ? OPEN_STATUSES : statusChoice === '' ? [] : [statusChoice as PlacementStatus]),
    [statusChoice],
  );
  const {
    cases: shown,
    complete,
    fetching,
    error,
  } = useMyCases({
    statuses,
    urgency: urgency ? (urgency as Urgency) : null,
    mine: onlyMine,
  });
  const scope = SCOPE[viewer.role];

  return (
    <section className="my-cases">
      <div className="screen-title">
        <h1>{t('cases.title')}</h1>
        <span className={`connection connection-${connection}`} data-connection={connection}>
          {connection === 'live' ? t('beds.live') : t('beds.connecting')}
        </span>
      </div>
      {scope && <p className="hint">{t(scope)}</p>}
      <div className="filters">
        <label>
          {t('cases.status')}
          <select name="caseStatus" value={statusChoice} onChange={(event) => setStatusChoice(event.target.value)}>
            <option value="open">{t('cases.statusOpen')}</option>
            <option value="">{t('cases.statusAll')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {label('status', status)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('request.urgency')}
          <select name="caseUrgency" value={urgency} onChange={(event) => setUrgency(event.target.value)}>
            <option value="">{t('cases.urgencyAll')}</option>
            {URGENCIES.map((value) => (
              <option key={value} value={value}>
                {label('urgency', value)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" name="onlyMine" checked={onlyMine} onChange={(event) => setOnlyMine(event.target.checked)} />
          {t('cases.onlyMine')}
        </label>
      </div>
      <ErrorMessage error={error} />
      {fetching ? (
        <p>{t('loading')}</p>
      ) : (
        <p className="summary" aria-live="polite">
          <strong data-testid="case-count">{shown.length}</strong>{' '}
          {shown.length === 1 ? t('cases.countOne') : t('cases.countMany')}
        </p>
      )}
      {!complete && <p className="hint">{t('cases.incomplete')}</p>}
      {!fetching && shown.length === 0 && !error && <p data-testid="cases-empty">{t('cases.empty')}</p>}
      <ol className="case-list">
        {shown.map((row) => (
          <li key={row.id} data-request-id={row.id} data-status={row.status}>
            <a
              className="case-item"
              href={pathOf({ screen: 'cases', caseId: row.id })}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return; // a new tab
                event.preventDefault();
                openCase(row.id);
              }}
            >
              <span className="case-item-head">
                <StatusBadge status={row.status} />
                <span className={`badge urgency-${row.urgency.toLowerCase()}`} data-urgency={row.urgency}>
                  {label('urgency', row.urgency)}
                </span>
                <strong>{regionNames.get(row.regionCode) ?? t('cases.regionUnknown')}</strong>
                {row.groupSize > 1 && <span className="badge">{f('cases.group', { count: String(row.groupSize) })}</span>}
                {row.escalated && <span className="badge status-escalated">{t('worklist.escalated')}</span>}
              </span>
              <span className="muted">
                {t('cases.submitted')} <When iso={row.createdAt} now={now} />
              </span>
              {row.facility && (
                <span data-testid="case-facility">
                  {/* A list reads no address (CaseRowFields), so whether the viewer may locate a secret-address
                      facility is not known here: it is named by kind and region, in the viewer's language. */}
                  {t('follow.facility')}: {facilityName(i18n, { ...row.facility, address: null })}
                </span>
              )}
              {row.status === 'WAITING' && row.waitingReason && (
                <span data-testid="case-waiting" data-waiting={row.waitingReason}>
                  {waitingWords(i18n, row)}
                </span>
              )}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
