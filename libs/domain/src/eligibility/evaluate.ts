import { EligibilityContext, EligibilityRule } from './context';
import { ExclusionReason, isExclusion } from './exclusion';
import { aangifteRule } from './rules/aangifte.rule';
import { ageRule } from './rules/age.rule';
import { b8StatusRule } from './rules/b8-status.rule';
import { capacityRule } from './rules/capacity.rule';
import { careNeedsRule } from './rules/care-needs.rule';
import { childrenRule } from './rules/children.rule';
import { exploitationTypeRule } from './rules/exploitation-type.rule';
import { genderRule } from './rules/gender.rule';
import { groupSizeRule } from './rules/group-size.rule';
import { regionRule } from './rules/region.rule';
import { residenceStatusRule } from './rules/residence-status.rule';

/** Every rule, in the order their reasons are reported: who the person is first, capacity last. */
export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  genderRule,
  ageRule,
  exploitationTypeRule,
  residenceStatusRule,
  b8StatusRule,
  aangifteRule,
  careNeedsRule,
  childrenRule,
  regionRule,
  groupSizeRule,
  capacityRule,
];

/** All reasons the facility is ruled out (not just the first); empty = eligible. */
export function evaluateEligibility(
  ctx: EligibilityContext,
  rules: readonly EligibilityRule[] = ELIGIBILITY_RULES,
): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  for (const rule of rules) {
    const result = rule(ctx);
    if (isExclusion(result)) reasons.push(result);
  }
  return reasons;
}
