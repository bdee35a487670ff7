import { newContext } from '../../testing/factories';
import { ExclusionCode, PASS } from '../exclusion';
import { capacityRule } from './capacity.rule';

describe('capacityRule (available ≥ group size; domain.md:56, 003:484)', () => {
  it('passes with a free place', () => {
    expect(capacityRule(newContext({}, { capacity: { total: 2, occupied: 1 } }))).toEqual(PASS);
  });
  it('passes when the free places fit the whole group', () => {
    expect(capacityRule(newContext({ groupSize: 3 }, { capacity: { total: 3 } }))).toEqual(PASS);
  });
  it('fails NO_CAPACITY when full (occupied + held + out of service)', () => {
    const r = capacityRule(newContext({}, { capacity: { total: 3, occupied: 1, held: 1, outOfService: 1 } }));
    expect(r).toEqual({ code: ExclusionCode.NO_CAPACITY, message: 'no free place' });
  });
  it('fails NO_CAPACITY when the group does not fit', () => {
    const r = capacityRule(newContext({ groupSize: 4 }, { capacity: { total: 3 } }));
    expect(r).toEqual({ code: ExclusionCode.NO_CAPACITY, message: 'only 3 free places for a group of 4' });
  });
  it('treats inconsistent counts as full, never negative', () => {
    expect(capacityRule(newContext({}, { capacity: { total: 1, occupied: 3 } }))).toMatchObject({
      code: ExclusionCode.NO_CAPACITY,
    });
  });
});
