import { useCallback, useEffect, useRef, useState } from 'react';
import { FacilityReservations } from './facility-reservations';
import { useMutation, useQuery } from 'urql';
import { ConfirmCapacityDocument, FacilityDocument, UpdateCapacityDocument } from '../api/generated';
import { hasCode, readableErrors } from '../api/errors';
import type { Capacity, Facility } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { FreshnessBadge } from '../components/freshness-badge';
import { UpdatedAt } from '../components/updated-at';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useUntilBackOnline } from '../offline/use-online';
import { useLeaveGuard } from '../shell/leave-guard';
import {
  type Counts,
  countsOf,
  delta,
  type Draft,
  EDITABLE,
  editableOf,
  type EditableCount,
  hasSteps,
  limits,
  rebaseQuietly,
  reapply,
  step,
} from './capacity-draft';

const COUNT_LABEL: Record<EditableCount | 'held', MessageKey> = {
  total: 'desk.total',
  occupied: 'desk.occupied',
  outOfService: 'desk.outOfService',
  held: 'desk.held',
};

/**
 * One facility's counts, changed in two taps: a step (+1 / −1 occupied, say), then Save. The card
 * shows the newest counts it knows: its own read, `capacityChanged` (`live`, from the desk), and
 * its own saves. Save sends the version the steps were made on (`expectedVersion`). When the counts
 * moved in between (a colleague, an offer), the steps are not sent over them: the card shows what
 * changed ("nu 6, jij zag 5") and applies the person's change to the new counts only when they
 * say so. Steps stop where the API would refuse the counts, and unsaved steps are not lost without
 * a question (leave-guard). "Still true" (`confirmCapacity`) is one tap: it only refreshes freshness.
 */
