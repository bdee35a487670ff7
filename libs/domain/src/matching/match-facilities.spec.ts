import { COMENSHA_OFFICE_HOURS } from '../calendar/authority-hours';
import { ExclusionCode } from '../eligibility/exclusion';
import {
  AangifteStatus,
  B8Status,
  CareNeed,
  ExploitationType,
  Freshness,
  Gender,
  PlacingAuthority,
  ResidenceStatus,
  ShelterType,
  ThreatLevel,
} from '../enums';
import { DEFAULT_AUTHORITY_HOURS } from '../calendar/authority-hours';
import { matchingConfig } from '../matching-config';
import { UpdateCadence } from '../register';
import { newFacility, newProfile } from '../testing/factories';
import { RequesterCapacity } from '../placement/authority';
import { AdviceCode } from './advice';
import { matchFacilities, MatchInput } from './match-facilities';

const FRIDAY_EVENING = new Date('2026-03-27T20:00:00+01:00');
const MONDAY_MORNING = new Date('2026-03-30T10:00:00+02:00');
const MONDAY_0900 = new Date('2026-03-30T09:00:00+02:00');

const bedenktijdProfile = newProfile({
  residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE,
  b8Status: B8Status.BEDENKTIJD,
  bedenktijdStart: '2026-03-20',
  aangifte: AangifteStatus.NONE,
});

const register = (): MatchInput['facilities'] => [
  newFacility({
    id: 'cosm-ams',
    type: ShelterType.COSM,
    regionCode: 'AMS',
    latitude: 52.37,
    longitude: 4.9,
    capacityUpdatedAt: null,
  }),
  newFacility({
    id: 'noodbed-rr',
    type: ShelterType.NOODBED,
    regionCode: 'RR',
    capacityUpdatedAt: new Date('2026-03-27T18:00:00Z'),
  }),
  newFacility({ id: 'vo-rr', type: ShelterType.VROUWENOPVANG, regionCode: 'RR' }),
  newFacility({ id: 'omm-tw', type: ShelterType.OMM, regionCode: 'TW', latitude: 52.22, longitude: 6.89 }),
];

