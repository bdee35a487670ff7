/**
 * Who is found, when, and by whom: the year's victims as arrivals at the service. Pure (a seeded
 * random source in, arrivals out), so the mix can be unit-tested and a run repeated exactly.
 *
 * Figures from the seeds (file:line):
 * - volume: 5,060 victims registered with CoMensha in 2015-2019 (000:558-559), 1,013 in 2020
 *   (000:569): ~1,000 a year registered; 5,000-7,500 estimated in all (000:552, the stress variant).
 * - 62% sexual, 22% labour, 11% criminal exploitation, 11% unknown (004:264-276).
 * - ~40% younger than 23 (004:266); minors 535 of 5,060 (000:680-691, the age table's first row).
 * - sexual exploitation mostly women, labour and criminal more often men (004:270-272, 004:283-286;
 *   the share of men per form is not given: 90/30/35% women is our assumption).
 * - a third Dutch, a third other European, a third from outside Europe (000:579-583); how many are
 *   unknown at first contact the seeds do not say (we take 40%).
 * The hour-of-week shape (police finds at night and in weekends, referrals in office hours) and the
 * group sizes of labour raids are assumptions the seeds are silent on; they are parameters here.
 */
import { between, chance, exponential, type Random, weighted, wholeBetween } from './random';

export type Channel = 'POLICE' | 'COORDINATOR' | 'NLA';

export interface Arrival {
  /** First contact: the moment the requester asks the service. */
  at: Date;
  channel: Channel;
  regionCode: string;
  groupSize: number;
  urgency: 'ACUTE' | 'URGENT' | 'PLANNED';
  /** Criminal exploitation: whether the screeningsoverleg has decided the route (003:490). */
  routeDecided: boolean;
  /** As a client's GraphQL variables carry it. */
  profile: Record<string, unknown>;
  classes: ProfileClass[];
}

export const PROFILE_CLASSES = ['minor', 'man', 'unknown status', 'bedenktijd', 'group', 'high threat'] as const;
export type ProfileClass = (typeof PROFILE_CLASSES)[number];

export interface DemandSettings {
  from: Date;
  to: Date;
  /** People a year (not requests: a group of 8 is 8). ~1,000 registered (000:569), 5,000-7,500 estimated (000:552). */
  peoplePerYear: number;
  regionCodes: readonly string[];
}

/** Who finds them, as a share of people (assumption; the seeds name the channels, not their shares). */
const CHANNEL_SHARE: Record<Channel, number> = { POLICE: 0.45, COORDINATOR: 0.4, NLA: 0.15 };
const MEAN_NLA_GROUP = 6;

/** 004:264-276: 62 / 22 / 11, and 11% not known (sent as OTHER). */
const EXPLOITATION = { SEXUAL: 62, LABOUR: 22, CRIMINAL: 11, OTHER: 11 } as const;
const WOMEN_SHARE: Record<keyof typeof EXPLOITATION, number> = { SEXUAL: 0.9, LABOUR: 0.3, CRIMINAL: 0.35, OTHER: 0.6 };
/** 000:680-691: 535 of 5,060 under 18. */
const MINOR_SHARE = 535 / 5060;
/** 004:266: ~40% under 23, so ~29% more are 18-22. */
const YOUNG_ADULT_SHARE = 0.4 - MINOR_SHARE;
const UNKNOWN_STATUS_SHARE = 0.4;
const HIGH_THREAT_SHARE = 0.1;

const HOUR_MS = 3_600_000;

/**
 * How much more likely an arrival is in this hour of the week than on average (1 = average).
 * Police finds peak at night and in weekends; referrals come in office hours. Europe/Amsterdam is
 * approximated as UTC+1 (the simulation does not need the summer hour).
 */
export function hourWeight(channel: Channel, at: Date): number {
  const local = new Date(at.getTime() + HOUR_MS);
  const day = local.getUTCDay(); // 0 Sunday
  const hour = local.getUTCHours();
  const weekend = day === 0 || day === 6;
  const night = hour >= 22 || hour < 6;
  const office = !weekend && hour >= 9 && hour < 17;
  switch (channel) {
    case 'POLICE':
      return (night ? 1.6 : 0.7) * (weekend ? 1.4 : 0.85);
    case 'COORDINATOR':
      return office ? 3.5 : 0.25;
    case 'NLA':
      // Raids are planned: weekday mornings, some at night.
      return !weekend && hour >= 5 && hour < 12 ? 4 : night ? 0.5 : 0.2;
  }
}

