import { generateArrivals, hourOfWeek, hourWeight } from './demand';
import { byProfileClass, percentile } from './measures';
import { seededRandom } from './random';
import { drawDecisionAt, drawOfferAnswer, inOfficeHours, nextOfficeMoment } from './responders';

const YEAR = { from: new Date('2027-01-04T00:00:00Z'), to: new Date('2028-01-03T00:00:00Z') };
const REGIONS = ['AMS', 'RR', 'TW', 'LB'];

describe('national year: demand (issue 19)', () => {
  const arrivals = generateArrivals(seededRandom(1234), { ...YEAR, peoplePerYear: 1_100, regionCodes: REGIONS });
  const people = arrivals.reduce((sum, a) => sum + a.groupSize, 0);
  const share = (test: (a: (typeof arrivals)[number]) => boolean) => arrivals.filter(test).length / arrivals.length;

  it('repeats exactly with the same seed', () => {
    const again = generateArrivals(seededRandom(1234), { ...YEAR, peoplePerYear: 1_100, regionCodes: REGIONS });
    expect(again).toEqual(arrivals);
    expect(generateArrivals(seededRandom(99), { ...YEAR, peoplePerYear: 1_100, regionCodes: REGIONS })).not.toEqual(arrivals);
  });

  it('carries about the CoMensha-registered volume in a year (000:558-569)', () => {
    expect(people).toBeGreaterThan(800);
    expect(people).toBeLessThan(1_400);
  });

  it('is mostly sexual exploitation, then labour, then criminal (004:264-276)', () => {
    const single = arrivals.filter((a) => a.channel !== 'NLA');
    const of = (type: string) =>
      single.filter((a) => (a.profile.exploitationTypes as string[]).includes(type)).length / single.length;
    expect(of('SEXUAL')).toBeGreaterThan(0.5);
    expect(of('SEXUAL')).toBeLessThan(0.65);
    expect(of('LABOUR')).toBeGreaterThan(0.12);
    expect(of('CRIMINAL')).toBeGreaterThan(0.06);
    expect(of('CRIMINAL')).toBeLessThan(of('LABOUR'));
  });

  it('has minors, men, unknown statuses and labour groups', () => {
    expect(share((a) => a.classes.includes('minor'))).toBeGreaterThan(0.05);
    expect(share((a) => a.classes.includes('man'))).toBeGreaterThan(0.2);
    expect(share((a) => a.classes.includes('unknown status'))).toBeGreaterThan(0.3);
    const groups = arrivals.filter((a) => a.classes.includes('group'));
    expect(groups.length).toBeGreaterThan(5);
    expect(groups.every((a) => a.channel === 'NLA' && a.groupSize >= 2 && a.profile.groupSize === a.groupSize)).toBe(true);
  });

  it('arrives at every hour of the week, police more at night and in weekends', () => {
    const hours = new Set(arrivals.map((a) => hourOfWeek(a.at)));
    expect(hours.size).toBeGreaterThan(160);
    const police = arrivals.filter((a) => a.channel === 'POLICE');
    const sundayNight = police.filter((a) => hourOfWeek(a.at) >= 6 * 24 && hourOfWeek(a.at) < 6 * 24 + 6).length;
    const tuesdayAfternoon = police.filter((a) => hourOfWeek(a.at) >= 24 + 12 && hourOfWeek(a.at) < 24 + 18).length;
    expect(sundayNight).toBeGreaterThan(tuesdayAfternoon);
    expect(hourWeight('COORDINATOR', new Date('2027-01-05T10:00:00Z'))).toBeGreaterThan(
      hourWeight('COORDINATOR', new Date('2027-01-05T02:00:00Z')),
    );
  });

  it('dates a bedenktijd at the day of first contact', () => {
    const bedenktijd = arrivals.filter((a) => a.classes.includes('bedenktijd'));
    expect(bedenktijd.length).toBeGreaterThan(0);
    expect(bedenktijd.every((a) => a.profile.bedenktijdStart === a.at.toISOString().slice(0, 10))).toBe(true);
  });

  it('scales to the estimated total for the stress variant (000:552)', () => {
    const stress = generateArrivals(seededRandom(7), { ...YEAR, peoplePerYear: 6_000, regionCodes: REGIONS });
    const stressPeople = stress.reduce((sum, a) => sum + a.groupSize, 0);
    expect(stressPeople).toBeGreaterThan(5_000);
    expect(stressPeople).toBeLessThan(7_500);
  });
});

describe('national year: people answering', () => {
  it('CoMensha decides in office hours only', () => {
    const random = seededRandom(5);
    const sundayNight = new Date('2027-01-10T02:00:00Z');
    for (let i = 0; i < 200; i++) expect(inOfficeHours(drawDecisionAt(random, 'COMENSHA', sundayNight))).toBe(true);
    expect(nextOfficeMoment(sundayNight).toISOString()).toBe('2027-01-11T08:00:00.000Z');
  });

  it('shelters answer slower at night, decline some offers and let a few lapse', () => {
    const random = seededRandom(11);
    const day = Array.from({ length: 2_000 }, () => drawOfferAnswer(random, new Date('2027-01-05T11:00:00Z')));
    const night = Array.from({ length: 2_000 }, () => drawOfferAnswer(random, new Date('2027-01-05T02:00:00Z')));
    const median = (answers: typeof day) =>
      percentile(
        answers.filter((a) => a.afterMs !== null).map((a) => a.afterMs!),
        50,
      );
    expect(median(night)).toBeGreaterThan(2 * median(day));
    const declined = day.filter((a) => a.afterMs !== null && !a.accept);
    expect(declined.length / day.length).toBeGreaterThan(0.08);
    expect(declined.every((a) => typeof a.declineReason === 'string')).toBe(true);
    expect(day.some((a) => a.afterMs === null)).toBe(true);
  });
});

describe('national year: measures', () => {
  it('takes nearest-rank percentiles and counts who got no place per class', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 95)).toBe(5);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
    const at = new Date('2027-01-05T11:00:00Z');
    const table = byProfileClass(
      [
        {
          contactAt: at,
          classes: ['minor'],
          toPlaceMinutes: 10,
          toStructuralMinutes: null,
          toPlaceOrEscalationMinutes: 10,
          strictMinutes: 10,
          reachedBy: 'place',
          escalatedMinutes: null,
        },
        {
          contactAt: at,
          classes: ['man'],
          toPlaceMinutes: null,
          toStructuralMinutes: null,
          toPlaceOrEscalationMinutes: null,
          strictMinutes: null,
          reachedBy: null,
          escalatedMinutes: null,
        },
      ],
      (o) => o.toPlaceMinutes,
    );
    expect(table.everyone).toMatchObject({ n: 1, p50: 10, without: 1 });
    expect(table.man).toMatchObject({ n: 0, without: 1 });
  });
});
