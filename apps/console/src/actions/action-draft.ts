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

/** The API's input; null while something it needs is missing (the form says what). */
export function toActionInput(draft: ActionDraft): Record<string, unknown> | null {
  const moment = (local: string) => (local ? new Date(local) : null);
  const startsAt = moment(draft.startsAt);
  const endsAt = moment(draft.endsAt);
  if (!draft.regionCode || !startsAt || !endsAt || Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()))
    return null;
  if (!draft.onBehalfOf || !draft.onBehalfOfOrganisation.trim() || draft.expected.length === 0) return null;
  const expected = draft.expected.map((outline) => ({
    count: /^\d+$/.test(outline.count.trim()) ? Number(outline.count.trim()) : NaN,
    gender: outline.gender,
    minor: outline.minor,
    exploitationTypes: outline.exploitationTypes,
  }));
  if (expected.some((outline) => Number.isNaN(outline.count) || !outline.gender || outline.exploitationTypes.length === 0))
    return null;
  return {
    regionCode: draft.regionCode,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    onBehalfOf: draft.onBehalfOf,
    onBehalfOfOrganisation: draft.onBehalfOfOrganisation.trim(),
    expected,
  };
}