describe('matchFacilities: bedenktijd victim and COSM office hours (000:2136-2139)', () => {
  it('Friday evening: COSM is best but closed; the police bridge via the noodbed to COSM on Monday 09:00', () => {
    const result = matchFacilities({
      profile: bedenktijdProfile,
      facilities: register().filter((f) => f.id !== 'vo-rr'),
      at: FRIDAY_EVENING,
      requesterRegionCode: 'RR',
      capacities: [RequesterCapacity.POLICE],
    });
    expect(result.matches.map((m) => [m.facility.id, m.placeableNow])).toEqual([
      ['cosm-ams', false],
      ['noodbed-rr', true],
    ]);
    const [cosm, noodbed] = result.matches;
    expect(cosm.placeableAt).toEqual(MONDAY_0900);
    expect(noodbed.placeableAt).toEqual(FRIDAY_EVENING);
    expect(cosm.reasons).toContain('COSM: the specialised place in the bedenktijd (000:2130-2131)');
    expect(cosm.reasons).toContain('capacity never confirmed: call to verify');
    expect(cosm.reasons.some((r) => r.startsWith('placeable from 2026-03-30T07:00:00.000Z'))).toBe(true);
    expect(result.advice).toEqual([
      expect.objectContaining({
        code: AdviceCode.BRIDGE_THEN_TRANSFER,
        bridgeFacilityId: 'noodbed-rr',
        onwardFacilityId: 'cosm-ams',
        onwardPlaceableAt: MONDAY_0900,
      }),
    ]);
    expect(result.excluded.map((e) => [e.facility.id, e.reasons.map((r) => r.code)])).toEqual([
      ['omm-tw', [ExclusionCode.CARE_NEEDS]],
    ]);
  });

  it('Friday evening, asked by a zorgcoördinator: VO as the interim place until COSM, never the police’s noodbed (000:2136-2139, 002:761-763)', () => {
    const result = matchFacilities({
      profile: bedenktijdProfile,
      facilities: register(),
      at: FRIDAY_EVENING,
      requesterRegionCode: 'RR',
      capacities: [RequesterCapacity.REGION_ZORGCOORDINATOR],
    });
    const vo = result.matches.find((m) => m.facility.id === 'vo-rr');
    expect(vo).toMatchObject({ placeableNow: true, interimFor: [ShelterType.COSM] });
    expect(vo!.reasons).toContain('interim place only: onward to COSM (000:2136-2139)');
    expect(result.advice).toEqual([
      expect.objectContaining({ code: AdviceCode.BRIDGE_THEN_TRANSFER, bridgeFacilityId: 'vo-rr', onwardFacilityId: 'cosm-ams' }),
    ]);
    expect(JSON.stringify(result.advice)).not.toContain('noodbed');
  });

  it('Monday morning: COSM placeable now, no bridge', () => {
    const result = matchFacilities({ profile: bedenktijdProfile, facilities: register(), at: MONDAY_MORNING });
    expect(result.matches[0]).toMatchObject({ placeableNow: true, placeableAt: MONDAY_MORNING });
    expect(result.matches[0].facility.id).toBe('cosm-ams');
    expect(result.advice).toEqual([]);
  });

  it('uses the configured authority hours (CoMensha 08:00–19:00)', () => {
    const result = matchFacilities({
      profile: bedenktijdProfile,
      facilities: register(),
      at: new Date('2026-03-30T18:30:00+02:00'),
      authorityHours: {
        ...DEFAULT_AUTHORITY_HOURS,
        [PlacingAuthority.COMENSHA]: { ...COMENSHA_OFFICE_HOURS, opens: '08:00', closes: '19:00' },
      },
    });
    expect(result.matches[0]).toMatchObject({ placeableNow: true });
  });

  it('aangifte done: COSM is out, VO is the place (000:2131-2134)', () => {
    const profile = { ...bedenktijdProfile, b8Status: B8Status.B8_PERMIT, aangifte: AangifteStatus.DONE };
    const result = matchFacilities({ profile, facilities: register(), at: FRIDAY_EVENING });
    expect(result.matches[0].facility.id).toBe('vo-rr');
    const cosm = result.excluded.find((e) => e.facility.id === 'cosm-ams');
    expect(cosm?.reasons.map((r) => r.code)).toEqual([ExclusionCode.B8_STATUS, ExclusionCode.AANGIFTE]);
  });

  it('an ended bedenktijd is reported in the reasons and no longer counts for COSM', () => {
    const profile = { ...bedenktijdProfile, bedenktijdStart: '2025-12-01' };
    const result = matchFacilities({ profile, facilities: register(), at: FRIDAY_EVENING });
    expect(result.matches.map((m) => m.facility.id)).toEqual(['noodbed-rr']);
    expect(result.matches[0].reasons).toContain('bedenktijd ended on 2026-03-01: treated as not in bedenktijd (003:661)');
  });
});

