import { newContext } from '../../testing/factories';
import { ExclusionCode, PASS } from '../exclusion';
import { groupSizeRule } from './group-size.rule';

describe('groupSizeRule (groups placed together, 003:484)', () => {
  it('passes an individual (default group size 1)', () => {
    expect(groupSizeRule(newContext({}, { eligibility: { maxGroupSize: 1 } }))).toEqual(PASS);
  });
  it('passes a group up to the maximum', () => {
    expect(groupSizeRule(newContext({ groupSize: 8 }, { eligibility: { maxGroupSize: 8 } }))).toEqual(PASS);
  });
  it('fails GROUP_SIZE above it', () => {
    expect(groupSizeRule(newContext({ groupSize: 9 }, { eligibility: { maxGroupSize: 8 } }))).toEqual({
      code: ExclusionCode.GROUP_SIZE,
      message: 'takes groups of at most 8; this group is 9',
    });
  });
});
