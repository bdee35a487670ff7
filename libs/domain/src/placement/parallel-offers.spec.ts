import { Urgency } from '../enums';
import { DEFAULT_PARALLEL_OFFERS, parallelOfferCount, parallelOffersRefusal } from './parallel-offers';

const settings = DEFAULT_PARALLEL_OFFERS;

describe('parallel offers: how many shelters one offer goes to (issue 18)', () => {
  it('the police officer at 03:00 with an ACUTE request: the best three at once by default', () => {
    expect(parallelOfferCount({ urgency: Urgency.ACUTE, asked: null, group: false, onward: false, settings })).toBe(3);
    expect(
      parallelOfferCount({ urgency: Urgency.ACUTE, asked: null, group: false, onward: false, settings: { acute: 5, urgent: 1 } }),
    ).toBe(5);
  });

  it('an URGENT request goes one at a time unless the requester asks, then as an ACUTE one', () => {
    expect(parallelOfferCount({ urgency: Urgency.URGENT, asked: null, group: false, onward: false, settings })).toBe(1);
    expect(parallelOfferCount({ urgency: Urgency.URGENT, asked: true, group: false, onward: false, settings })).toBe(3);
    expect(
      parallelOfferCount({
        urgency: Urgency.URGENT,
        asked: null,
        group: false,
        onward: false,
        settings: { acute: 3, urgent: 2 },
      }),
    ).toBe(2);
  });

  it('a requester who asks for one at a time, a PLANNED request and a group (003:484) get one offer at a time', () => {
    expect(parallelOfferCount({ urgency: Urgency.ACUTE, asked: false, group: false, onward: false, settings })).toBe(1);
    expect(parallelOfferCount({ urgency: Urgency.PLANNED, asked: null, group: false, onward: false, settings })).toBe(1);
    expect(parallelOfferCount({ urgency: Urgency.ACUTE, asked: null, group: true, onward: false, settings })).toBe(1);
  });

  it('a SAFETY move out of her stay, or the onward request of her interim place, gets one offer at a time: she holds her place and one more at most (one-place.ts; red team, fifth pass M1)', () => {
    expect(parallelOfferCount({ urgency: Urgency.ACUTE, asked: null, group: false, onward: true, settings })).toBe(1);
    expect(parallelOfferCount({ urgency: Urgency.URGENT, asked: true, group: false, onward: true, settings })).toBe(1);
  });

  it('asking for parallel offers on a PLANNED request or for a group is refused with the reason', () => {
    expect(parallelOffersRefusal({ urgency: Urgency.PLANNED, asked: true, group: false })).toMatch(/ACUTE and URGENT/);
    expect(parallelOffersRefusal({ urgency: Urgency.URGENT, asked: true, group: true })).toMatch(/one person/);
    expect(parallelOffersRefusal({ urgency: Urgency.URGENT, asked: true, group: false })).toBeNull();
    expect(parallelOffersRefusal({ urgency: Urgency.PLANNED, asked: false, group: false })).toBeNull();
  });
});
