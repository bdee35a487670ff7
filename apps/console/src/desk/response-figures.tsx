import { useQuery } from 'urql';
import { MyOfferResponsesDocument } from '../api/generated';
import { useI18n } from '../i18n/i18n';

/**
 * "Uw reactietijd": how quickly this shelter answered its offers over the last 30 days, and how
 * many it let lapse (issue 18). A lapsed offer cost a person the hold's two hours; CoMensha and the
 * planners see the same figures, with small counts hidden.
 */
export function ResponseFigures() {
  const { t, f } = useI18n();
  const [{ data }] = useQuery({
    query: MyOfferResponsesDocument,
    requestPolicy: 'cache-and-network',
  });
  const facilities = data?.myOfferResponses.facilities ?? [];
  if (facilities.length === 0) return null;
  return (
    <section aria-labelledby="response-figures-title" data-testid="response-figures">
      <h2 id="response-figures-title">{t('desk.responseTitle')}</h2>
      <ul className="response-figures">
        {facilities.map(({ facilityId, facilityName, figures }) => (
          <li key={facilityId} data-facility-id={facilityId}>
            {facilities.length > 1 && <strong>{facilityName}: </strong>}
            {figures.offers === 0
              ? t('desk.responseNone')
              : [
                  figures.minutesToRespond.medianMinutes === null
                    ? t('desk.responseNoAnswers')
                    : f('desk.responseMedian', {
                        median: String(figures.minutesToRespond.medianMinutes),
                        p90: String(figures.minutesToRespond.p90Minutes),
                      }),
                  f('desk.responseCounts', {
                    offers: String(figures.offers),
                    accepted: String(figures.accepted),
                    declined: String(figures.declined),
                    lapsed: String(figures.lapsed),
                  }),
                ].join(' · ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
