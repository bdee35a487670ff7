import type { ActionPartner, ExploitationType, Gender, PlannedActionInput } from '../api/generated';

/**
 * A planned action as the form holds it (strings from inputs) and as planAction takes it. The
 * window is typed in local time (datetime-local) and sent as a moment.
 */
export interface OutlineDraft {
  count: string;
  gender: string;
  minor: boolean;
  exploitationTypes: string[];
}

export interface ActionDraft {
  regionCode: string;
  startsAt: string;
  endsAt: string;
  onBehalfOf: string;
  onBehalfOfOrganisation: string;
  expected: OutlineDraft[];
}

export const EMPTY_OUTLINE: OutlineDraft = { count: '1', gender: '', minor: false, exploitationTypes: [] };

/**
 * The API's input (but the retry reference, which the form keeps); null while something it needs is
 * missing (the form says what). The partner, gender and exploitation come from controls that offer only
 * the schema's members; the API refuses any other value.
 */
export function toActionInput(draft: ActionDraft): Omit<PlannedActionInput, 'clientReference'> | null {
  const moment = (local: string) => (local ? new Date(local) : null);
  const startsAt = moment(draft.startsAt);
  const endsAt = moment(draft.endsAt);
  if (!draft.regionCode || !startsAt || !endsAt || Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()))
    return null;
  if (!draft.onBehalfOf || !draft.onBehalfOfOrganisation.trim() || draft.expected.length === 0) return null;
  const expected = draft.expected.map((outline) => ({
    count: /^\d+$/.test(outline.count.trim()) ? Number(outline.count.trim()) : NaN,
    gender: outline.gender as Gender,
    minor: outline.minor,
    exploitationTypes: outline.exploitationTypes as ExploitationType[],
  }));
  if (expected.some((outline) => Number.isNaN(outline.count) || !outline.gender || outline.exploitationTypes.length === 0))
    return null;
  return {
    regionCode: draft.regionCode,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    onBehalfOf: draft.onBehalfOf as ActionPartner,
    onBehalfOfOrganisation: draft.onBehalfOfOrganisation.trim(),
    expected,
  };
}
