import { CapacityCounts } from '../capacity';
import { MatchingConfig } from '../matching-config';
import { VictimProfile } from '../profile';
import { FacilityDefinition } from '../register';
import { RuleResult } from './exclusion';

/** A facility with its live capacity, as the matcher sees it at one moment. */
export type FacilitySnapshot = FacilityDefinition & {
  id: string;
  capacity: CapacityCounts;
  /** When the capacity was last updated or confirmed; `null` = never. */
  capacityUpdatedAt: Date | null;
};

export interface EligibilityContext {
  profile: VictimProfile;
  facility: FacilitySnapshot;
  /** The moment of evaluation (bedenktijd end is measured against it). */
  at: Date;
  config: MatchingConfig;
}

/** One concern of domain.md §3/§5: passes, or says why the facility is ruled out. */
export type EligibilityRule = (ctx: EligibilityContext) => RuleResult;
