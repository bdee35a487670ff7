import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, PASS } from '../exclusion';

/** Accompanying children only to facilities that take children (domain.md:53). */
export const childrenRule: EligibilityRule = ({ profile, facility }) => {
  const children = profile.accompanyingChildren ?? 0;
  if (children === 0 || facility.eligibility.acceptsChildren) return PASS;
  return exclude(ExclusionCode.CHILDREN, `does not take accompanying children (${children} with this victim)`);
};
