import { useState } from 'react';
import { useMutation } from 'urql';
import { RequestTransferDocument, type TransferReason } from '../api/generated';
import { readableErrors } from '../api/errors';
import { type CasePath, TRANSFER_REASONS } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { keepEnterFromSubmitting } from '../components/keep-enter';
import { RegionSelect } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import { EnumSelect } from '../request/enum-select';
import { fieldOf } from './profile-change';

const FIELDS = ['reason', 'regionCode', 'note'] as const;
type Field = (typeof FIELDS)[number];

/**
 * "Overplaatsing aanvragen" from a stay: why (TransferReason), where to (the same region when left
 * empty; for SAFETY another one, 004:7085-7089) and a note. She keeps her place until she arrives
 * at the new one, so no confirmation: the transfer can be cancelled like any request.
 */
export function TransferForm({ requestId, onRequested }: { requestId: string; onRequested(path: CasePath): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [note, setNote] = useState('');
  const [state, request] = useMutation(RequestTransferDocument);
  const errors = readableErrors(state.error);
  const at = (field: Field) => errors.filter((item) => fieldOf(item.field) === field);
  const elsewhere = errors.filter((item) => !FIELDS.includes(fieldOf(item.field) as Field));
  const ready = reason !== '' && (reason !== 'OTHER' || note.trim() !== '');

  if (!open)
    return (
      <div className="actions">
        <button type="button" onClick={() => setOpen(true)}>
          {t('transfer.open')}
        </button>
      </div>
    );

  return (
    <form
      className="transfer-form"
      data-testid="transfer-form"
      aria-label={t('transfer.title')}
      onKeyDown={keepEnterFromSubmitting}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!ready) return;
        const result = await request({
          requestId,
          // The select offers only TRANSFER_REASONS.
          reason: reason as TransferReason,
          ...(regionCode ? { regionCode } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        if (result.error || !result.data) return;
        onRequested(result.data.requestTransfer);
        setOpen(false);
      }}
    >
      <EnumSelect
        label={t('transfer.reason')}
        name="transferReason"
        group="transferReason"
        options={TRANSFER_REASONS}
        value={reason}
        required
        emptyLabel={t('transfer.choose')}
        onChange={setReason}
      />
      <ErrorMessage errors={at('reason')} />
      <RegionSelect
        label={t('transfer.region')}
        name="transferRegion"
        value={regionCode}
        emptyLabel={t('transfer.sameRegion')}
        onChange={setRegionCode}
      />
      {reason === 'SAFETY' && (
        // 004:7085-7089: a person moved for her safety leaves the region; the API refuses the same one.
        <p className="hint" data-testid="safety-hint">
          {t('transfer.safetyHint')}
        </p>
      )}
      <ErrorMessage errors={at('regionCode')} />
      <label>
        {t('transfer.note')}
        <input
          name="transferNote"
          value={note}
          required={reason === 'OTHER'}
          aria-invalid={at('note').length > 0}
          aria-describedby={`transfer-note-hint-${requestId}`}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      <p className="hint" id={`transfer-note-hint-${requestId}`}>
        {t('transfer.noteHint')}
      </p>
      <ErrorMessage errors={at('note')} />
      <ErrorMessage errors={elsewhere} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready || state.fetching}>
          {t('transfer.submit')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('transfer.cancel')}
        </button>
      </div>
    </form>
  );
}
