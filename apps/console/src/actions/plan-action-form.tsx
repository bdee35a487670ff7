import { useState } from 'react';
import { useMutation } from 'urql';
import { PlanActionDocument } from '../api/generated';
import { ACTION_PARTNERS, type PlannedActionAnswer } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { keepEnterFromSubmitting } from '../components/keep-enter';
import { RegionSelect } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import { EnumSelect } from '../request/enum-select';
import { useSession } from '../shell/viewer-context';
import { type ActionDraft, EMPTY_OUTLINE, toActionInput } from './action-draft';
import { OutlineFields } from './outline-fields';

/**
 * Planning an action (003:493-496): where, the window, on whose behalf, and the people expected in
 * outlines. The API reserves places at once and answers where they are and who falls short.
 */
export function PlanActionForm({ onPlanned }: { onPlanned(action: PlannedActionAnswer): void }) {
  const { t } = useI18n();
  const { viewer } = useSession();
  const [draft, setDraft] = useState<ActionDraft>({
    regionCode: viewer.regions.length === 1 ? viewer.regions[0] : '',
    startsAt: '',
    endsAt: '',
    onBehalfOf: '',
    onBehalfOfOrganisation: '',
    expected: [EMPTY_OUTLINE],
  });
  const [state, plan] = useMutation(PlanActionDocument);
  // One reference per plan: a retry after a lost answer returns the same action, not a second one.
  const [reference, setReference] = useState(newReference);
  const input = toActionInput(draft);
  const set = <K extends keyof ActionDraft>(key: K, value: ActionDraft[K]) => setDraft({ ...draft, [key]: value });
  return (
    <form
      className="plan-action"
      data-testid="plan-action-form"
      aria-labelledby="plan-action-heading"
      onKeyDown={keepEnterFromSubmitting}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!input) return;
        const result = await plan({ input: { ...input, clientReference: reference } });
        if (!result.data) return;
        onPlanned(result.data.planAction);
        setReference(newReference());
      }}
    >
      <h2 id="plan-action-heading">{t('actions.plan')}</h2>
      <RegionSelect
        label={t('actions.region')}
        name="actionRegion"
        value={draft.regionCode}
        emptyLabel="—"
        required
        onChange={(value) => set('regionCode', value)}
      />
      <label>
        {t('actions.startsAt')}
        <input
          name="startsAt"
          type="datetime-local"
          required
          value={draft.startsAt}
          onChange={(event) => set('startsAt', event.target.value)}
        />
      </label>
      <label>
        {t('actions.endsAt')}
        <input
          name="endsAt"
          type="datetime-local"
          required
          value={draft.endsAt}
          onChange={(event) => set('endsAt', event.target.value)}
        />
      </label>
      <p className="hint">{t('actions.windowHint')}</p>
      <EnumSelect
        label={t('actions.onBehalfOf')}
        name="onBehalfOf"
        group="partner"
        options={ACTION_PARTNERS}
        value={draft.onBehalfOf}
        required
        onChange={(value) => set('onBehalfOf', value)}
      />
      <label>
        {t('actions.organisation')}
        <input
          name="onBehalfOfOrganisation"
          required
          aria-describedby="organisation-hint"
          value={draft.onBehalfOfOrganisation}
          onChange={(event) => set('onBehalfOfOrganisation', event.target.value)}
        />
      </label>
      <p className="hint" id="organisation-hint">
        {t('actions.organisationHint')}
      </p>
      {draft.expected.map((outline, index) => (
        <OutlineFields
          key={index}
          index={index}
          outline={outline}
          onChange={(changed) =>
            set(
              'expected',
              draft.expected.map((item, at) => (at === index ? changed : item)),
            )
          }
          onRemove={
            draft.expected.length > 1
              ? () =>
                  set(
                    'expected',
                    draft.expected.filter((_, at) => at !== index),
                  )
              : undefined
          }
        />
      ))}
      <div className="actions">
        <button type="button" onClick={() => set('expected', [...draft.expected, EMPTY_OUTLINE])}>
          {t('actions.addOutline')}
        </button>
      </div>
      <ErrorMessage error={state.error} focus />
      <div className="actions">
        <button type="submit" className="primary" disabled={!input || state.fetching}>
          {t('actions.submit')}
        </button>
      </div>
    </form>
  );
}

function newReference(): string {
  // randomUUID needs a secure context (HTTPS or localhost); elsewhere a time and random part will do.
  return globalThis.crypto?.randomUUID?.() ?? `console-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
