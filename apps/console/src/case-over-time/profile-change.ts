import type {
  AangifteStatus,
  B8Status,
  CareNeed,
  ResidenceStatus,
  ThreatLevel,
  VictimProfileChangeInput,
} from '../api/generated';

/**
 * A change of her profile as the "Profiel bijwerken" form holds it, and as updateVictimProfile takes
 * it (VictimProfileChangeInput): only what was filled in is sent, so what was left empty stays as it
 * was. The lists (care needs, regions to avoid) are sent whole, as they are now, when any is chosen.
 */
export interface ProfileChangeDraft {
  aangifte: string;
  /** Asked with a B8 status: the API checks the two against each other, and her recorded one is shown to no one. */
  residenceStatus: string;
  b8Status: string;
  bedenktijdStart: string;
  careNeeds: string[];
  threatLevel: string;
  excludedRegionCodes: string[];
}

export const NO_CHANGE: ProfileChangeDraft = {
  aangifte: '',
  residenceStatus: '',
  b8Status: '',
  bedenktijdStart: '',
  careNeeds: [],
  threatLevel: '',
  excludedRegionCodes: [],
};

/**
 * The API's input; null when nothing was filled in (there is no change to record). The draft holds what
 * the form's selects and chips chose, which offer only the schema's members; the API refuses any other.
 */
export function toProfileChange(draft: ProfileChangeDraft): VictimProfileChangeInput | null {
  const changes: VictimProfileChangeInput = {};
  if (draft.aangifte) changes.aangifte = draft.aangifte as AangifteStatus;
  if (draft.b8Status) {
    changes.residenceStatus = draft.residenceStatus as ResidenceStatus;
    changes.b8Status = draft.b8Status as B8Status;
  }
  if (draft.b8Status === 'BEDENKTIJD' && draft.bedenktijdStart) changes.bedenktijdStart = draft.bedenktijdStart;
  if (draft.careNeeds.length > 0) changes.careNeeds = draft.careNeeds as CareNeed[];
  if (draft.threatLevel) changes.threatLevel = draft.threatLevel as ThreatLevel;
  if (draft.excludedRegionCodes.length > 0) changes.excludedRegionCodes = draft.excludedRegionCodes;
  return Object.keys(changes).length > 0 ? changes : null;
}

/** The field a problem belongs to, whether the API names it bare (`bedenktijdStart`) or in its input (`changes.bedenktijdStart`). */
export function fieldOf(named: string | undefined): string | undefined {
  return named
    ?.split('.')
    .pop()
    ?.replace(/\[\d+\]$/, '');
}
