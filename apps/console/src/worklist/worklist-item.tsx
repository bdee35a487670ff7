import { authorityName, capitalised } from '../components/authority-name';
import { useI18n } from '../i18n/i18n';
import { momentWords } from '../i18n/time-words';
import { elapsed } from './duration';
import { ProfileSummaryText } from './profile-summary-text';
import type { WorklistRequest } from './use-worklist';

/**
 * One request on the worklist: urgency, region, how long it has waited, the minimal profile, and
 * whether the deciding authority is open now (`waitingForAuthorityOpensAt`: when it opens, from the
 * API's calendar).
 */
export function WorklistItem(props: {
  request: WorklistRequest;
  regionName: string;
  now: number;
  selected: boolean;
  onSelect(): void;
}) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const { request } = props;
  const who = request.waitingForAuthority
    ? capitalised(authorityName(label, request.waitingForAuthority, request.waitingForOrganisation))
    : '';
  // The API's word, from its calendar and clock, not this device's.
  const closedUntil = request.waitingForAuthorityOpensAt;
  return (
    <li>
      <button
        type="button"
        className="worklist-item"
        aria-pressed={props.selected}
        data-request-id={request.id}
        onClick={props.onSelect}
      >
        <span className="worklist-item-head">
          <span className={`badge urgency-${request.urgency.toLowerCase()}`} data-urgency={request.urgency}>
            {label('urgency', request.urgency)}
          </span>
          <strong>{props.regionName}</strong>
          {request.escalated && <span className="badge status-escalated">{t('worklist.escalated')}</span>}
          {request.waitingForOrganisation && (
            <span className="badge">
              {f('worklist.forOrganisation', { org: authorityName(label, 'JEUGDBESCHERMING', request.waitingForOrganisation) })}
            </span>
          )}
        </span>
        <span className="worklist-item-waited" data-testid="waited">
          {t('worklist.waited')}{' '}
          {elapsed(request.createdAt, props.now, { day: t('unit.day'), hour: t('unit.hour'), minute: t('unit.minute') })}{' '}
          <span className="muted">
            ({t('worklist.since')} <time dateTime={request.createdAt}>{momentWords(i18n, request.createdAt, props.now)}</time>)
          </span>
        </span>
        <ProfileSummaryText summary={request.profileSummary} />
        {who && (
          <span className={closedUntil ? 'closed' : 'open'} data-authority-open={closedUntil ? 'false' : 'true'}>
            {closedUntil
              ? f('worklist.closedNow', { who, at: momentWords(i18n, closedUntil, props.now) })
              : f('worklist.openNow', { who })}
          </span>
        )}
      </button>
    </li>
  );
}