export function CapacityCard({ facilityId, live, resync }: { facilityId: string; live?: Facility; resync: number }) {
  const { t, f } = useI18n();
  const [{ data, error, fetching }, reread] = useQuery({
    query: FacilityDocument,
    variables: { id: facilityId },
    requestPolicy: 'cache-and-network',
  });
  const [update, sendUpdate] = useMutation(UpdateCapacityDocument);
  const [confirm, sendConfirm] = useMutation(ConfirmCapacityDocument);
  const latest = pickLatest(data?.facility, live, update.data?.updateCapacity, confirm.data?.confirmCapacity);
  const [ownDraft, setDraft] = useState<Draft | null>(null);
  // Newer counts in which nothing the person can set moved (only an offer's held place did, which
  // every offer and arrival does): their steps stand on the new version as they are. Otherwise the
  // draft stays on the version it was made on, and the conflict box asks.
  const draft =
    ownDraft && latest && latest.capacity.version > ownDraft.seenVersion
      ? (rebaseQuietly(ownDraft, latest.capacity) ?? ownDraft)
      : ownDraft;
  const [done, setDone] = useState<'saved' | 'confirmed' | null>(null);
  // Saving disables the button pressed: the focus goes to the result, not to the page.
  const result = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (done) result.current?.focus();
  }, [done]);
  /** The version a Save was refused at (CONFLICT), until the re-read shows what moved. */
  const refusedAt = useRef<number | null>(null);

  useLeaveGuard(hasSteps(draft), t('desk.leaveWarning'));
  const shownError = useUntilBackOnline(update.error ?? confirm.error);

  // Events sent while the socket was down are lost: read the counts again when it is back.
  useEffect(() => {
    if (resync > 0) reread({ requestPolicy: 'network-only' });
  }, [resync, reread]);

  const save = useCallback(
    (counts: Counts, version: number) =>
      sendUpdate({ input: { facilityId, expectedVersion: version, ...counts } }).then((result) => {
        if (!result.error) {
          setDraft(null);
          setDone('saved');
        } else if (hasCode(result.error, 'CONFLICT')) {
          // The counts moved under us (and the live feed had not said so yet): read them now.
          refusedAt.current = version;
          reread({ requestPolicy: 'network-only' });
        }
      }),
    [facilityId, sendUpdate, reread],
  );

  // After a refused Save, once the new counts are read: if only held places moved, the person's
  // Save stands for the same counts and is sent again; otherwise the conflict box asks.
  const freshVersion = latest?.capacity.version;
  useEffect(() => {
    if (refusedAt.current === null || freshVersion === undefined || freshVersion <= refusedAt.current) return;
    refusedAt.current = null;
    if (draft && draft.seenVersion === freshVersion) void save(draft.counts, draft.seenVersion);
    // Only a newer version matters here, not every new copy of the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [freshVersion]);

  if (!latest) return <article className="card">{fetching ? t('loading') : <ErrorMessage error={error} />}</article>;
  const capacity = latest.capacity;
  const stale = !!draft && capacity.version > draft.seenVersion;
  // In a conflict the card shows the server's counts; the person's own are in the conflict box.
  const counts: Counts = draft && !stale ? draft.counts : editableOf(capacity);
  const bounds = limits(counts, capacity.held);
  const available = Math.max(0, counts.total - counts.occupied - capacity.held - counts.outOfService);
  const busy = update.fetching || stale;
  const onStep = (key: EditableCount, by: number) => {
    setDone(null);
    const seen = draft ?? { seen: countsOf(capacity), seenVersion: capacity.version, counts };
    const next = { ...seen, counts: step(counts, capacity.held, key, by) };
    setDraft(hasSteps(next) ? next : null);
  };
  const confirmStillTrue = async () => {
    const result = await sendConfirm({ facilityId });
    if (!result.error) setDone('confirmed');
  };
  // A CONFLICT is answered by the conflict box, in words; other errors as they come.
  const otherErrors = readableErrors(shownError).filter((item) => item.code !== 'CONFLICT');
  const forFacility = <span className="visually-hidden"> — {latest.name}</span>;

  return (
    <article className="card capacity-card" data-facility-id={facilityId} data-unsaved={hasSteps(draft) || undefined}>
      <header>
        <h2>{latest.name}</h2>
        <FreshnessBadge freshness={capacity.freshness} />
      </header>
      {latest.address && <p className="muted address">{latest.address}</p>}
      <p className="muted">
        <UpdatedAt capacity={capacity} />
      </p>
      <FacilityReservations facilityId={facilityId} />
      <div className="counts">
        {EDITABLE.map((key) => (
          <Stepper
            key={key}
            label={t(COUNT_LABEL[key])}
            facility={latest.name}
            name={key}
            value={counts[key]}
            changed={!!draft && !stale && draft.counts[key] !== draft.seen[key]}
            canDown={!busy && counts[key] - 1 >= bounds[key].min}
            canUp={!busy && counts[key] + 1 <= bounds[key].max}
            onStep={(by) => onStep(key, by)}
          />
        ))}
        <div className="count">
          <span className="muted">{t('desk.held')}</span>
          <strong data-testid="held">{capacity.held}</strong>
        </div>
        <div className="count">
          <span className="muted">{t('desk.available')}</span>
          <strong data-testid="available">{available}</strong>
        </div>
      </div>
      {draft && !stale && <p className="hint unsaved">{t('desk.unsaved')}</p>}
      {draft && stale && (
        <ConflictBox
          draft={draft}
          fresh={capacity}
          facility={latest.name}
          onApply={(next) => {
            setDone(null);
            setDraft({ seen: countsOf(capacity), seenVersion: capacity.version, counts: next });
            void save(next, capacity.version);
          }}
          onDiscard={() => setDraft(null)}
        />
      )}
      <ErrorMessage errors={otherErrors} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!draft || busy}
          onClick={() => {
            setDone(null);
            if (draft) void save(draft.counts, draft.seenVersion);
          }}
        >
          {t('desk.save')}
          {forFacility}
        </button>
        <button type="button" disabled={!!draft || confirm.fetching} onClick={() => void confirmStillTrue()}>
          {t('desk.confirm')}
          {forFacility}
        </button>
        {/* Always there, so assistive technology announces the result when it is filled in. */}
        <span className="ok" role="status" tabIndex={-1} ref={result} data-testid="card-result">
          {done && (done === 'saved' ? t('desk.saved') : t('desk.confirmed'))}
        </span>
      </div>
      {stale && (
        <p className="visually-hidden" role="status">
          {f('desk.changedElsewhere', { facility: latest.name })}
        </p>
      )}
    </article>
  );
}