describe('matchFacilities: ranking', () => {
  it('multiproblematiek ranks OMM first, even when OMM is closed until Monday', () => {
    const profile = newProfile({ careNeeds: [CareNeed.GGZ] });
    const result = matchFacilities({ profile, facilities: register(), at: FRIDAY_EVENING });
    expect(result.matches[0].facility.id).toBe('omm-tw');
    expect(result.matches[0].placeableNow).toBe(false);
    expect(result.advice.map((a) => a.code)).toEqual([AdviceCode.BRIDGE_THEN_TRANSFER]);
    expect(result.advice[0]).toMatchObject({ onwardFacilityId: 'omm-tw' });
  });

  it('labour exploitation ranks NLA crisis first, placeable any time (003:486)', () => {
    const profile = newProfile({ exploitationTypes: [ExploitationType.LABOUR], gender: Gender.MALE });
    const facilities = [...register(), newFacility({ id: 'nla-1', type: ShelterType.NLA_CRISIS, maxStayDays: 14 })];
    const result = matchFacilities({ profile, facilities, at: FRIDAY_EVENING });
    expect(result.matches[0].facility.id).toBe('nla-1');
    expect(result.matches[0].placeableNow).toBe(true);
    expect(result.matches[0].reasons).toContain('stay at most 14 days: plan the onward placement');
    expect(result.advice).toEqual([]);
  });

  it('sexual exploitation with lawful residence ranks VO first', () => {
    const result = matchFacilities({ profile: newProfile(), facilities: register(), at: FRIDAY_EVENING });
    expect(result.matches.map((m) => m.facility.id)).toEqual(['vo-rr', 'noodbed-rr']);
  });

  it('closer places rank higher; a stale count ranks lower and says "call to verify"', () => {
    const at = new Date('2026-06-10T12:00:00+02:00');
    const facilities = [
      newFacility({ id: 'mo-near', type: ShelterType.MAATSCHAPPELIJKE_OPVANG, regionCode: 'RR', capacityUpdatedAt: at }),
      newFacility({
        id: 'mo-far',
        type: ShelterType.MAATSCHAPPELIJKE_OPVANG,
        regionCode: 'GR',
        latitude: 53.22,
        longitude: 6.57,
        capacityUpdatedAt: at,
      }),
      newFacility({
        id: 'mo-stale',
        type: ShelterType.MAATSCHAPPELIJKE_OPVANG,
        regionCode: 'RR',
        capacityUpdatedAt: new Date('2026-06-09T12:00:00+02:00'),
      }),
    ];
    const profile = newProfile({ exploitationTypes: [ExploitationType.OTHER] });
    const result = matchFacilities({ profile, facilities, at, requesterRegionCode: 'RR' });
    expect(result.matches.map((m) => m.facility.id)).toEqual(['mo-near', 'mo-far', 'mo-stale']);
    const stale = result.matches[2];
    expect(stale.freshness).toBe(Freshness.STALE);
    expect(stale.reasons.some((r) => r.includes('call to verify'))).toBe(true);
    expect(result.matches[0].distanceKm).toBe(0);
    expect(result.matches[1].distanceKm).toBeGreaterThan(150);
  });

  it('more free places rank higher, up to the cap; ties go to the lower id', () => {
    const at = new Date('2026-06-10T12:00:00+02:00');
    const base = { type: ShelterType.MAATSCHAPPELIJKE_OPVANG, capacityUpdatedAt: at };
    const facilities = [
      newFacility({ ...base, id: 'b', capacity: { total: 30 } }),
      newFacility({ ...base, id: 'a', capacity: { total: 20 } }),
      newFacility({ ...base, id: 'c', capacity: { total: 3 } }),
    ];
    const result = matchFacilities({ profile: newProfile(), facilities, at });
    expect(result.matches.map((m) => m.facility.id)).toEqual(['a', 'b', 'c']);
    expect(result.matches[0].score).toBe(result.matches[1].score);
  });

  it('high threat: never the home or excluded region, secret addresses first, far from danger first', () => {
    const at = new Date('2026-06-10T12:00:00+02:00');
    const base = { type: ShelterType.VROUWENOPVANG, capacityUpdatedAt: at };
    const facilities = [
      newFacility({ ...base, id: 'vo-rr-secret', regionCode: 'RR', secretAddress: true }),
      newFacility({ ...base, id: 'vo-ams', regionCode: 'AMS', latitude: 52.37, longitude: 4.9 }),
      newFacility({ ...base, id: 'vo-gr', regionCode: 'GR', latitude: 53.22, longitude: 6.57 }),
      newFacility({ ...base, id: 'vo-ut-secret', regionCode: 'UT', latitude: 52.09, longitude: 5.12, secretAddress: true }),
      newFacility({ ...base, id: 'vo-tw-secret', regionCode: 'TW', latitude: 52.22, longitude: 6.89, secretAddress: true }),
    ];
    const profile = newProfile({ threatLevel: ThreatLevel.HIGH, homeRegionCode: 'RR', excludedRegionCodes: ['AMS'] });
    const result = matchFacilities({ profile, facilities, at, requesterRegionCode: 'RR' });
    expect(result.matches.map((m) => m.facility.id)).toEqual(['vo-tw-secret', 'vo-ut-secret', 'vo-gr']);
    expect(result.matches[0].reasons).toContain('secret address, for high threat (000:2108-2110)');
    expect(result.excluded.map((e) => [e.facility.id, e.reasons[0].code])).toEqual([
      ['vo-ams', ExclusionCode.REGION_EXCLUDED],
      ['vo-rr-secret', ExclusionCode.REGION_EXCLUDED],
    ]);
  });

  it("combines the authority's hours with the facility's intake hours", () => {
    const facilities = [
      newFacility({
        id: 'vo-daytime',
        intakeHours: { days: [1, 2, 3, 4, 5], opens: '13:00', closes: '15:00', closedOnPublicHolidays: true },
        updateCadence: UpdateCadence.WORKING_DAYS,
      }),
    ];
    const result = matchFacilities({ profile: newProfile(), facilities, at: MONDAY_MORNING });
    expect(result.matches[0]).toMatchObject({ placeableNow: false, placeableAt: new Date('2026-03-30T13:00:00+02:00') });
  });

  it('keeps a facility whose hours never meet, last, with a reason', () => {
    const facilities = [
      newFacility({
        id: 'weird',
        type: ShelterType.OMM,
        intakeHours: { days: [6], opens: '10:00', closes: '12:00', closedOnPublicHolidays: false },
      }),
    ];
    const profile = newProfile({ careNeeds: [CareNeed.LVB] });
    const result = matchFacilities({
      profile,
      facilities,
      at: MONDAY_MORNING,
      config: matchingConfig({ openingSearchHorizonDays: 30 }),
    });
    expect(result.matches[0].placeableNow).toBe(false);
    expect(result.matches[0].placeableAt).toEqual(new Date(MONDAY_MORNING.getTime() + 30 * 86_400_000));
    expect(result.matches[0].reasons.some((r) => r.includes('do not meet within 30 days'))).toBe(true);
  });

  it('gender X: matched to gendered places with a reason to confirm the fit', () => {
    const facilities = [newFacility({ id: 'vo-women', eligibility: { genders: [Gender.FEMALE] } })];
    const result = matchFacilities({ profile: newProfile({ gender: Gender.X }), facilities, at: MONDAY_MORNING });
    expect(result.matches[0].reasons.some((r) => r.startsWith('gender X'))).toBe(true);
  });
});

