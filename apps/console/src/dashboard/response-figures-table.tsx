import { useQuery } from 'urql';
import { OfferResponsesDocument } from '../api/generated';
import type { PublishedOfferResponseFigures } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useRegions } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import { CsvButton } from './csv-button';
import { type DashboardSelection, exportQuery, periodInstants, regionCodesOf } from './period';

/**
 * How quickly shelters answer offers (issue 18), per facility with a public address, per region and
 * kind, and the secret-address facilities of a kind together (never one by name). A table, as the
 * yearly counts are: a suppressed count is a word, never a zero.
 */
export function ResponseFiguresTable({ selection }: { selection: DashboardSelection }) {
  const { t, f, label } = useI18n();
  const regions = useRegions();
  const regionName = (code: string) => regions.find((region) => region.code === code)?.name ?? code;
  const [{ data, error }] = useQuery({
    query: OfferResponsesDocument,
    variables: { ...periodInstants(selection), regionCodes: regionCodesOf(selection) },
  });
  const report = data?.offerResponses;
  const count = (value: number | null) => (value === null ? t('dashboard.suppressed') : String(value));
  const minutes = (value: number | null) => (value === null ? '—' : `${value} min`);
  const row = (key: string, where: string, figures: PublishedOfferResponseFigures) => (
    <tr key={key}>
      <th scope="row">{where}</th>
      <td>{count(figures.offers)}</td>
      <td>{count(figures.accepted)}</td>
      <td>{count(figures.declined)}</td>
      <td>{count(figures.lapsed)}</td>
      <td>{minutes(figures.minutesToRespond.medianMinutes)}</td>
      <td>{minutes(figures.minutesToRespond.p90Minutes)}</td>
    </tr>
  );
  return (
    <section className="card wide" data-chart="response-figures" aria-labelledby="response-figures-title">
      <header>
        <h2 id="response-figures-title">{t('dashboard.responseTitle')}</h2>
        <CsvButton path={`/export/offer-responses.csv?${exportQuery(selection, false)}`} fileName="offer-responses.csv" />
      </header>
      <ErrorMessage error={error} />
      {report && (
        <>
          <p className="muted">{f('dashboard.threshold', { n: String(report.suppressionThreshold) })}</p>
          {/* Focusable so a keyboard can scroll it sideways on a narrow screen. */}
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="response-figures-title">
            <table className="stats-table">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.responseWhere')}</th>
                  <th scope="col">{t('dashboard.responseOffers')}</th>
                  <th scope="col">{t('dashboard.responseAccepted')}</th>
                  <th scope="col">{t('dashboard.responseDeclined')}</th>
                  <th scope="col">{t('dashboard.responseLapsed')}</th>
                  <th scope="col">{t('dashboard.responseMedian')}</th>
                  <th scope="col">{t('dashboard.responseP90')}</th>
                </tr>
              </thead>
              <tbody>
                {report.facilities.map((line) =>
                  row(
                    line.facilityId,
                    `${line.facilityName} (${label('kind', line.type)}, ${regionName(line.regionCode)})`,
                    line.figures,
                  ),
                )}
                {report.regions.map((line) =>
                  row(
                    `${line.regionCode}|${line.type}`,
                    f('dashboard.responseRegion', { kind: label('kind', line.type), region: regionName(line.regionCode) }),
                    line.figures,
                  ),
                )}
                {report.secretFacilities.map((line) =>
                  row(`secret|${line.type}`, f('dashboard.responseSecret', { kind: label('kind', line.type) }), line.figures),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
