import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  type ExploitationType,
  type Gender,
  RegisterVictimDocument,
  type RegisterVictimMutation,
  RegistrationPrefillDocument,
  type ResidenceStatus,
  type SignallerKind,
} from '../api/generated';
import { readableErrors } from '../api/errors';
import { SIGNALLER_KINDS } from '../api/types';
import { ChoiceChips } from '../components/choice-chips';
import { ErrorMessage } from '../components/error-message';
import { keepEnterFromSubmitting } from '../components/keep-enter';
import { RegionSelect } from '../components/region-select';
import { When } from '../components/when';
import { useI18n } from '../i18n/i18n';
import { EnumSelect } from '../request/enum-select';
import { EXPLOITATION_TYPES, GENDERS, RESIDENCE_STATUSES } from '../request/profile';
import { fieldOf } from '../case-over-time/profile-change';

const FIELDS = ['gender', 'exploitationTypes', 'age', 'minor', 'residenceStatus', 'signalledBy', 'regionCode'] as const;
type Field = (typeof FIELDS)[number];

/**
 * "Melden bij CoMensha" from a coordinator's case (002:803): the facts the national registration
 * counts, prefilled where the case says them (region, gender, minor). A group is reported one
 * person at a time, so the form can be opened again after each.
 */
export function RegisterVictimForm({ requestId }: { requestId: string }) {
  const { t, f, label } = useI18n();
  const [open, setOpen] = useState(false);
  const [{ data }] = useQuery({ query: RegistrationPrefillDocument, variables: { id: requestId }, pause: !open });
  const known = data?.placementRequest;
  const [gender, setGender] = useState<string | null>(null);
  const [exploitationTypes, setExploitationTypes] = useState<string[]>([]);
  const [age, setAge] = useState('');
  const [minor, setMinor] = useState<boolean | null>(null);
  const [residenceStatus, setResidenceStatus] = useState('');
  const [signalledBy, setSignalledBy] = useState('');
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [done, setDone] = useState<RegisterVictimMutation['registerVictim'] | null>(null);
  const [state, register] = useMutation(RegisterVictimDocument);
  // What the person chose, else what the case says.
  const genderShown = gender ?? known?.profileSummary?.gender ?? '';
  const minorShown = minor ?? known?.profileSummary?.ageBand === 'MINOR';
  const regionShown = regionCode ?? known?.regionCode ?? '';
  const errors = readableErrors(state.error);
  const at = (field: Field) => errors.filter((item) => fieldOf(item.field) === field);
  const elsewhere = errors.filter((item) => !FIELDS.includes(fieldOf(item.field) as Field));
  const ready = genderShown !== '' && exploitationTypes.length > 0 && signalledBy !== '' && regionShown !== '';

  const registeredNote = done && (
    <p role="status" data-testid="registered">
      {done.member ? f('registration.doneMember', { member: String(done.member) }) : t('registration.done')}{' '}
      <When iso={done.registeredAt} />
    </p>
  );
  if (!open)
    return (
      <div className="registration">
        {registeredNote}
        <div className="actions">
          <button type="button" data-testid="registration-open" onClick={() => setOpen(true)}>
            {t('registration.open')}
          </button>
        </div>
      </div>
    );

  return (
    <form
      className="registration"
      data-testid="registration-form"
      aria-label={t('registration.title')}
      onKeyDown={keepEnterFromSubmitting}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!ready) return;
        const whole = /^\d+$/.test(age.trim()) ? Number(age.trim()) : undefined;
        const result = await register({
          input: {
            requestId,
            regionCode: regionShown,
            // The selects and chips offer only the schema's members (GENDERS, EXPLOITATION_TYPES, …).
            gender: genderShown as Gender,
            exploitationTypes: exploitationTypes as ExploitationType[],
            signalledBy: signalledBy as SignallerKind,
            ...(whole !== undefined ? { age: whole } : minorShown ? { minor: true } : {}),
            ...(residenceStatus ? { residenceStatus: residenceStatus as ResidenceStatus } : {}),
          },
        });
        if (result.error || !result.data) return;
        setDone(result.data.registerVictim);
        setOpen(false);
      }}
    >
      <p className="hint">{t('registration.hint')}</p>
      <RegionSelect
        label={t('registration.region')}
        name="registrationRegion"
        value={regionShown}
        emptyLabel="—"
        required
        onChange={setRegionCode}
      />
      <ErrorMessage errors={at('regionCode')} />
      <EnumSelect
        label={t('request.gender')}
        name="registrationGender"
        group="gender"
        options={GENDERS}
        value={genderShown}
        required
        onChange={setGender}
      />
      <ErrorMessage errors={at('gender')} />
      <ChoiceChips
        legend={t('request.exploitation')}
        group="exploitation"
        name="registrationExploitation"
        options={EXPLOITATION_TYPES}
        value={exploitationTypes as (typeof EXPLOITATION_TYPES)[number][]}
        onChange={setExploitationTypes}
      />
      <ErrorMessage errors={at('exploitationTypes')} />
      <label>
        {t('request.age')}
        <input
          name="registrationAge"
          inputMode="numeric"
          value={age}
          aria-invalid={at('age').length > 0}
          onChange={(event) => setAge(event.target.value)}
        />
      </label>
      <ErrorMessage errors={at('age')} />
      <label className="inline">
        <input
          type="checkbox"
          name="registrationMinor"
          checked={minorShown}
          onChange={(event) => setMinor(event.target.checked)}
        />
        {t('request.minor')}
      </label>
      <EnumSelect
        label={t('request.residence')}
        name="registrationResidence"
        group="residence"
        options={RESIDENCE_STATUSES}
        value={residenceStatus}
        emptyLabel={label('residence', 'UNKNOWN')}
        onChange={setResidenceStatus}
      />
      <EnumSelect
        label={t('registration.signalledBy')}
        name="signalledBy"
        group="signaller"
        options={SIGNALLER_KINDS}
        value={signalledBy}
        required
        onChange={setSignalledBy}
      />
      <ErrorMessage errors={at('signalledBy')} />
      <ErrorMessage errors={elsewhere} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready || state.fetching}>
          {t('registration.submit')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('registration.cancel')}
        </button>
      </div>
    </form>
  );
}
