import { useState } from 'react';
import { useMutation } from 'urql';
import { RecordRouteDecisionDocument } from '../api/generated';
import { readableErrors } from '../api/errors';
import type { CasePath } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { keepEnterFromSubmitting } from '../components/keep-enter';
import { useI18n } from '../i18n/i18n';

/**
 * "Routebesluit vastleggen" on a request waiting for the screeningsoverleg (AWAITING_ROUTE_DECISION,
 * 003:490): a safe shelter place (she is matched now) or another route (the request is withdrawn),
 * with what was decided. The API checks who may.
 */
export function RouteDecisionForm({ requestId, onRecorded }: { requestId: string; onRecorded(path: CasePath): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [shelter, setShelter] = useState<boolean | null>(null);
  const [reason, setReason] = useState('');
  const [state, record] = useMutation(RecordRouteDecisionDocument);
  const errors = readableErrors(state.error);
  const ready = shelter !== null && reason.trim() !== '';

  if (!open)
    return (
      <div className="actions">
        <button type="button" data-testid="route-decision-open" onClick={() => setOpen(true)}>
          {t('route.open')}
        </button>
      </div>
    );

  return (
    <form
      className="route-decision-form"
      data-testid="route-decision-form"
      aria-label={t('route.title')}
      onKeyDown={keepEnterFromSubmitting}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!ready) return;
        const result = await record({ requestId, shelter, reason: reason.trim() });
        if (result.error || !result.data) return;
        onRecorded(result.data.recordRouteDecision);
        setOpen(false);
      }}
    >
      <p className="hint">{t('route.hint')}</p>
      <fieldset className="chips">
        <legend>{t('route.title')}</legend>
        <label>
          <input type="radio" name="routeShelter" checked={shelter === true} onChange={() => setShelter(true)} />
          {t('route.shelter')}
        </label>
        <label>
          <input type="radio" name="routeShelter" checked={shelter === false} onChange={() => setShelter(false)} />
          {t('route.noShelter')}
        </label>
      </fieldset>
      <label>
        {t('route.reason')}
        <textarea
          name="routeReason"
          required
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <ErrorMessage errors={errors} />
      <div className="actions">
        <button type="submit" disabled={!ready}>
          {t('route.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('route.cancel')}
        </button>
      </div>
    </form>
  );
}
