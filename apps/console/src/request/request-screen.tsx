import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import {
  MatchFacilitiesDocument,
  RequestNoodbedDocument,
  RequestPlacementDocument,
  type Urgency,
  type VictimProfileInput,
} from '../api/generated';
import { readableErrors } from '../api/errors';
import { ErrorMessage } from '../components/error-message';
import { keepEnterFromSubmitting } from '../components/keep-enter';
import { RegionSelect } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import { useUntilBackOnline } from '../offline/use-online';
import { useNavigation } from '../shell/use-screen';
import { useSession } from '../shell/viewer-context';
import { EnumSelect } from './enum-select';
import { forgetForm, keepForm, ownerOf, recallForm } from './form-memory';
import { MatchPreview, matchVariables, NOODBED_PREVIEW_FIRST } from './match-preview';
import { EMPTY_PROFILE, type ProfileDraft, routeDecidedOf, toProfileInput, URGENCIES } from './profile';
import { allowedIn, type CheckedField, draftProblems, type FieldProblem, formFieldOf } from './profile-checks';
import { ProfileForm } from './profile-form';
import { useDebounced } from './use-debounced';

/** A fresh idempotency key per form: a double tap or a retry after a timeout returns the same request. */
function newClientReference(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Fill in the profile, see what matches while typing, submit, follow. Police ask for a noodbed
 * (`requestNoodbed`, answered at once); everyone else for a placement (`requestPlacement`).
 * Once submitted, the request is followed at its own address (`/aanvraag/<id>`, listed in "Mijn
 * aanvragen"); the form starts empty again. While typing, the form is kept in the tab's memory
 * (form-memory.ts) so an expiring session does not lose it.
 */
export function RequestScreen() {
  const { t, f, label } = useI18n();
  const { viewer } = useSession();
  const { openCase } = useNavigation();
  const noodbed = viewer.role === 'POLICE';
  const owner = ownerOf(viewer);
  const [recalled] = useState(() => recallForm(owner));
  const [draft, setDraft] = useState<ProfileDraft>(recalled?.draft ?? EMPTY_PROFILE);
  const [urgency, setUrgency] = useState(recalled?.urgency ?? 'ACUTE');
  const [regionCode, setRegionCode] = useState(recalled?.regionCode ?? viewer.regions[0] ?? '');
  const [groupSize, setGroupSize] = useState(recalled?.groupSize ?? '1');
  const [clientReference] = useState(recalled?.clientReference ?? newClientReference);
  const [submitted, setSubmitted] = useState(false);
  useEffect(() => {
    // In memory only (never in storage): see form-memory.ts. Gone once submitted.
    if (!submitted) keepForm(owner, { draft, urgency, regionCode, groupSize, clientReference });
  }, [owner, draft, urgency, regionCode, groupSize, clientReference, submitted]);
  const [placement, requestPlacement] = useMutation(RequestPlacementDocument);
  const [noodbedState, requestNoodbed] = useMutation(RequestNoodbedDocument);
  const client = useClient();
  /** The profile the person was warned has no suitable place: a second press sends it. */
  const [warnedFor, setWarnedFor] = useState<VictimProfileInput | null>(null);
  const [checking, setChecking] = useState(false);

  /** Values the API refused that the form let through (an unknown municipality): field → the value refused. */
  const [refused, setRefused] = useState<Partial<Record<CheckedField, string>>>({});
  const valueOf = (field: CheckedField): string =>
    field === 'groupSize' ? groupSize : field === 'minor' ? String(draft.minor) : draft[field];
  const refuse = (field: CheckedField) => setRefused((before) => ({ ...before, [field]: valueOf(field) }));
  const problems = useMemo(() => {
    const found: Partial<Record<CheckedField, FieldProblem>> = draftProblems(draft, groupSize);
    for (const [field, value] of Object.entries(refused) as [CheckedField, string][]) {
      // Told until the value is changed: the API would refuse the same value again.
      const current = field === 'groupSize' ? groupSize : field === 'minor' ? String(draft.minor) : draft[field];
      if (!found[field] && current === value) found[field] = allowedIn(field);
    }
    return found;
  }, [draft, groupSize, refused]);
  const problemWords = Object.fromEntries(
    Object.entries(problems).map(([field, problem]) => [field, f(problem.key, problem.params ?? {})]),
  ) as Partial<Record<CheckedField, string>>;
  const problemFields = Object.keys(problems) as CheckedField[];
  // The preview goes on without the fields that have a problem (and says so); a request waits for them.
  const profile = useMemo(() => toProfileInput(draft, new Set(Object.keys(problems))), [draft, problems]);
  const settledProfile = useDebounced(profile, 400);
  const submitting = placement.fetching || noodbedState.fetching;
  const leftOut = problemFields.filter((field) => field !== 'groupSize').map((field) => label('field', field));
  const submitError = useUntilBackOnline(placement.error ?? noodbedState.error);

  /**
   * Set synchronously while one submission is under way: clicks in the same task (a double tap, a
   * retry pressed three times) all see it at once, where `disabled` only holds after a render.
   */
  const sending = useRef(false);
  const once = (send: () => Promise<void>) => async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      await send();
    } finally {
      sending.current = false;
    }
  };

  /** Before holding anything: with no suitable place, the person confirms first (issue 13, item 2). */
  const submitAfterCheck = async () => {
    if (!profile || !regionCode || problemFields.length > 0) return;
    if (warnedFor !== profile) {
      setChecking(true);
      // The same variables as the preview: usually answered from its cached result.
      const check = await client
        .query(MatchFacilitiesDocument, matchVariables(profile, regionCode, noodbed ? NOODBED_PREVIEW_FIRST : undefined), {
          requestPolicy: 'cache-first',
        })
        .toPromise();
      setChecking(false);
      if (check.data?.matchFacilities.matchCount === 0) {
        setWarnedFor(profile);
        return;
      }
    }
    await submit();
  };

  const submit = async () => {
    if (!profile || !regionCode || problemFields.length > 0) return;
    setWarnedFor(null);
    const size = noodbed ? 1 : Math.max(1, Number(groupSize) || 1);
    const result = noodbed
      ? await requestNoodbed({ input: { profile, regionCode, groupSize: size, clientReference } })
      : await requestPlacement({
          input: {
            profile,
            regionCode,
            // The select offers only URGENCIES (the schema's members).
            urgency: urgency as Urgency,
            groupSize: size,
            clientReference,
            ...(routeDecidedOf(draft) ? { routeDecided: true } : {}),
          },
        });
    // A value the API refuses that the form let through is marked at its field, like the form's own checks.
    for (const error of readableErrors(result.error)) {
      const field = formFieldOf(error);
      if (field) refuse(field);
    }
    const request = result.data && ('requestNoodbed' in result.data ? result.data.requestNoodbed : result.data.requestPlacement);
    if (request) {
      setSubmitted(true);
      forgetForm();
      openCase(request.id, request);
    }
  };

  const preview = (
    <MatchPreview
      profile={settledProfile}
      regionCode={regionCode}
      noodbed={noodbed}
      leftOut={leftOut}
      onRefused={(field) => {
        if (refused[field] !== valueOf(field)) refuse(field);
      }}
    />
  );

  return (
    <section>
      <h1>{t('request.title')}</h1>
      <div className={noodbed ? 'request-layout short' : 'request-layout'}>
        <form
          className="request-form"
          onKeyDown={keepEnterFromSubmitting}
          // No submit button, so the browser has nothing to press on Enter; this is the backstop.
          onSubmit={(event: FormEvent) => event.preventDefault()}
        >
          <ProfileForm draft={draft} onChange={setDraft} askRouteDecision={!noodbed} short={noodbed} problems={problemWords} />
          <fieldset className="form-section">
            <legend>{t('request.details')}</legend>
            <div className="form-grid">
              {!noodbed && (
                <EnumSelect
                  label={t('request.urgency')}
                  name="urgency"
                  group="urgency"
                  options={URGENCIES}
                  value={urgency}
                  onChange={setUrgency}
                  required
                />
              )}
              <RegionSelect
                label={t('request.regionCode')}
                name="regionCode"
                value={regionCode}
                emptyLabel="—"
                required
                onChange={setRegionCode}
              />
              {!noodbed && (
                // The noodbed call is for the person in front of the officer: one place.
                <label>
                  {t('request.groupSize')}
                  <input
                    name="groupSize"
                    inputMode="numeric"
                    autoComplete="off"
                    value={groupSize}
                    onChange={(event) => setGroupSize(event.target.value)}
                    {...(problems.groupSize ? { 'aria-invalid': true, 'aria-describedby': 'groupSize-problem' } : {})}
                  />
                  {problemWords.groupSize && (
                    <span className="field-problem" id="groupSize-problem" data-problem-for="groupSize">
                      {problemWords.groupSize}
                    </span>
                  )}
                </label>
              )}
            </div>
          </fieldset>
          {!profile && <p className="hint">{t('request.incomplete')}</p>}
          {/* The officer's result sits right above the button: what she sees is what she asks for. */}
          {noodbed && preview}
          {problemFields.length > 0 && <p className="hint field-problem">{t('request.fixFirst')}</p>}
          <ErrorMessage error={submitError} focus />
          {warnedFor && warnedFor === profile ? (
            <div className="warning-box" role="alertdialog" aria-labelledby="no-match-title" data-testid="no-match-warning">
              <p id="no-match-title">
                <strong>{t('match.noneTitle')}</strong>
              </p>
              <p>{t('match.noneBody')}</p>
              <div className="actions">
                <button type="button" className="primary" disabled={submitting} onClick={() => void once(submit)()}>
                  {t('match.submitAnyway')}
                </button>
                <button type="button" autoFocus onClick={() => setWarnedFor(null)}>
                  {t('match.backToForm')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={!profile || !regionCode || problemFields.length > 0 || submitting || checking}
              onClick={() => void once(submitAfterCheck)()}
            >
              {noodbed ? t('request.submitNoodbed') : t('request.submitPlacement')}
            </button>
          )}
        </form>
        {!noodbed && preview}
      </div>
    </section>
  );
}
