import { useEffect } from 'react';
import { useQuery } from 'urql';
import { CaseNotificationsDocument } from '../api/generated';
import { ErrorMessage } from '../components/error-message';
import { NotificationList } from '../components/notification-list';
import { useI18n } from '../i18n/i18n';

/** An acknowledgement changes no request (no event brings it): read again this often while the page is open. */
const REREAD_MS = 15_000;

/** "Wie is ingelicht" on the case page: the organisations told of this case, and whether they saw it. */
export function CaseNotifications({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const [{ data, error }, reread] = useQuery({
    query: CaseNotificationsDocument,
    variables: { id: requestId },
    requestPolicy: 'network-only',
  });
  useEffect(() => {
    const timer = setInterval(() => reread({ requestPolicy: 'network-only' }), REREAD_MS);
    return () => clearInterval(timer);
  }, [reread]);
  const notifications = data?.placementRequest?.notifications;
  return (
    <section className="card case-notifications" aria-labelledby="notifications-heading" data-testid="case-notifications">
      <h2 id="notifications-heading">{t('notifications.title')}</h2>
      <ErrorMessage error={error} />
      {notifications ? <NotificationList notifications={notifications} /> : !error && <p>{t('loading')}</p>}
    </section>
  );
}
