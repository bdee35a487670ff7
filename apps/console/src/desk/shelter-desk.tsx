import { useI18n } from '../i18n/i18n';
import { useSession } from '../shell/viewer-context';
import { CapacityCard } from './capacity-card';
import { FiguresNudges } from './figures-nudge';
import { OfferList } from './offer-list';
import { ResponseFigures } from './response-figures';
import { StayList } from './stay-list';
import { useLiveCapacity } from './use-live-capacity';

/**
 * Shelter staff: the offers to answer first (pinned at the top, on a phone too), then whether their
 * figures still hold ("klopt het nog?"), then who stays here (to end a stay with its outcome), how
 * quickly they answered offers ("uw reactietijd"), then their facilities' counts.
 */
export function ShelterDesk() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const { live, resync } = useLiveCapacity(viewer.facilityIds);
  return (
    <section>
      <h1>{t('desk.title')}</h1>
      {viewer.facilityIds.length === 0 && <p className="error-box">{t('desk.noFacilities')}</p>}
      <OfferList />
      {viewer.facilityIds.length > 0 && <FiguresNudges facilityCount={viewer.facilityIds.length} resync={resync} />}
      {viewer.facilityIds.length > 0 && <StayList />}
      {viewer.facilityIds.length > 0 && <ResponseFigures />}
      <div className="cards">
        {viewer.facilityIds.map((id) => (
          <CapacityCard key={id} facilityId={id} live={live.get(id)} resync={resync} />
        ))}
      </div>
    </section>
  );
}
