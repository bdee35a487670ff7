/**
 * The yearly "aard en omvang" counts (issue 6): people placed, by exploitation type, gender, age
 * band, kind of shelter and region — with small counts suppressed so that nobody can be recognised
 * from a published table (domain.md §6: privacy is part of the design).
 *
 * Suppression is small-counts.ts's, shared with unmetDemand: counts 1 to THRESHOLD − 1 hidden, a second
 * cell where one hidden cell could be recovered by subtraction, and a total below the threshold
 * hides the whole table.
 */
import type { ShelterType } from '../enums';
import type { AgeBand, AnonymousFacts } from '../placement/anonymous-facts';
import { OUTCOME_KEYS, OUTCOME_NOT_RECORDED } from '../placement/stay-outcome';
import { TRANSFER_REASON_KEYS } from '../placement/transfer';
import { isSmallCount, SMALL_COUNT_THRESHOLD, type StatisticCount, suppressSmallCounts } from './small-counts';

export { SMALL_COUNT_THRESHOLD, type StatisticCount, suppressSmallCounts } from './small-counts';

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

/** People who left a stay in the year (ENDED or LEFT), and how: `outcome` null when none was given. */
export interface Leaving {
  outcome: string | null;
  people: number;
}

export interface OutcomeStatistics {
  /** People whose stay ended in the year; null when suppressed. */
  left: number | null;
  /** Per outcome (OUTCOME_KEYS), with the same suppression as the placements. */
  byOutcome: StatisticCount[];
}

/**
 * How stays ended (issue 14): people per outcome, NOT_RECORDED for a stay ended without one. A
 * move on to the onward place of a noodbed is not an end (she is still in the chain), so it is not
 * here. Small counts are suppressed as in the placement tables, against this table's own total.
 */
export function outcomeStatistics(leavings: readonly Leaving[], threshold = SMALL_COUNT_THRESHOLD): OutcomeStatistics {
  const counts = new Map<string, number>();
  let people = 0;
  for (const { outcome, people: n } of leavings) {
    const key = outcome ?? OUTCOME_NOT_RECORDED;
    counts.set(key, (counts.get(key) ?? 0) + n);
    people += n;
  }
  const totalShown = !isSmallCount(people, threshold);
  return {
    left: totalShown ? people : null,
    byOutcome: suppressSmallCounts(counts, OUTCOME_KEYS, totalShown, threshold),
  };
}

/** A transfer requested in the year (issue 14), by its reason. */
export interface TransferFact {
  reason: string;
}

export interface TransferStatistics {
  /** Transfers requested in the year (moves from a stay to another place); null when suppressed. */
  transfers: number | null;
  /** Per TransferReason, with the same suppression as the placements. */
  transfersByReason: StatisticCount[];
}

/** How often people were moved on, and why (requestTransfer): small counts suppressed against this table's own total. */
export function transferStatistics(transfers: readonly TransferFact[], threshold = SMALL_COUNT_THRESHOLD): TransferStatistics {
  const counts = new Map<string, number>();
  for (const { reason } of transfers) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const totalShown = !isSmallCount(transfers.length, threshold);
  return {
    transfers: totalShown ? transfers.length : null,
    transfersByReason: suppressSmallCounts(counts, TRANSFER_REASON_KEYS, totalShown, threshold),
  };
}

export const AGE_BANDS: readonly AgeBand[] = ['MINOR', '18-22', '23-29', '30-39', '40+', 'UNKNOWN'];

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
  const totalShown = !isSmallCount(people, threshold);
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
