import { ShelterType } from '../enums';
import { DeclineReason, OfferAnswer } from '../placement/offer-answer';
import {
  MIN_SECRET_FACILITIES_PER_LINE,
  type OfferRecord,
  publishOfferResponses,
  publishOfferResponseSum,
  publishSecretOfferResponses,
  tallyOfferResponses,
} from './offer-responses';

const MONDAY = new Date('2026-11-30T09:00:00+01:00');
let n = 0;
function offer(
  facilityId: string,
  answer: OfferAnswer | null,
  minutes: number | null,
  reason: DeclineReason | null = null,
): OfferRecord {
  n += 1;
  const offeredAt = new Date(MONDAY.getTime() - 86_400_000 + n * 60_000);
  return {
    facilityId,
    type: ShelterType.VROUWENOPVANG,
    regionCode: 'RR',
    secretAddress: false,
    offeredAt,
    answer,
    answeredAt: minutes === null ? null : new Date(offeredAt.getTime() + minutes * 60_000),
    declineReason: reason,
  };
}
const times = (count: number, make: () => OfferRecord) => Array.from({ length: count }, make);

describe("shelters' response figures (issue 18)", () => {
  it('the shelter on its desk: offers, answers per kind and reason, lapses, and the nearest-rank median and p90', () => {
    const tally = tallyOfferResponses([
      offer('vo-1', OfferAnswer.ACCEPTED, 5),
      offer('vo-1', OfferAnswer.ACCEPTED, 10),
      offer('vo-1', OfferAnswer.DECLINED, 20, DeclineReason.CONTRA_INDICATION),
      offer('vo-1', OfferAnswer.DECLINED, 40, null),
      offer('vo-1', OfferAnswer.LAPSED, null),
      offer('vo-1', null, null),
    ]);
    expect(tally).toMatchObject({ offers: 6, accepted: 2, declined: 2, lapsed: 1, withdrawn: 1 });
    expect(tally.byReason.find((r) => r.reason === DeclineReason.CONTRA_INDICATION)?.offers).toBe(1);
    expect(tally.byReason.find((r) => r.reason === DeclineReason.NOT_CODED)?.offers).toBe(1);
    // Four answers timed: 5, 10, 20, 40 → median the 2nd (10), p90 the 4th (40); the lapse is not timed.
    expect(tally.minutesToRespond).toEqual({ count: 4, medianMinutes: 10, p90Minutes: 40 });
  });

  it('CoMensha on Monday: a facility with fewer offers than the floor (5) is hidden whole, zeros too', () => {
    const few = tallyOfferResponses(times(4, () => offer('vo-few', OfferAnswer.ACCEPTED, 3)));
    const published = publishOfferResponses(few);
    expect(published.suppressed).toBe(true);
    expect([published.offers, published.accepted, published.declined, published.lapsed]).toEqual([null, null, null, null]);
    expect(published.minutesToRespond).toMatchObject({ count: null, medianMinutes: null, p90Minutes: null });
    expect(published.byReason.every((r) => r.offers === null)).toBe(true);
  });

  it('a facility with enough offers is shown, with its small cells hidden so none follows by subtraction', () => {
    const tally = tallyOfferResponses([
      ...times(8, () => offer('vo-1', OfferAnswer.ACCEPTED, 15)),
      ...times(2, () => offer('vo-1', OfferAnswer.DECLINED, 30, DeclineReason.NO_PLACE_FREE)),
      ...times(6, () => offer('vo-1', OfferAnswer.LAPSED, null)),
    ]);
    const published = publishOfferResponses(tally);
    expect(published.offers).toBe(16);
    expect(published.declined).toBeNull(); // 2: primary
    expect(published.accepted).toBeNull(); // answered 10 = accepted + declined: secondary
    expect(published.byReason.find((r) => r.reason === DeclineReason.NO_PLACE_FREE)?.offers).toBeNull();
    expect(published.lapsed).toBe(6);
    expect(published.minutesToRespond).toMatchObject({ count: 10, medianMinutes: 15, p90Minutes: 30 });
  });

  it("a hidden facility is not its region's figure less the shown facilities; the busy one stays shown", () => {
    const big = tallyOfferResponses([
      ...times(16, () => offer('vo-big', OfferAnswer.ACCEPTED, 10)),
      ...times(6, () => offer('vo-big', OfferAnswer.LAPSED, null)),
    ]);
    const small = tallyOfferResponses(times(3, () => offer('vo-small', OfferAnswer.ACCEPTED, 10)));
    const parts = [big, small].map((tally) => ({ tally, published: publishOfferResponses(tally) }));
    expect(parts[0].published).toMatchObject({ offers: 22, accepted: 16, lapsed: 6 });
    expect(parts[1].published.offers).toBeNull();
    const region = publishOfferResponseSum(parts);
    // 25 − 22 would be the small facility's 3: hidden. Its lapses are hidden too (a hidden 0).
    expect(region.offers).toBeNull();
    expect(region.accepted).toBeNull();
    expect(region.lapsed).toBeNull();
    expect(region.minutesToRespond.medianMinutes).toBeNull();
  });

  it('a region of facilities each shown is shown, with the median over all their answers', () => {
    const a = tallyOfferResponses(times(6, () => offer('vo-a', OfferAnswer.ACCEPTED, 10)));
    const b = tallyOfferResponses(times(5, () => offer('vo-b', OfferAnswer.ACCEPTED, 40)));
    const region = publishOfferResponseSum([a, b].map((tally) => ({ tally, published: publishOfferResponses(tally) })));
    expect(region).toMatchObject({ offers: 11, accepted: 11, declined: 0, lapsed: 0, suppressed: false });
    expect(region.minutesToRespond).toMatchObject({ count: 11, medianMinutes: 10, p90Minutes: 40 });
  });

  it('a median is not shown beside fewer than five answers, however many offers lapsed', () => {
    const tally = tallyOfferResponses([
      ...times(3, () => offer('vo-1', OfferAnswer.ACCEPTED, 7)),
      ...times(9, () => offer('vo-1', OfferAnswer.LAPSED, null)),
    ]);
    const published = publishOfferResponses(tally);
    expect(published.offers).toBe(12);
    expect(published.minutesToRespond.medianMinutes).toBeNull();
    expect(published.minutesToRespond.p90Minutes).toBeNull();
  });

  it('the secret shelters of a kind are a line only when at least three stand behind it (red team F6): one alone would be its own figures', () => {
    const tally = tallyOfferResponses(times(20, () => offer('geheim-1', OfferAnswer.ACCEPTED, 10)));
    expect(MIN_SECRET_FACILITIES_PER_LINE).toBe(3);
    expect(publishSecretOfferResponses(tally, 1)).toMatchObject({ suppressed: true, offers: null, accepted: null });
    expect(publishSecretOfferResponses(tally, 2).minutesToRespond.medianMinutes).toBeNull();
    expect(publishSecretOfferResponses(tally, 3)).toEqual(publishOfferResponses(tally));
  });
});
