import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { RegistrationList } from '../registration/registration-list';
import { useSession } from '../shell/viewer-context';
import { CapacityNowChart } from './capacity-now-chart';
import './charts';
import { DashboardControls } from './dashboard-controls';
import { OccupancyHistoryChart } from './occupancy-history-chart';
import { defaultSelection } from './period';
import { PlacementStatisticsTable } from './placement-statistics-table';
import { ResponseFiguresTable } from './response-figures-table';
import { StaleShareChart } from './stale-share-chart';
import { TimeToPlacementChart } from './time-to-placement-chart';
import { UnmetDemandChart } from './unmet-demand-chart';

/**
 * Planners: how full, how stale the figures were, how much demand went unmet, how long placement
 * takes, how quickly shelters answer; most as CSV too.
 */
export function PlannerDashboard() {
  const { t } = useI18n();
  const { viewer } = useSession();
  // Start with the planner's own region when they have exactly one.
  const [selection, setSelection] = useState(() => defaultSelection(viewer.regions.length === 1 ? viewer.regions[0] : ''));
  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <DashboardControls selection={selection} onChange={setSelection} />
      <div className="dashboard">
        <CapacityNowChart regionCode={selection.regionCode} />
        <OccupancyHistoryChart selection={selection} />
        <StaleShareChart selection={selection} />
        <UnmetDemandChart selection={selection} />
        <TimeToPlacementChart selection={selection} />
        <ResponseFiguresTable selection={selection} />
        <PlacementStatisticsTable year={selection.year} />
      </div>
      {/* Who reports and who keeps the registration (002:803): coordinators and CoMensha. */}
      {(viewer.role === 'COMENSHA' || viewer.role === 'ZORGCOORDINATOR') && <RegistrationList />}
    </section>
  );
}
