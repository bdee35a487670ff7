import { useQuery } from 'urql';
import { UNMET_DEMAND } from '../api/documents';
import type { UnmetDemand } from '../api/types';
import { type DashboardSelection, periodInstants, regionCodesOf } from './period';

/** One `unmetDemand` answer for the period, shared by the charts that draw parts of it (urql dedupes). */
export function useUnmetDemand(selection: DashboardSelection) {
  const [{ data, error }] = useQuery<{ unmetDemand: UnmetDemand }>({
    query: UNMET_DEMAND,
    variables: { ...periodInstants(selection), regionCodes: regionCodesOf(selection) },
  });
  return { report: data?.unmetDemand, error };
}