/**
 * The counts moved since the person stepped: the server's numbers beside what they saw, their
 * change, and what it makes of the new counts. Nothing is saved until they choose.
 */
function ConflictBox(props: {
  draft: Draft;
  fresh: Capacity;
  facility: string;
  onApply(counts: Counts): void;
  onDiscard(): void;
}) {
  const { t, f } = useI18n();
  const { draft, fresh } = props;
  // It appears when the counts moved under the person's steps, whose buttons are then disabled: on a
  // phone it may be below the fold, so it comes into view with the focus on it.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'center' });
    box.current?.focus({ preventScroll: true });
  }, []);
  const moved = (['total', 'occupied', 'outOfService', 'held'] as const).filter((key) => draft.seen[key] !== fresh[key]);
  const change = delta(draft);
  const stepped = EDITABLE.filter((key) => change[key] !== 0);
  const { counts, clamped } = reapply(draft, countsOf(fresh));
  const signed = (value: number) => (value > 0 ? `+${value}` : `−${Math.abs(value)}`);
  return (
    <div className="conflict-box" role="alert" data-testid="conflict" tabIndex={-1} ref={box}>
      <p>
        <strong>{t('desk.conflictTitle')}</strong>
      </p>
      <ul>
        {moved.map((key) => (
          <li key={key} data-moved={key}>
            {t(COUNT_LABEL[key])}: {f('desk.nowYouSaw', { now: String(fresh[key]), saw: String(draft.seen[key]) })}
          </li>
        ))}
      </ul>
      <p data-testid="your-change">
        {t('desk.yourChange')}: {stepped.map((key) => `${t(COUNT_LABEL[key]).toLowerCase()} ${signed(change[key])}`).join(', ')}
        {' → '}
        {stepped.map((key) => `${t(COUNT_LABEL[key]).toLowerCase()} ${counts[key]}`).join(', ')}
      </p>
      {clamped && <p className="hint">{t('desk.clamped')}</p>}
      <div className="actions">
        <button type="button" className="primary" onClick={() => props.onApply(counts)}>
          {t('desk.reapply')}
          <span className="visually-hidden"> — {props.facility}</span>
        </button>
        <button type="button" onClick={props.onDiscard}>
          {t('desk.discard')}
          <span className="visually-hidden"> — {props.facility}</span>
        </button>
      </div>
    </div>
  );
}

function Stepper(props: {
  label: string;
  facility: string;
  name: string;
  value: number;
  changed: boolean;
  canDown: boolean;
  canUp: boolean;
  onStep(by: number): void;
}) {
  const { label, facility, name, value } = props;
  return (
    <div className="count stepper" data-count={name}>
      <span className="muted">{label}</span>
      <div>
        {/* The facility in the name: two cards must not offer two identical "Bezet −1" buttons. */}
        <button type="button" aria-label={`${label} −1 — ${facility}`} disabled={!props.canDown} onClick={() => props.onStep(-1)}>
          −
        </button>
        <strong data-testid={name} className={props.changed ? 'changed' : undefined}>
          {value}
        </strong>
        <button type="button" aria-label={`${label} +1 — ${facility}`} disabled={!props.canUp} onClick={() => props.onStep(1)}>
          +
        </button>
      </div>
    </div>
  );
}

/** A facility with its counts: a desk's own facility always has them (the API withholds only others'). */
type Counted = Facility & { capacity: Capacity };

/** The newest copy: the highest capacity version, and of equal versions the latest confirmation. */
function pickLatest(...candidates: (Facility | null | undefined)[]): Counted | undefined {
  const moment = (facility: Counted) => Date.parse(facility.capacity.confirmedAt ?? facility.capacity.updatedAt) || 0;
  return candidates
    .filter((candidate): candidate is Counted => !!candidate?.capacity)
    .sort((a, b) => b.capacity.version - a.capacity.version || moment(b) - moment(a))[0];
}