/** The profile of one person (or of a group's first member), from the seeds' proportions. */
export function drawProfile(random: Random, channel: Channel): { profile: Record<string, unknown>; classes: ProfileClass[] } {
  const exploitation = channel === 'NLA' ? 'LABOUR' : weighted(random, EXPLOITATION);
  const female = chance(random, WOMEN_SHARE[exploitation]);
  const minor = channel !== 'NLA' && chance(random, MINOR_SHARE);
  const age = minor
    ? wholeBetween(random, 13, 17)
    : chance(random, YOUNG_ADULT_SHARE / (1 - MINOR_SHARE))
      ? wholeBetween(random, 18, 22)
      : wholeBetween(random, 23, 55);
  const unknownStatus = chance(random, UNKNOWN_STATUS_SHARE);
  const origin = weighted(random, { DUTCH: 1, EU_CITIZEN: 1, NON_EU: 1 }); // 000:579-583
  const profile: Record<string, unknown> = {
    gender: female ? 'FEMALE' : 'MALE',
    age,
    exploitationTypes: [exploitation],
  };
  let bedenktijd = false;
  if (!unknownStatus) {
    if (origin === 'NON_EU') {
      profile.residenceStatus = 'NO_LAWFUL_RESIDENCE';
      bedenktijd = chance(random, 0.6);
      profile.b8Status = bedenktijd ? 'BEDENKTIJD' : 'NOT_YET_INFORMED';
      if (bedenktijd) profile.bedenktijdStart = '__CONTACT_DAY__';
    } else {
      profile.residenceStatus = origin;
      profile.b8Status = 'NOT_APPLICABLE';
    }
  }
  const highThreat = chance(random, HIGH_THREAT_SHARE);
  if (highThreat) profile.threatLevel = 'HIGH';
  if (minor) profile.unaccompanied = chance(random, 0.7);
  const classes: ProfileClass[] = [];
  if (minor) classes.push('minor');
  if (!female) classes.push('man');
  if (unknownStatus) classes.push('unknown status');
  if (bedenktijd) classes.push('bedenktijd');
  if (highThreat) classes.push('high threat');
  return { profile, classes };
}

/**
 * Every arrival between `from` and `to`, in time order: a Poisson process per channel whose rate
 * follows `hourWeight` (thinning), scaled so the year carries `peoplePerYear` people.
 */
export function generateArrivals(random: Random, settings: DemandSettings): Arrival[] {
  const arrivals: Arrival[] = [];
  const yearHours = 365 * 24;
  for (const channel of Object.keys(CHANNEL_SHARE) as Channel[]) {
    const meanSize = channel === 'NLA' ? MEAN_NLA_GROUP : 1;
    const arrivalsPerHour = (settings.peoplePerYear * CHANNEL_SHARE[channel]) / meanSize / yearHours;
    const peak = channel === 'COORDINATOR' ? 3.5 : channel === 'NLA' ? 4 : 1.6 * 1.4;
    let t = settings.from.getTime();
    for (;;) {
      t += exponential(random, HOUR_MS / (arrivalsPerHour * peak));
      if (t >= settings.to.getTime()) break;
      const at = new Date(t);
      if (random.next() * peak > hourWeight(channel, at)) continue;
      const { profile, classes } = drawProfile(random, channel);
      const groupSize = channel === 'NLA' ? Math.max(2, Math.round(between(random, 2, 2 * MEAN_NLA_GROUP - 2))) : 1;
      if (groupSize > 1) {
        profile.groupSize = groupSize;
        classes.push('group');
      }
      if (profile.bedenktijdStart === '__CONTACT_DAY__') profile.bedenktijdStart = at.toISOString().slice(0, 10);
      const criminal = (profile.exploitationTypes as string[]).includes('CRIMINAL');
      arrivals.push({
        at,
        channel,
        regionCode: settings.regionCodes[Math.floor(random.next() * settings.regionCodes.length)],
        groupSize,
        urgency: channel === 'COORDINATOR' ? (chance(random, 0.6) ? 'URGENT' : 'PLANNED') : 'ACUTE',
        routeDecided: !criminal || chance(random, 0.5),
        profile,
        classes,
      });
    }
  }
  return arrivals.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The hour of the week (0 = Monday 00:00 … 167 = Sunday 23:00), Europe/Amsterdam as UTC+1. */
export function hourOfWeek(at: Date): number {
  const local = new Date(at.getTime() + HOUR_MS);
  return ((local.getUTCDay() + 6) % 7) * 24 + local.getUTCHours();
}
