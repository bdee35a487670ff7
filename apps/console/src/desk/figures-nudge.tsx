import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmAllCapacityDocument, ConfirmCapacityDocument, FiguresNudgesDocument } from '../api/generated';
import type { ConfirmAllCapacityResult } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useI18n } from '../i18n/i18n';

/** Freshness moves with time, not with an event: the nudges are read again this often. */
const REREAD_MS = 5 * 60_000;

/**
 * "Uw cijfers zijn 5 uur oud — klopt het nog?" (issue 18): the desk asks from the moment a
 * facility's figures turn AGING, before they rank lower as STALE, with one tap to say they still
 * hold. Staff with several facilities get one "Alles klopt nog" for all of them. The nudges are the
 * API's (figuresNudges), so the desk asks by the same thresholds the ranking uses.
 */
export function FiguresNudges({ facilityCount, resync }: { facilityCount: number; resync: number }) {
  const { t, f } = useI18n();
  const [{ data, error }, reread] = useQuery({
    query: FiguresNudgesDocument,
    requestPolicy: 'cache-and-network',
  });
  const [confirm, sendConfirm] = useMutation(ConfirmCapacityDocument);
  const [confirmAll, sendConfirmAll] = useMutation(ConfirmAllCapacityDocument);
  const [allResult, setAllResult] = useState<ConfirmAllCapacityResult | null>(null);

  useEffect(() => {
    const timer = setInterval(() => reread({ requestPolicy: 'network-only' }), REREAD_MS);
    return () => clearInterval(timer);
  }, [reread]);
  // Back online, or the counts changed elsewhere: a colleague may have confirmed meanwhile.
  useEffect(() => {
    if (resync > 0) reread({ requestPolicy: 'network-only' });
  }, [resync, reread]);

  const nudges = data?.figuresNudges ?? [];
  const several = facilityCount > 1;
  const afterConfirming = () => reread({ requestPolicy: 'network-only' });
  const stillTrue = async (facilityId: string) => {
    setAllResult(null);
    if (!(await sendConfirm({ facilityId })).error) afterConfirming();
  };
  const allStillTrue = async () => {
    const result = await sendConfirmAll({});
    if (result.data) {
      setAllResult(result.data.confirmAllCapacity);
      afterConfirming();
    }
  };
  if (nudges.length === 0 && !several && !error) return null;
  return (
    <div className={nudges.length > 0 ? 'figures-nudge' : undefined} data-testid="figures-nudge" data-nudges={nudges.length}>
      <ErrorMessage error={error ?? confirm.error ?? confirmAll.error} />
      {nudges.map((nudge) => (
        <p key={nudge.facility.id} data-facility={nudge.facility.id} data-freshness={nudge.freshness} role="status">
          <span>
            {nudge.hoursOld === null
              ? f('desk.nudgeNever', { facility: nudge.facility.name })
              : several
                ? f('desk.nudgeHoursOf', { facility: nudge.facility.name, hours: String(nudge.hoursOld) })
                : f('desk.nudgeHours', { hours: String(nudge.hoursOld) })}
          </span>
          <button
            type="button"
            onClick={() => void stillTrue(nudge.facility.id)}
            disabled={confirm.fetching || confirmAll.fetching}
          >
            {t('desk.confirm')}
          </button>
        </p>
      ))}
      {several && (
        <p>
          <button
            type="button"
            data-testid="confirm-all"
            onClick={() => void allStillTrue()}
            disabled={confirm.fetching || confirmAll.fetching}
          >
            {t('desk.confirmAll')}
          </button>
          {allResult && (
            <span role="status" data-testid="confirm-all-result" data-confirmed={allResult.confirmed.length}>
              {f('desk.confirmedAll', { n: String(allResult.confirmed.length) })}
            </span>
          )}
        </p>
      )}
      {allResult?.refused.map((refused) => (
        <p key={refused.facilityId} className="error-inline" data-refused={refused.facilityId}>
          {f('desk.refusedOne', { message: refused.message })}
        </p>
      ))}
    </div>
  );
}
