import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { UpdateVictimProfileDocument } from '../api/generated';
import { readableErrors } from '../api/errors';
import type { CasePath } from '../api/types';
import { ChoiceChips } from '../components/choice-chips';
import { ErrorMessage } from '../components/error-message';
import { keepEnterFromSubmitting } from '../components/keep-enter';
import { RegionChips } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import { EnumSelect } from '../request/enum-select';
import { AANGIFTE_STATUSES, B8_STATUSES, CARE_NEEDS, RESIDENCE_STATUSES, THREAT_LEVELS } from '../request/profile';
import { fieldOf, NO_CHANGE, type ProfileChangeDraft, toProfileChange } from './profile-change';

const FIELDS = [
  'aangifte',
  'residenceStatus',
  'b8Status',
  'bedenktijdStart',
  'careNeeds',
  'threatLevel',
  'excludedRegionCodes',
  'reason',
] as const;
type Field = (typeof FIELDS)[number];

/**
 * "Profiel bijwerken": what the coordinator learned since (aangifte gedaan, B8 status or bedenktijd
 * with its start, care needs found, a raised threat, regions to avoid), with why; then a
 * confirmation, since the API matches her again and may open a transfer. Refusals at their field.
 */
export function ProfileChangeForm({ requestId, onChanged }: { requestId: string; onChanged(path: CasePath): void }) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<'closed' | 'form' | 'confirm'>('closed');
  const [draft, setDraft] = useState<ProfileChangeDraft>(NO_CHANGE);
  const [reason, setReason] = useState('');
  const [state, update] = useMutation(UpdateVictimProfileDocument);
  const confirmText = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (phase === 'confirm') confirmText.current?.focus();
  }, [phase]);

  const changes = toProfileChange(draft);
  const missingStart = draft.b8Status === 'BEDENKTIJD' && !draft.bedenktijdStart;
  const missingResidence = draft.b8Status !== '' && !draft.residenceStatus;
  const ready = changes !== null && reason.trim() !== '' && !missingStart && !missingResidence;
  const errors = readableErrors(state.error);
  const at = (field: Field) => errors.filter((item) => fieldOf(item.field) === field);
  const elsewhere = errors.filter((item) => !FIELDS.includes(fieldOf(item.field) as Field));
  const set = <K extends keyof ProfileChangeDraft>(key: K, value: ProfileChangeDraft[K]) => setDraft({ ...draft, [key]: value });

  if (phase === 'closed')
    return (
      <div className="actions">
        <button type="button" data-testid="profile-change-open" onClick={() => setPhase('form')}>
          {t('profileChange.open')}
        </button>
      </div>
    );

  const send = async () => {
    if (!changes) return;
    const result = await update({ requestId, changes, reason: reason.trim() });
    if (result.error || !result.data) {
      setPhase('form');
      return;
    }
    onChanged(result.data.updateVictimProfile);
    setDraft(NO_CHANGE);
    setReason('');
    setPhase('closed');
  };

  if (phase === 'confirm')
    return (
      <div className="warning-box" data-testid="profile-change-confirm">
        <p ref={confirmText} tabIndex={-1}>
          {t('profileChange.confirmText')}
        </p>
        <ErrorMessage errors={elsewhere} focus />
        <div className="actions">
          <button type="button" className="primary" disabled={state.fetching} onClick={() => void send()}>
            {t('profileChange.confirm')}
          </button>
          <button type="button" onClick={() => setPhase('form')}>
            {t('profileChange.back')}
          </button>
        </div>
      </div>
    );

  return (
    <form
      className="profile-change"
      data-testid="profile-change-form"
      aria-label={t('profileChange.title')}
      onKeyDown={keepEnterFromSubmitting}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) setPhase('confirm');
      }}
    >
      <p className="hint">{t('profileChange.hint')}</p>
      <EnumSelect
        label={t('request.aangifte')}
        name="aangifte"
        group="aangifte"
        options={AANGIFTE_STATUSES}
        value={draft.aangifte}
        emptyLabel={t('profileChange.unchanged')}
        onChange={(value) => set('aangifte', value)}
      />
      <ErrorMessage errors={at('aangifte')} />
      <EnumSelect
        label={t('request.b8')}
        name="b8Status"
        group="b8"
        options={B8_STATUSES}
        value={draft.b8Status}
        emptyLabel={t('profileChange.unchanged')}
        onChange={(value) => set('b8Status', value)}
      />
      <ErrorMessage errors={at('b8Status')} />
      {draft.b8Status && (
        <>
          <EnumSelect
            label={t('request.residence')}
            name="residenceStatus"
            group="residence"
            options={RESIDENCE_STATUSES}
            value={draft.residenceStatus}
            emptyLabel={t('profileChange.residenceChoose')}
            required
            onChange={(value) => set('residenceStatus', value)}
          />
          <p className="hint">{t('profileChange.residenceHint')}</p>
          <ErrorMessage errors={at('residenceStatus')} />
        </>
      )}
      {draft.b8Status === 'BEDENKTIJD' && (
        <>
          <label>
            {t('request.bedenktijdStart')}
            <input
              name="bedenktijdStart"
              type="date"
              required
              value={draft.bedenktijdStart}
              aria-invalid={at('bedenktijdStart').length > 0}
              onChange={(event) => set('bedenktijdStart', event.target.value)}
            />
          </label>
          <ErrorMessage errors={at('bedenktijdStart')} />
        </>
      )}
      <ChoiceChips
        legend={t('profileChange.careNeeds')}
        group="care"
        name="careNeeds"
        options={CARE_NEEDS}
        value={draft.careNeeds as (typeof CARE_NEEDS)[number][]}
        onChange={(value) => set('careNeeds', value)}
      />
      <ErrorMessage errors={at('careNeeds')} />
      <EnumSelect
        label={t('request.threat')}
        name="threatLevel"
        group="threat"
        options={THREAT_LEVELS}
        value={draft.threatLevel}
        emptyLabel={t('profileChange.unchanged')}
        onChange={(value) => set('threatLevel', value)}
      />
      <ErrorMessage errors={at('threatLevel')} />
      <RegionChips
        legend={t('profileChange.excludedRegions')}
        name="excludedRegionCodes"
        value={draft.excludedRegionCodes}
        onChange={(value) => set('excludedRegionCodes', value)}
      />
      <ErrorMessage errors={at('excludedRegionCodes')} />
      <label>
        {t('profileChange.reason')}
        <input
          name="profileChangeReason"
          value={reason}
          required
          aria-invalid={at('reason').length > 0}
          aria-describedby={`profile-change-reason-hint-${requestId}`}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <p className="hint" id={`profile-change-reason-hint-${requestId}`}>
        {t('profileChange.reasonHint')}
      </p>
      <ErrorMessage errors={at('reason')} />
      <ErrorMessage errors={elsewhere} />
      {changes === null && <p className="hint">{t('profileChange.nothingYet')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready}>
          {t('profileChange.next')}
        </button>
        <button type="button" onClick={() => setPhase('closed')}>
          {t('profileChange.cancel')}
        </button>
      </div>
    </form>
  );
}
