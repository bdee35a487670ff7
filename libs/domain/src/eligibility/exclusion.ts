/** Why a facility is not offered (api-contract.md "Exclusion reason codes"; domain.md §5 rule 7). */

export enum ExclusionCode {
  NO_CAPACITY = 'NO_CAPACITY',
  GENDER = 'GENDER',
  AGE = 'AGE',
  EXPLOITATION_TYPE = 'EXPLOITATION_TYPE',
  RESIDENCE_STATUS = 'RESIDENCE_STATUS',
  B8_STATUS = 'B8_STATUS',
  AANGIFTE = 'AANGIFTE',
  CARE_NEEDS = 'CARE_NEEDS',
  CHILDREN = 'CHILDREN',
  REGION_EXCLUDED = 'REGION_EXCLUDED',
  GROUP_SIZE = 'GROUP_SIZE',
  /** A regional place for victims found elsewhere (or where she was found is not given). */
  FOUND_IN_AREA = 'FOUND_IN_AREA',
}

export interface ExclusionReason {
  code: ExclusionCode;
  /** For people: what rules the facility out, and where the rule comes from. */
  message: string;
}

export interface RulePass {
  readonly pass: true;
}

export const PASS: RulePass = Object.freeze({ pass: true as const });

export type RuleResult = RulePass | ExclusionReason;

export function isExclusion(result: RuleResult): result is ExclusionReason {
  return 'code' in result;
}

export function exclude(code: ExclusionCode, message: string): ExclusionReason {
  return { code, message };
}
