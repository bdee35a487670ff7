import { groupSizeOf } from '../../profile';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, PASS } from '../exclusion';

/** A group found in a raid is placed together where possible (003:484, domain.md:56). */
export const groupSizeRule: EligibilityRule = ({ profile, facility }) => {
  const size = groupSizeOf(profile);
  const max = facility.eligibility.maxGroupSize;
  if (size <= max) return PASS;
  return exclude(ExclusionCode.GROUP_SIZE, `takes groups of at most ${max}; this group is ${size}`);
};
