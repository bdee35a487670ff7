import fc from 'fast-check';
import { everyoneLeft, everyShareAccepted, leaving, type Share } from './group-shares';

const share = (over: Partial<Share>): Share => ({ facilityId: 'f', places: 4, state: 'HELD', accepted: false, ...over });

describe('group shares (003:484, domain.md §5a)', () => {
  it('a group split 16 + 4 is accepted as a whole only when both facilities have accepted their own share', () => {
    const first = share({ facilityId: 'a', places: 16, accepted: true });
    const second = share({ facilityId: 'b', places: 4 });
    expect(everyShareAccepted([first, second])).toBe(false);
    expect(everyShareAccepted([first, { ...second, accepted: true }])).toBe(true);
    expect(everyShareAccepted([])).toBe(false);
  });

  it('the stay is over only when every share has left', () => {
    expect(everyoneLeft([share({ state: 'RELEASED' }), share({ state: 'OCCUPIED' })])).toBe(false);
    expect(everyoneLeft([share({ state: 'RELEASED' }), share({ state: 'RELEASED' })])).toBe(true);
  });

  it('members leave one by one: between 1 and the share’s size, all by default', () => {
    expect(leaving(4, null)).toEqual({ leave: 4, remain: 0 });
    expect(leaving(4, 1)).toEqual({ leave: 1, remain: 3 });
    expect(leaving(4, 5)).toMatchObject({ error: expect.stringContaining('1 to 4') });
    expect(leaving(4, 0)).toMatchObject({ error: expect.any(String) });
  });

  it('property: leaving never takes more than are there, and what leaves plus what remains is the share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.option(fc.integer({ min: -5, max: 205 }), { nil: null }),
        (occupied, requested) => {
          const result = leaving(occupied, requested);
          if ('error' in result) return;
          expect(result.leave).toBeGreaterThanOrEqual(1);
          expect(result.leave + result.remain).toBe(occupied);
        },
      ),
    );
  });
});
