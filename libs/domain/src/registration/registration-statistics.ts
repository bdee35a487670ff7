/**
 * The yearly count of people registered with CoMensha (issue 14): everyone reported, placed or not
 * (a victim who needs no shelter still counts, as in CoMensha's "aard en omvang"), with the same
 * small-count suppression as the placement figures (small-counts.ts), zeros hidden too: every
 * coordinator's registration changes this table at once, so a cell going from a shown 0 to hidden
 * between two reads would describe the person just registered.
 */
import { addDays, isoWeekday, localDateOf, startOfLocalDay } from '../calendar/wall-clock';
import { isSmallCount, SMALL_COUNT_THRESHOLD, type StatisticCount, suppressSmallCounts } from '../insight/small-counts';
import type { RegistrationFacts } from './victim-registration';

/** One registration as the statistics need it: its facts, and whether she was ever placed through the service. */
export interface RegisteredPerson {
  facts: RegistrationFacts;
  placed: boolean;
}

export interface RegistrationCategories {
  exploitationTypes: readonly string[];
  genders: readonly string[];
  ageBands: readonly string[];
  nationalityGroups: readonly string[];
  signallers: readonly string[];
  regionCodes: readonly string[];
}

export const PLACEMENT_KEYS = ['PLACED', 'NOT_PLACED'] as const;

/**
 * The figures count registrations made before the start of this week (Monday 00:00 in Amsterdam):
 * read twice in one week they are the same, so comparing a read before and after one coordinator's
 * registration tells nothing about her; from week to week the table moves by everyone registered
 * in between (red team N8).
 */
export function registrationsCountedUntil(now: Date): Date {
  const today = localDateOf(now);
  return startOfLocalDay(addDays(today, 1 - isoWeekday(today)));
}

export interface RegistrationStatistics {
  /** People registered in the year; null when suppressed. */
  registered: number | null;
  suppressionThreshold: number;
  byExploitationType: StatisticCount[];
  byGender: StatisticCount[];
  byAgeBand: StatisticCount[];
  byNationalityGroup: StatisticCount[];
  bySignaller: StatisticCount[];
  byRegion: StatisticCount[];
  /** PLACED (a linked request reached a place) or NOT_PLACED. */
  byPlacement: StatisticCount[];
}

export function registrationStatistics(
  people: readonly RegisteredPerson[],
  categories: RegistrationCategories,
  threshold = SMALL_COUNT_THRESHOLD,
): RegistrationStatistics {
  const tables = {
    exploitation: new Map<string, number>(),
    gender: new Map<string, number>(),
    ageBand: new Map<string, number>(),
    nationality: new Map<string, number>(),
    signaller: new Map<string, number>(),
    region: new Map<string, number>(),
    placement: new Map<string, number>(),
  };
  const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const { facts, placed } of people) {
    // Exploited in more than one way counts under each type, as the national reports do.
    for (const type of new Set(facts.exploitationTypes)) add(tables.exploitation, type);
    add(tables.gender, facts.gender);
    add(tables.ageBand, facts.ageBand);
    add(tables.nationality, facts.nationalityGroup);
    add(tables.signaller, facts.signalledBy);
    add(tables.region, facts.regionCode);
    add(tables.placement, placed ? 'PLACED' : 'NOT_PLACED');
  }
  const totalShown = !isSmallCount(people.length, threshold);
  const dimension = (counts: Map<string, number>, keys: readonly string[]) =>
    suppressSmallCounts(counts, keys, totalShown, threshold, { hideZeros: true });
  return {
    registered: totalShown ? people.length : null,
    suppressionThreshold: threshold,
    byExploitationType: dimension(tables.exploitation, categories.exploitationTypes),
    byGender: dimension(tables.gender, categories.genders),
    byAgeBand: dimension(tables.ageBand, categories.ageBands),
    byNationalityGroup: dimension(tables.nationality, categories.nationalityGroups),
    bySignaller: dimension(tables.signaller, categories.signallers),
    byRegion: dimension(tables.region, categories.regionCodes),
    byPlacement: dimension(tables.placement, PLACEMENT_KEYS),
  };
}
