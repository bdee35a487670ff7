import { useState } from 'react';
import { useMutation } from 'urql';
import { CancelPlannedActionDocument } from '../api/generated';
import { ErrorMessage } from '../components/error-message';
import { useI18n } from '../i18n/i18n';

/** Calling an action off, with why: every reserved place is given back at once. */
export function CancelAction({ actionId, forWhat, onCancelled }: { actionId: string; forWhat: string; onCancelled(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [state, cancel] = useMutation(CancelPlannedActionDocument);
  return (
    <form
      className="inline-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!reason.trim()) return;
        const result = await cancel({ id: actionId, reason: reason.trim() });
        if (!result.error) onCancelled();
      }}
    >
      <label className="reason-field">
        {t('actions.cancelReason')}
        <span className="visually-hidden"> — {forWhat}</span>
        <input name="cancelActionReason" required value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="submit" disabled={!reason.trim() || state.fetching}>
        {t('actions.cancel')}
        <span className="visually-hidden"> — {forWhat}</span>
      </button>
      <ErrorMessage error={state.error} />
    </form>
  );
}
