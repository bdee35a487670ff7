import type { CaseNotification } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { When } from './when';

/**
 * Who was told of a case, one line each: the organisation, what about and when, then whether its
 * system took it and whether a person there acknowledged it — in words, not only by colour.
 */
export function NotificationList({ notifications, now }: { notifications: CaseNotification[]; now?: number }) {
  const { t, label } = useI18n();
  if (notifications.length === 0)
    return (
      <p className="hint" data-testid="notifications-none">
        {t('notifications.none')}
      </p>
    );
  return (
    <ul className="notifications">
      {notifications.map((notification, index) => (
        <li
          key={index}
          data-organisation={notification.organisation}
          data-status={notification.status}
          data-acknowledged={notification.acknowledgedAt ? 'true' : 'false'}
        >
          <strong>{notification.organisation}</strong>
          {notification.contactFunction && notification.contactFunction !== 'OTHER' && (
            <span data-testid="contact-function"> ({label('notifications.function', notification.contactFunction)})</span>
          )}{' '}
          — {label('notifications.type', notification.type)}, {t('notifications.sent')} <When iso={notification.at} now={now} /> ·{' '}
          <DeliveryWords notification={notification} now={now} /> · <AcknowledgementWords notification={notification} now={now} />
        </li>
      ))}
    </ul>
  );
}

function DeliveryWords({ notification, now }: { notification: CaseNotification; now?: number }) {
  const { t } = useI18n();
  if (notification.status === 'DELIVERED')
    return (
      <span className="delivered">
        {t('notifications.delivered')}
        {notification.deliveredAt && (
          <>
            {' '}
            <When iso={notification.deliveredAt} now={now} />
          </>
        )}
      </span>
    );
  if (notification.status === 'DEAD') return <strong className="failed">{t('notifications.dead')}</strong>;
  return <span className="pending">{t('notifications.pending')}</span>;
}

function AcknowledgementWords({ notification, now }: { notification: CaseNotification; now?: number }) {
  const { t } = useI18n();
  if (!notification.acknowledgedAt) return <span className="muted">{t('notifications.notAcknowledged')}</span>;
  return (
    <span className="acknowledged">
      {t('notifications.acknowledged')} <When iso={notification.acknowledgedAt} now={now} />
    </span>
  );
}
