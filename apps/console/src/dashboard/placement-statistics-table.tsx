import { useState } from 'react';
import { useQuery } from 'urql';
import { PlacementStatisticsDocument } from '../api/generated';
import type { StatisticCount } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useRegions } from '../components/region-select';
import { ageBandWords } from '../i18n/api-words';
import { useI18n } from '../i18n/i18n';
import { CsvButton } from './csv-button';

const DIMENSIONS = ['byShelterType', 'byExploitationType', 'byGender', 'byAgeBand', 'byRegion', 'byOutcome'] as const;
const LABEL_GROUP: Record<(typeof DIMENSIONS)[number], string | null> = {
  byShelterType: 'kind',
  byExploitationType: 'exploitation',
  byGender: 'gender',
  byAgeBand: null,
  byRegion: null,
  byOutcome: 'outcome',
};

/**
 * The yearly counts as a table, not a chart: small counts are suppressed for privacy, and a bar of
 * "suppressed" would be read as zero. Rows of 0 placements are collapsed behind one line (a year's
 * table is otherwise some 60 rows of mostly zeros); suppressed rows stay, in words.
 */
export function PlacementStatisticsTable({ year }: { year: number }) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const [showEmpty, setShowEmpty] = useState(false);
  const regions = useRegions();
  /** A row's key in words: kinds, genders, age bands and regions by name, never the API's code. */
  const keyWords = (dimension: (typeof DIMENSIONS)[number], key: string): string => {
    const group = LABEL_GROUP[dimension];
    if (group) return label(group, key);
    if (dimension === 'byAgeBand') return ageBandWords(i18n, key);
    return regions.find((region) => region.code === key)?.name ?? key;
  };
  const [{ data, error }] = useQuery({
    query: PlacementStatisticsDocument,
    variables: { year },
  });
  const statistics = data?.placementStatistics;
  const rows = statistics ? DIMENSIONS.flatMap((dimension) => statistics[dimension].map((count) => ({ dimension, count }))) : [];
  const isEmpty = (count: StatisticCount) => !count.suppressed && count.count === 0;
  const hidden = rows.filter((row) => isEmpty(row.count)).length;
  const shown = showEmpty ? rows : rows.filter((row) => !isEmpty(row.count));
  const show = (count: StatisticCount | { count: number | null; suppressed: boolean }) =>
    count.suppressed || count.count === null ? t('dashboard.suppressed') : String(count.count);
  return (
    <section className="card" data-chart="statistics">
      <header>
        <h2>
          {t('dashboard.statistics')} {year}
        </h2>
        <CsvButton path={`/export/placement-statistics.csv?year=${year}`} fileName={`placement-statistics-${year}.csv`} />
      </header>
      <ErrorMessage error={error} />
      {statistics && (
        <>
          <p>
            {t('dashboard.placements')}:{' '}
            <strong data-testid="placements">
              {show({ count: statistics.placements, suppressed: statistics.placements === null })}
            </strong>
          </p>
          <p>
            {t('dashboard.left')}:{' '}
            <strong data-testid="left">{show({ count: statistics.left, suppressed: statistics.left === null })}</strong>
          </p>
          <p className="muted">{t('dashboard.threshold').replace('{n}', String(statistics.suppressionThreshold))}</p>
          <table className="stats-table">
            <thead>
              <tr>
                <th>{t('dashboard.dimension')}</th>
                <th />
                <th>{t('dashboard.count')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ dimension, count }) => (
                <tr key={`${dimension}-${count.key}`}>
                  <td>{t(`dimension.${dimension}`)}</td>
                  <td>{keyWords(dimension, count.key)}</td>
                  <td>{show(count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hidden > 0 && (
            <p className="muted" data-testid="hidden-rows" data-hidden={showEmpty ? 0 : hidden}>
              {showEmpty ? (
                <button type="button" className="link-button" aria-expanded onClick={() => setShowEmpty(false)}>
                  {t('planning.hideRows')}
                </button>
              ) : (
                <>
                  {f('planning.hiddenRows', { n: String(hidden) })} —{' '}
                  <button type="button" className="link-button" aria-expanded={false} onClick={() => setShowEmpty(true)}>
                    {t('planning.showRows')}
                  </button>
                </>
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}
