/**
 * The yearly "aard en omvang" counts (issue 6): people placed, by exploitation type, gender, age
 * band, kind of shelter and region — with small counts suppressed so that nobody can be recognised
 * from a published table (domain.md §6: privacy is part of the design).
 *
 * Suppression, as statistical offices do it for frequency tables:
 * - primary: a count from 1 to THRESHOLD − 1 is not shown (0 is shown: it points at nobody);
 * - secondary: when a dimension has exactly one suppressed cell and the total is shown, the cell
 *   could be recovered by subtraction, so the next smallest non-zero cell is suppressed as well;
 * - a total below the threshold suppresses the whole table.
 */
import type { ShelterType } from '../enums';
import type { AgeBand, AnonymousFacts } from '../placement/anonymous-facts';

export const SMALL_COUNT_THRESHOLD = 5;

export interface StatisticCount {
  key: string;
  /** null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

/** One placement: where (facility kind and region) and the anonymous facts of the person(s). */
export interface PlacementFacts {
  facts: AnonymousFacts;
  type: ShelterType;
  regionCode: string;
  /** The onward placement of people already placed (a noodbed bridge): not counted as people again. */
  movedOn: boolean;
}

export interface StatisticCategories {
  exploitationTypes: readonly string[];
  genders: readonly string[];
  ageBands: readonly string[];
  types: readonly string[];
  regionCodes: readonly string[];
}

export interface PlacementStatistics {
  /**
   * People placed (a group counts each of its members; someone moved on from a noodbed counts
   * once); null when suppressed. Every dimension counts people, except `byShelterType`, which
   * counts placements: a person moved on from a noodbed to COSM counts under both kinds.
   */
  placements: number | null;
  suppressionThreshold: number;
  byExploitationType: StatisticCount[];
  byGender: StatisticCount[];
  byAgeBand: StatisticCount[];
  byShelterType: StatisticCount[];
  byRegion: StatisticCount[];
}

export const AGE_BANDS: readonly AgeBand[] = ['MINOR', '18-22', '23-29', '30-39', '40+', 'UNKNOWN'];

function isSmall(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

/** One dimension of the table with primary and secondary suppression applied. */
export function suppressSmallCounts(
  counts: ReadonlyMap<string, number>,
  categories: readonly string[],
  totalShown: boolean,
  threshold = SMALL_COUNT_THRESHOLD,
): StatisticCount[] {
  const cells = categories.map((key) => ({
    key,
    count: counts.get(key) ?? 0,
    suppressed: !totalShown && (counts.get(key) ?? 0) > 0,
  }));
  if (totalShown) {
    for (const cell of cells) cell.suppressed = isSmall(cell.count, threshold);
    if (cells.filter((cell) => cell.suppressed).length === 1) {
      const next = cells
        .filter((cell) => !cell.suppressed && cell.count > 0)
        .sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
      if (next) next.suppressed = true;
    }
  }
  return cells.map((cell) => ({ key: cell.key, count: cell.suppressed ? null : cell.count, suppressed: cell.suppressed }));
}

export function placementStatistics(
  placements: readonly PlacementFacts[],
  categories: StatisticCategories,
  threshold = SMALL_COUNT_THRESHOLD,
): PlacementStatistics {
  const byExploitationType = new Map<string, number>();
  const byGender = new Map<string, number>();
  const byAgeBand = new Map<string, number>();
  const byShelterType = new Map<string, number>();
  const byRegion = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string, people: number) => counts.set(key, (counts.get(key) ?? 0) + people);
  let people = 0;
  for (const { facts, type, regionCode, movedOn } of placements) {
    const members = Math.max(1, facts.groupSize);
    add(byShelterType, type, members);
    if (movedOn) continue;
    people += members;
    // A person exploited in more than one way counts under each type, as the national reports do.
    for (const exploitation of new Set(facts.exploitationTypes)) add(byExploitationType, exploitation, members);
    add(byGender, facts.gender, members);
    add(byAgeBand, facts.ageBand, members);
    add(byRegion, regionCode, members);
  }
  // Too few people hides every dimension, the kinds included: they would count the same people.
  const totalShown = !isSmall(people, threshold);
  const dimension = (counts: Map<string, number>, keys: readonly string[]) =>
    suppressSmallCounts(counts, keys, totalShown, threshold);
  return {
    placements: totalShown ? people : null,
    suppressionThreshold: threshold,
    byExploitationType: dimension(byExploitationType, categories.exploitationTypes),
    byGender: dimension(byGender, categories.genders),
    byAgeBand: dimension(byAgeBand, categories.ageBands),
    byShelterType: dimension(byShelterType, categories.types),
    byRegion: dimension(byRegion, categories.regionCodes),
  };
}
