import { Bar } from 'react-chartjs-2';
import { useQuery } from 'urql';
import { CapacityOverviewDocument } from '../api/generated';
import { SHELTER_TYPES } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { capacityByKind, COUNTS, type KindFigures } from './capacity-by-kind';
import { ChartPanel } from './chart-panel';
import { PALETTE } from './charts';
import { CsvButton } from './csv-button';
import { FiguresTable } from './figures-table';

/**
 * Occupancy now, by kind, over the chosen regions: occupied, held, out of service, free (stacked).
 * The counts add up facilities with a public address only; a kind whose facilities all have a secret
 * address gets no bar and no zeros but "not shown" and whether a place is free, and a kind with some
 * says how many its totals leave out.
 */
export function CapacityNowChart({ regionCode }: { regionCode: string }) {
  const regionCodes = regionCode ? [regionCode] : [];
  const { t, f, label } = useI18n();
  const [{ data, error }] = useQuery({
    query: CapacityOverviewDocument,
    variables: { regionCodes: regionCodes.length > 0 ? regionCodes : null },
  });
  const kinds = capacityByKind(data?.capacityOverview ?? [], SHELTER_TYPES);
  const colors = {
    occupied: PALETTE.occupied,
    held: PALETTE.held,
    outOfService: PALETTE.outOfService,
    available: PALETTE.available,
  };
  const band = (figures: KindFigures) => t(`planning.secretBand.${figures.secretBand}`);
  const withheld = (figures: KindFigures) => `${t('planning.secretWithheld')}: ${band(figures)}`;
  const leftOut = (figures: KindFigures) =>
    figures.secretFacilities === 1
      ? t('planning.secretLeftOut.one')
      : f('planning.secretLeftOut.other', { n: String(figures.secretFacilities) });
  /** What the kind's label under the axis adds (short: the axis has little room): why its bar is missing, or what it leaves out. */
  const secretWords = (figures: KindFigures) =>
    figures.allSecret
      ? withheld(figures)
      : figures.secretFacilities > 0
        ? f('planning.secretLeftOutShort', { n: String(figures.secretFacilities), band: band(figures) })
        : null;
  const query = regionCodes.length > 0 ? `?regionCodes=${encodeURIComponent(regionCodes.join(','))}` : '';
  return (
    <ChartPanel
      error={error}
      id="capacity"
      title={t('dashboard.capacity')}
      points={kinds.length}
      download={<CsvButton path={`/export/capacity-overview.csv${query}`} fileName="capacity-overview.csv" />}
      summary={
        kinds.some((figures) => figures.secretFacilities > 0) && (
          <p className="muted" data-testid="capacity-secret-note">
            {t('planning.secretNote')}
          </p>
        )
      }
      table={
        <FiguresTable id="capacity" columns={[t('planning.kind'), ...COUNTS.map((count) => t(`chart.${count}`))]}>
          {kinds.map((figures) => (
            <tr key={figures.kind} data-kind={figures.kind} data-secret={figures.secretFacilities}>
              <th scope="row">
                {label('kind', figures.kind)}
                {!figures.allSecret && figures.secretFacilities > 0 && (
                  <span className="muted secret-left-out">
                    {' '}
                    ({leftOut(figures)}: {band(figures)})
                  </span>
                )}
              </th>
              {figures.allSecret ? (
                <td colSpan={COUNTS.length}>{withheld(figures)}</td>
              ) : (
                COUNTS.map((count) => <td key={count}>{figures.sums[count]}</td>)
              )}
            </tr>
          ))}
        </FiguresTable>
      }
    >
      <Bar
        aria-label={t('dashboard.capacity')}
        data={{
          // A second line under the kind says why its bar is missing, or what it leaves out.
          labels: kinds.map((figures) => {
            const secret = secretWords(figures);
            return secret ? [label('kind', figures.kind), secret] : label('kind', figures.kind);
          }),
          datasets: COUNTS.map((count) => ({
            label: t(`chart.${count}`),
            data: kinds.map((figures) => (figures.allSecret ? null : figures.sums[count])),
            backgroundColor: colors[count],
          })),
        }}
        options={{ indexAxis: 'y', scales: { x: { stacked: true }, y: { stacked: true } } }}
      />
    </ChartPanel>
  );
}
