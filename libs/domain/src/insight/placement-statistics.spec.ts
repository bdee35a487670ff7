import fc from 'fast-check';
import { ExploitationType, Gender, ShelterType } from '../enums';
import type { AnonymousFacts } from '../placement/anonymous-facts';
import {
  AGE_BANDS,
  type PlacementFacts,
  placementStatistics,
  SMALL_COUNT_THRESHOLD,
  suppressSmallCounts,
} from './placement-statistics';

const categories = {
  exploitationTypes: Object.values(ExploitationType),
  genders: Object.values(Gender),
  ageBands: AGE_BANDS,
  types: Object.values(ShelterType),
  regionCodes: ['RR', 'AMS', 'UTR'],
};
const facts = (overrides: Partial<AnonymousFacts> = {}): AnonymousFacts => ({
  gender: Gender.FEMALE,
  ageBand: '23-29',
  exploitationTypes: [ExploitationType.SEXUAL],
  residenceStatus: null,
  careNeeds: [],
  withChildren: false,
  groupSize: 1,
  ...overrides,
});
const placed = (
  n: number,
  overrides: Partial<AnonymousFacts> = {},
  type = ShelterType.COSM,
  regionCode = 'RR',
): PlacementFacts[] => Array.from({ length: n }, () => ({ facts: facts(overrides), type, regionCode, movedOn: false }));
const cell = (cells: { key: string; count: number | null; suppressed: boolean }[], key: string) =>
  cells.find((c) => c.key === key);

describe('placementStatistics', () => {
  it('counts people placed per dimension; a group counts each member and a person with two types counts under both', () => {
    const stats = placementStatistics(
      [
        ...placed(10),
        ...placed(
          1,
          { gender: Gender.MALE, exploitationTypes: [ExploitationType.LABOUR, ExploitationType.CRIMINAL], groupSize: 12 },
          ShelterType.NLA_CRISIS,
          'AMS',
        ),
      ],
      categories,
    );
    expect(stats.placements).toBe(22);
    expect(cell(stats.byGender, 'MALE')).toEqual({ key: 'MALE', count: 12, suppressed: false });
    expect(cell(stats.byExploitationType, 'LABOUR')?.count).toBe(12);
    expect(cell(stats.byExploitationType, 'CRIMINAL')?.count).toBe(12);
    expect(cell(stats.byRegion, 'AMS')?.count).toBe(12);
    expect(cell(stats.byRegion, 'UTR')).toEqual({ key: 'UTR', count: 0, suppressed: false });
  });

  it('counts someone moved on from a noodbed once as a person, and under both kinds as placements', () => {
    const noodbed = placed(6, {}, ShelterType.NOODBED);
    const onward = placed(6, {}, ShelterType.COSM).map((p) => ({ ...p, movedOn: true }));
    const stats = placementStatistics([...noodbed, ...onward], categories);
    expect(stats.placements).toBe(6);
    expect(cell(stats.byGender, 'FEMALE')?.count).toBe(6);
    expect(cell(stats.byShelterType, 'NOODBED')?.count).toBe(6);
    expect(cell(stats.byShelterType, 'COSM')?.count).toBe(6);
  });

  it('suppresses counts from 1 to 4, and one more cell when a single hidden cell could be recovered by subtraction', () => {
    const stats = placementStatistics(
      [...placed(20), ...placed(3, { gender: Gender.MALE }), ...placed(8, { gender: Gender.X })],
      categories,
    );
    expect(stats.placements).toBe(31);
    expect(stats.byGender).toEqual([
      { key: 'FEMALE', count: 20, suppressed: false },
      { key: 'MALE', count: null, suppressed: true },
      { key: 'X', count: null, suppressed: true }, // secondary: 31 − 20 would give MALE away otherwise
    ]);
  });

  it('hides the whole table when fewer than five people were placed', () => {
    const stats = placementStatistics(placed(4), categories);
    expect(stats.placements).toBeNull();
    expect(stats.byGender.filter((c) => c.count !== null && c.count > 0)).toEqual([]);
  });

  it('never shows a count below the threshold, and never leaves a lone hidden cell beside a shown total (property)', () => {
    const counts = fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D', 'E'), fc.nat({ max: 30 }));
    fc.assert(
      fc.property(counts, (dictionary) => {
        const map = new Map(Object.entries(dictionary));
        const total = [...map.values()].reduce((sum, n) => sum + n, 0);
        const totalShown = !(total > 0 && total < SMALL_COUNT_THRESHOLD);
        const cells = suppressSmallCounts(map, ['A', 'B', 'C', 'D', 'E'], totalShown);
        for (const c of cells) {
          if (!c.suppressed) expect(c.count === 0 || (c.count ?? 0) >= SMALL_COUNT_THRESHOLD).toBe(true);
          if (c.suppressed) expect(c.count).toBeNull();
        }
        if (totalShown) expect(cells.filter((c) => c.suppressed).length).not.toBe(1);
      }),
    );
  });
});
