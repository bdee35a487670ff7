import { NotificationList } from '../components/notification-list';
import { StatusBadge } from '../components/status-badge';
import { offerLabel } from '../desk/offer-card';
import { useI18n } from '../i18n/i18n';
import { momentWords } from '../i18n/time-words';
import { waitingWords } from '../request/waiting-words';
import { CASE_PATH } from '../shell/navigation';
import { useNavigation } from '../shell/use-screen';
import { elapsed } from '../worklist/duration';
import type { EscalatedRequest } from './use-escalations';

/**
 * One escalated request: how urgent, where, how long it has waited, why, and who was told (with
 * whether it arrived and whether they acknowledged it); the case itself one link away.
 */
export function EscalationItem({ request, regionName, now }: { request: EscalatedRequest; regionName: string; now: number }) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const { openCase } = useNavigation();
  const headingId = `escalation-${request.id}`;
  return (
    <li className="escalation card" data-request-id={request.id}>
      <h2 id={headingId} className="worklist-item-head">
        <span className={`badge urgency-${request.urgency.toLowerCase()}`} data-urgency={request.urgency}>
          {label('urgency', request.urgency)}
        </span>
        <span>{regionName}</span>
        <span className="muted offer-label">{offerLabel(request)}</span>
        <StatusBadge status={request.status} />
      </h2>
      <p data-testid="waited">
        {t('worklist.waited')}{' '}
        {elapsed(request.createdAt, now, { day: t('unit.day'), hour: t('unit.hour'), minute: t('unit.minute') })}{' '}
        <span className="muted">
          ({t('worklist.since')} <time dateTime={request.createdAt}>{momentWords(i18n, request.createdAt, now)}</time>)
        </span>
      </p>
      <p data-testid="escalation-why" data-waiting={request.waitingReason ?? ''}>
        <strong>{t('escalations.why')}:</strong> {escalationStateWords(i18n, request)}
      </p>
      <h3 className="told-heading">{t('escalations.told')}</h3>
      <NotificationList notifications={request.notifications} now={now} />
      <p>
        <a
          href={`${CASE_PATH}${request.id}`}
          data-testid="escalation-case-link"
          onClick={(event) => {
            event.preventDefault();
            openCase(request.id);
          }}
        >
          {t('escalations.openCase')}
          <span className="visually-hidden">
            {' '}
            — {f('escalations.caseOf', { label: offerLabel(request), region: regionName })}
          </span>
        </a>
      </p>
    </li>
  );
}

/** Why it is on the list now: why it waits, or, once a place is offered or accepted, that step. */
function escalationStateWords(i18n: ReturnType<typeof useI18n>, request: EscalatedRequest): string {
  if (request.status === 'OFFERED') return i18n.t('escalations.offered');
  if (request.status === 'ACCEPTED') return i18n.t('escalations.accepted');
  return request.waitingReason ? waitingWords(i18n, request) : i18n.t('escalations.noReason');
}
