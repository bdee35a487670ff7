import { followUpEndsWithStay, leavesTheChain, StayOutcome } from './stay-outcome';

describe('what follows a stay when it ends', () => {
  it("a noodbed's onward request goes on unless she is gone from the chain", () => {
    const onward = { isTransfer: false };
    expect(followUpEndsWithStay(null, onward)).toBe(false);
    expect(followUpEndsWithStay(StayOutcome.OTHER, onward)).toBe(false);
    expect(followUpEndsWithStay(StayOutcome.LEFT_WITHOUT_NOTICE, onward)).toBe(true);
    expect(leavesTheChain(StayOutcome.OTHER_SHELTER_KIND)).toBe(false);
  });

  it('a transfer goes on to another kind of shelter, or when nothing was said; any other end takes it along (red team, fourth pass N2)', () => {
    const transfer = { isTransfer: true };
    expect(followUpEndsWithStay(StayOutcome.OTHER_SHELTER_KIND, transfer)).toBe(false);
    expect(followUpEndsWithStay(null, transfer)).toBe(false);
    expect(followUpEndsWithStay(StayOutcome.OTHER, transfer)).toBe(true);
    expect(followUpEndsWithStay(StayOutcome.OWN_HOUSING, transfer)).toBe(true);
  });
});
