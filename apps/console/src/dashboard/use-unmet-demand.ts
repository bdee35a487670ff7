import { useQuery } from 'urql';
import { UnmetDemandDocument } from '../api/generated';
import { type DashboardSelection, periodInstants, regionCodesOf } from './period';

/** One `unmetDemand` answer for the period, shared by the charts that draw parts of it (urql dedupes). */
export function useUnmetDemand(selection: DashboardSelection) {
  const [{ data, error }] = useQuery({
    query: UnmetDemandDocument,
    variables: { ...periodInstants(selection), regionCodes: regionCodesOf(selection) },
  });
  return { report: data?.unmetDemand, error };
}
