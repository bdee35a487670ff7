import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { EndPlacementDocument } from '../api/generated';
import { readableErrors } from '../api/errors';
import { type PlacementRequest, STAY_OUTCOMES, type StayOutcome } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { keepEnterFromSubmitting } from '../components/keep-enter';
import { useI18n } from '../i18n/i18n';
import { EnumSelect } from '../request/enum-select';

/** The fields endPlacement names in its errors, each shown at its own field. */
const FIELDS = ['outcome', 'reason', 'places'] as const;

/** What ended, for the words the list shows once the card is gone. */
export interface StayEnded {
  requestId: string;
  outcome: StayOutcome;
  /** How many left now, and how many of this share are still there (0: the stay ended). */
  left: number;
  still: number;
}

/**
 * "Verblijf beëindigen": how it ended (a StayOutcome, counted in the figures), a note, and for a
 * group share how many leave; then a confirmation, since it frees the place and cannot be undone.
 * The API's refusals are shown at the field they name. `placesHere` is how many of this share are
 * there now (a group's members leave one by one); `forWhom` tells this button from others on the page.
 */
export function EndStay({
  request,
  placesHere,
  forWhom,
  onEnded,
}: {
  request: Pick<PlacementRequest, 'id'>;
  placesHere: number;
  forWhom: string;
  onEnded(ended: StayEnded): void;
}) {
  const { t, f, label } = useI18n();
  const [phase, setPhase] = useState<'closed' | 'form' | 'confirm'>('closed');
  const [outcome, setOutcome] = useState<StayOutcome | ''>('');
  const [reason, setReason] = useState('');
  const [places, setPlaces] = useState(String(placesHere));
  // A group's form keeps its "how many" field while open, even when a colleague's departure leaves
  // one here meanwhile: the API then says at that field how many are still there.
  const [openedFor, setOpenedFor] = useState(placesHere);
  const [state, end] = useMutation(EndPlacementDocument);
  const confirmText = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (phase === 'confirm') confirmText.current?.focus();
  }, [phase]);

  const errors = readableErrors(state.error);
  const at = (field: (typeof FIELDS)[number]) => errors.filter((item) => item.field === field);
  const elsewhere = errors.filter((item) => !FIELDS.includes(item.field as (typeof FIELDS)[number]));
  const group = openedFor > 1;
  const leaving = group ? Number(places) : placesHere;
  const ready = outcome !== '' && reason.trim() !== '' && (!group || places.trim() !== '');
  const hidden = <span className="visually-hidden"> — {forWhom}</span>;

  if (phase === 'closed')
    return (
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            setOpenedFor(placesHere);
            setPlaces(String(placesHere));
            setPhase('form');
          }}
        >
          {t('endStay.open')}
          {hidden}
        </button>
      </div>
    );

  const send = async () => {
    if (outcome === '') return;
    const result = await end({
      requestId: request.id,
      reason: reason.trim(),
      outcome,
      ...(group ? { places: Number(places) } : {}),
    });
    if (result.error) {
      // Back to the fields, with the refusal at the one it names.
      setPhase('form');
      return;
    }
    onEnded({ requestId: request.id, outcome, left: leaving, still: Math.max(0, placesHere - leaving) });
    // Some of a group left and the rest stay: the card stays, ready for the next departure.
    setPhase('closed');
    setOutcome('');
    setReason('');
  };

  if (phase === 'confirm' && outcome !== '')
    return (
      <div className="end-stay warning-box" data-testid="end-stay-confirm">
        <p ref={confirmText} tabIndex={-1}>
          {group && leaving < placesHere
            ? f('endStay.confirmSome', { n: String(leaving), of: String(placesHere), outcome: label('outcome', outcome) })
            : f('endStay.confirmAll', { outcome: label('outcome', outcome) })}
        </p>
        <ErrorMessage errors={elsewhere} focus />
        <div className="actions">
          <button type="button" className="primary" disabled={state.fetching} onClick={() => void send()}>
            {t('endStay.confirm')}
            {hidden}
          </button>
          <button type="button" onClick={() => setPhase('form')}>
            {t('endStay.back')}
          </button>
        </div>
      </div>
    );

  return (
    <form
      className="end-stay"
      data-testid="end-stay-form"
      aria-label={`${t('endStay.title')} — ${forWhom}`}
      onKeyDown={keepEnterFromSubmitting}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) setPhase('confirm');
      }}
    >
      <EnumSelect
        label={t('endStay.outcome')}
        name="outcome"
        group="outcome"
        options={STAY_OUTCOMES}
        value={outcome}
        required
        emptyLabel={t('endStay.choose')}
        onChange={(value) => setOutcome(value as StayOutcome | '')}
      />
      <ErrorMessage errors={at('outcome')} />
      <label>
        {t('endStay.reason')}
        <input
          name="endReason"
          value={reason}
          required
          aria-invalid={at('reason').length > 0}
          aria-describedby={`end-reason-hint-${request.id}`}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <p className="hint" id={`end-reason-hint-${request.id}`}>
        {t('endStay.reasonHint')}
      </p>
      <ErrorMessage errors={at('reason')} />
      {group && (
        <>
          <label>
            {f('endStay.places', { n: String(placesHere) })}
            <input
              name="leaving"
              type="number"
              inputMode="numeric"
              min={1}
              value={places}
              required
              aria-invalid={at('places').length > 0}
              onChange={(event) => setPlaces(event.target.value)}
            />
          </label>
          <ErrorMessage errors={at('places')} />
        </>
      )}
      <ErrorMessage errors={elsewhere} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready}>
          {t('endStay.next')}
          {hidden}
        </button>
        <button type="button" onClick={() => setPhase('closed')}>
          {t('endStay.cancel')}
        </button>
      </div>
    </form>
  );
}