describe('matchFacilities: advice', () => {
  it('asylum procedure: AZC advice, no bed, no escalation (003:665-667)', () => {
    const profile = newProfile({ residenceStatus: ResidenceStatus.ASYLUM_PROCEDURE });
    const result = matchFacilities({ profile, facilities: register(), at: MONDAY_MORNING });
    expect(result.matches).toEqual([]);
    expect(result.advice.map((a) => a.code)).toEqual([AdviceCode.ASYLUM_RECEPTION]);
  });

  it('a minor: youth care only, Nidos for a foreign one (002:771-775, 003:689-695)', () => {
    const facilities = [...register(), newFacility({ id: 'jz-1', type: ShelterType.JEUGDZORG })];
    const dutch = matchFacilities({ profile: newProfile({ age: 15 }), facilities, at: MONDAY_MORNING });
    expect(dutch.matches.map((m) => m.facility.id)).toEqual(['jz-1']);
    expect(dutch.advice.map((a) => a.code)).toEqual([AdviceCode.YOUTH_CARE]);
    const foreign = matchFacilities({
      profile: newProfile({ age: 15, residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE }),
      facilities,
      at: MONDAY_MORNING,
    });
    expect(foreign.advice.map((a) => a.code)).toEqual([AdviceCode.YOUTH_CARE, AdviceCode.NIDOS]);
    const accompanied = matchFacilities({
      profile: newProfile({ age: 15, residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE, unaccompanied: false }),
      facilities,
      at: MONDAY_MORNING,
    });
    expect(accompanied.advice.map((a) => a.code)).toEqual([AdviceCode.YOUTH_CARE]);
  });

  it('criminal exploitation: OM route decision, still placeable (003:490)', () => {
    const profile = newProfile({ exploitationTypes: [ExploitationType.CRIMINAL] });
    const result = matchFacilities({ profile, facilities: register(), at: MONDAY_MORNING });
    expect(result.matches.length).toBeGreaterThan(0);
    expect(result.matches[0].reasons).toContain('criminal exploitation: route to be decided with the OM (003:490)');
    expect(result.advice.map((a) => a.code)).toEqual([AdviceCode.OM_ROUTE_DECISION]);
  });

  it('nothing suitable: escalate to the OvD bevolkingszorg (003:497)', () => {
    const facilities = register().map((f) => ({ ...f, capacity: { ...f.capacity, occupied: f.capacity.total } }));
    const result = matchFacilities({ profile: newProfile(), facilities, at: MONDAY_MORNING });
    expect(result.matches).toEqual([]);
    expect(result.excluded).toHaveLength(4);
    expect(result.advice.map((a) => a.code)).toEqual([AdviceCode.ESCALATE_OVD]);
  });

  it('no bridge advice when nothing of a bridge kind is open', () => {
    const facilities = register().filter((f) => f.id === 'cosm-ams');
    const result = matchFacilities({ profile: bedenktijdProfile, facilities, at: FRIDAY_EVENING });
    expect(result.matches).toHaveLength(1);
    expect(result.advice).toEqual([]);
  });
});
