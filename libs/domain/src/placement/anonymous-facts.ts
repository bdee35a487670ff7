/**
 * What survives when a request's personal profile is erased after the retention period
 * (domain.md §6): the anonymous facts the yearly "aard en omvang" statistics count — never an
 * age, a date, a municipality, a language or anything else that narrows down a person.
 */
import type { CareNeed, ExploitationType, Gender, ResidenceStatus } from '../enums';
import { isMinor, type VictimProfile } from '../profile';

/** Age bands as the national reports use them (~40% of victims are under 23, 004:264-278). */
export type AgeBand = 'MINOR' | '18-22' | '23-29' | '30-39' | '40+' | 'UNKNOWN';

export interface AnonymousFacts {
  gender: Gender;
  ageBand: AgeBand;
  exploitationTypes: ExploitationType[];
  residenceStatus: ResidenceStatus | null;
  careNeeds: CareNeed[];
  /** Whether children came along (their number is dropped): an eligibility gap planners count. */
  withChildren: boolean;
  groupSize: number;
}

export function ageBandOf(profile: Pick<VictimProfile, 'age' | 'minor'>): AgeBand {
  if (profile.age == null) return isMinor(profile) === true ? 'MINOR' : 'UNKNOWN';
  if (profile.age < 18) return 'MINOR';
  if (profile.age <= 22) return '18-22';
  if (profile.age <= 29) return '23-29';
  if (profile.age <= 39) return '30-39';
  return '40+';
}

export function anonymousFacts(profile: VictimProfile): AnonymousFacts {
  return {
    gender: profile.gender,
    ageBand: ageBandOf(profile),
    exploitationTypes: [...profile.exploitationTypes].sort(),
    residenceStatus: profile.residenceStatus ?? null,
    careNeeds: [...(profile.careNeeds ?? [])].sort(),
    withChildren: (profile.accompanyingChildren ?? 0) > 0,
    groupSize: profile.groupSize ?? 1,
  };
}
