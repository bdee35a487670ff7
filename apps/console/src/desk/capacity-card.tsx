import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CONFIRM_CAPACITY, FACILITY, UPDATE_CAPACITY } from '../api/documents';
import { hasCode } from '../api/errors';
import type { Capacity, Facility } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { FreshnessBadge } from '../components/freshness-badge';
import { useI18n } from '../i18n/i18n';

type Counts = Pick<Capacity, 'total' | 'occupied' | 'outOfService'>;

/**
 * One facility's counts, changed in two taps: a step (+1 / −1 occupied, say), then Save. Save sends
 * the version the counts were read at (`expectedVersion`); if someone or an offer changed them in
 * between, the API answers CONFLICT, the card shows the new counts and the step is not lost silently.
 * "Still true" (`confirmCapacity`) is one tap: it only refreshes the freshness.
 */
export function CapacityCard({ facilityId }: { facilityId: string }) {
  const { t, dateTime } = useI18n();
  const [{ data, error, fetching }, reread] = useQuery<{ facility: Facility | null }>({
    query: FACILITY,
    variables: { id: facilityId },
    requestPolicy: 'cache-and-network',
  });
  const [update, sendUpdate] = useMutation<{ updateCapacity: Facility }>(UPDATE_CAPACITY);
  const [confirm, sendConfirm] = useMutation<{ confirmCapacity: Facility }>(CONFIRM_CAPACITY);
  const latest = pickLatest(data?.facility, update.data?.updateCapacity, confirm.data?.confirmCapacity);
  const [draft, setDraft] = useState<Counts | null>(null);
  const [done, setDone] = useState<'saved' | 'confirmed' | null>(null);

  // A conflict means the counts moved under us: read them again before the next try.
  useEffect(() => {
    if (hasCode(update.error, 'CONFLICT')) reread({ requestPolicy: 'network-only' });
  }, [update.error, reread]);

  if (!latest) return <article className="card">{fetching ? t('loading') : <ErrorMessage error={error} />}</article>;
  const capacity = latest.capacity;
  // Only its staff see a secret address's counts (issue 12); nothing to edit without them.
  if (!capacity) return <article className="card">{t('beds.countWithheld')}</article>;
  const counts: Counts = draft ?? capacity;
  const available = Math.max(0, counts.total - counts.occupied - capacity.held - counts.outOfService);
  const step = (key: keyof Counts, by: number) => {
    setDone(null);
    setDraft({ ...counts, [key]: Math.max(0, counts[key] + by) });
  };
  const save = async () => {
    const result = await sendUpdate({
      input: {
        facilityId,
        expectedVersion: capacity.version,
        total: counts.total,
        occupied: counts.occupied,
        outOfService: counts.outOfService,
      },
    });
    if (!result.error) {
      setDraft(null);
      setDone('saved');
    }
  };
  const confirmStillTrue = async () => {
    const result = await sendConfirm({ facilityId });
    if (!result.error) setDone('confirmed');
  };

  return (
    <article className="card capacity-card" data-facility-id={facilityId}>
      <header>
        <h2>{latest.name}</h2>
        <FreshnessBadge freshness={capacity.freshness} />
      </header>
      {latest.address && <p className="muted address">{latest.address}</p>}
      <p className="muted">{dateTime(capacity.confirmedAt ?? capacity.updatedAt)}</p>
      <div className="counts">
        <Stepper label={t('desk.total')} name="total" value={counts.total} onStep={(by) => step('total', by)} />
        <Stepper label={t('desk.occupied')} name="occupied" value={counts.occupied} onStep={(by) => step('occupied', by)} />
        <Stepper
          label={t('desk.outOfService')}
          name="outOfService"
          value={counts.outOfService}
          onStep={(by) => step('outOfService', by)}
        />
        <div className="count">
          <span className="muted">{t('desk.held')}</span>
          <strong data-testid="held">{capacity.held}</strong>
        </div>
        <div className="count">
          <span className="muted">{t('desk.available')}</span>
          <strong data-testid="available">{available}</strong>
        </div>
      </div>
      <ErrorMessage error={update.error ?? confirm.error} />
      <div className="actions">
        <button type="button" className="primary" disabled={!draft || update.fetching} onClick={() => void save()}>
          {t('desk.save')}
        </button>
        <button type="button" disabled={!!draft || confirm.fetching} onClick={() => void confirmStillTrue()}>
          {t('desk.confirm')}
        </button>
        {done && <span className="ok">{done === 'saved' ? t('desk.saved') : t('desk.confirmed')}</span>}
      </div>
    </article>
  );
}

function Stepper({ label, name, value, onStep }: { label: string; name: string; value: number; onStep(by: number): void }) {
  return (
    <div className="count stepper" data-count={name}>
      <span className="muted">{label}</span>
      <div>
        <button type="button" aria-label={`${label} −1`} onClick={() => onStep(-1)}>
          −
        </button>
        <strong data-testid={name}>{value}</strong>
        <button type="button" aria-label={`${label} +1`} onClick={() => onStep(1)}>
          +
        </button>
      </div>
    </div>
  );
}

/** The copy with the highest capacity version (a query result may be older than a mutation's). */
function pickLatest(...candidates: (Facility | null | undefined)[]): Facility | undefined {
  return candidates
    .filter((candidate): candidate is Facility => !!candidate)
    .sort((a, b) => (b.capacity?.version ?? -1) - (a.capacity?.version ?? -1))[0];
}
