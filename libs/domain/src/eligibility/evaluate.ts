import { EligibilityContext, EligibilityRule } from './context';
import { ExclusionReason, isExclusion } from './exclusion';
import { aangifteRule } from './rules/aangifte.rule';
import { ageRule } from './rules/age.rule';
import { b8StatusRule } from './rules/b8-status.rule';
import { capacityRule } from './rules/capacity.rule';
import { careNeedsRule } from './rules/care-needs.rule';
import { childrenRule } from './rules/children.rule';
import { exploitationTypeRule } from './rules/exploitation-type.rule';
import { foundInRule } from './rules/found-in.rule';
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
  foundInRule,
  groupSizeRule,
  capacityRule,
];

/**
 * The rules that read only who the person is and what the facility is (its kind, region and
 * eligibility lists), never its live capacity: all of ELIGIBILITY_RULES but the last. Their verdict
 * on a facility holds until the register changes, so the paged matcher evaluates them once per kind
 * of facility (register-index.ts) and reads capacity only where they pass.
 */
export const PROFILE_RULES: readonly EligibilityRule[] = ELIGIBILITY_RULES.slice(0, -1);

/** The capacity rule, reported last (ELIGIBILITY_RULES = PROFILE_RULES followed by this). */
export const CAPACITY_RULE: EligibilityRule = ELIGIBILITY_RULES[ELIGIBILITY_RULES.length - 1];
if (CAPACITY_RULE !== capacityRule || PROFILE_RULES.includes(capacityRule)) {
  throw new Error('ELIGIBILITY_RULES must end with capacityRule, and hold it once: PROFILE_RULES rely on it');
}

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
