import { DEFAULT_AUTHORITY_HOURS } from '../calendar/authority-hours';
import type { FacilitySnapshot } from '../eligibility/context';
import { ExclusionCode } from '../eligibility/exclusion';
import { Freshness, PlacingAuthority, ShelterType, Urgency } from '../enums';
import { DEFAULT_MATCHING_CONFIG } from '../matching-config';
import type { FacilityExclusion, FacilityMatch, MatchResult } from '../matching/match-facilities';
import { newFacility, type FacilityOverrides } from '../testing/factories';
import { RequesterCapacity } from './authority';
import { type DecisionInput, decidePlacement, planGroupAllocation, WaitingReason } from './placement-decision';

/** Saturday 28 November 2026, 23:00 in Amsterdam: CoMensha is closed until Monday 09:00. */
const SATURDAY_NIGHT = new Date('2026-11-28T22:00:00.000Z');
const MONDAY_OPENING = new Date('2026-11-30T08:00:00.000Z');
/** Tuesday 1 December 2026, 10:00 in Amsterdam: everyone is open. */
const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z');

function facility(id: string, type: ShelterType, overrides: FacilityOverrides = {}): FacilitySnapshot {
  return newFacility({ id, type, ...overrides });
}

/** A match as the matcher gives it; `placeableAt` defaults to the decision moment when placeable now. */
function match(f: FacilitySnapshot, placeableNow: boolean, placeableAt?: Date, score = 0): FacilityMatch {
  return {
    facility: f,
    score,
    placeableNow,
    placeableAt: placeableAt ?? SATURDAY_NIGHT,
    reasonCodes: [],
    reasons: [],
    freshness: Freshness.FRESH,
    distanceKm: 0,
  };
}

function exclusion(f: FacilitySnapshot, ...codes: ExclusionCode[]): FacilityExclusion {
  return { facility: f, reasons: codes.map((code) => ({ code, message: code })) };
}

function result(matches: FacilityMatch[], excluded: FacilityExclusion[] = []): MatchResult {
  return { matches, excluded, advice: [] };
}

function input(res: MatchResult, overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    result: res,
    urgency: Urgency.URGENT,
    groupSize: 1,
    skipFacilityIds: new Set(),
    types: [],
    mayBridge: true,
    bridgeKinds: DEFAULT_MATCHING_CONFIG.bridgeKinds,
    at: SATURDAY_NIGHT,
    authorityHours: DEFAULT_AUTHORITY_HOURS,
    ...overrides,
  };
}

const cosm = facility('cosm-ams', ShelterType.COSM);
const cosmRotterdam = facility('cosm-rdam', ShelterType.COSM);
const vo = facility('vo-rdam', ShelterType.VROUWENOPVANG);
const mo = facility('mo-rdam', ShelterType.MAATSCHAPPELIJKE_OPVANG);
const noodbed = facility('noodbed-rdam', ShelterType.NOODBED);
const omm = facility('omm-noord', ShelterType.OMM);

describe('decidePlacement', () => {
  describe('offer', () => {
    it('offers the best match that is placeable now, with the other placeable ones as alternatives', () => {
      const decision = decidePlacement(
        input(result([match(vo, true), match(mo, true), match(cosm, false, MONDAY_OPENING), match(noodbed, true)])),
      );
      expect(decision).toEqual({
        kind: 'OFFER',
        allocations: [{ facilityId: vo.id, places: 1 }],
        alternatives: [mo.id, noodbed.id],
      });
    });

    it('offers the whole group at the best facility when it can take them all', () => {
      const decision = decidePlacement(input(result([match(vo, true)]), { groupSize: 4 }));
      expect(decision).toMatchObject({ kind: 'OFFER', allocations: [{ facilityId: vo.id, places: 4 }] });
    });

    it('skips facilities that declined or let an offer lapse', () => {
      const decision = decidePlacement(
        input(result([match(vo, true), match(mo, true), match(noodbed, true)]), { skipFacilityIds: new Set([vo.id]) }),
      );
      expect(decision).toEqual({
        kind: 'OFFER',
        allocations: [{ facilityId: mo.id, places: 1 }],
        alternatives: [noodbed.id],
      });
    });

    it('with every match skipped, waits (nothing suitable left) instead of offering a skipped facility again', () => {
      const decision = decidePlacement(input(result([match(vo, true)]), { skipFacilityIds: new Set([vo.id]) }));
      expect(decision).toEqual({
        kind: 'WAIT',
        reason: WaitingReason.NO_SUITABLE_PLACE,
        nextAttemptAt: null,
        waitingForAuthority: null,
      });
    });

    it('respects the kinds the request is restricted to', () => {
      const decision = decidePlacement(
        input(result([match(vo, true), match(mo, true)]), { types: [ShelterType.MAATSCHAPPELIJKE_OPVANG] }),
      );
      expect(decision).toEqual({ kind: 'OFFER', allocations: [{ facilityId: mo.id, places: 1 }], alternatives: [] });
    });
  });

  describe('bridge: the best kind is closed now', () => {
    const closedCosm = result([
      match(cosm, false, MONDAY_OPENING),
      match(vo, true),
      match(noodbed, true),
      match(omm, false, MONDAY_OPENING),
    ]);

    it.each([Urgency.URGENT, Urgency.ACUTE])(
      'an %s request gets an interim place now and the onward kind for later',
      (urgency) => {
        expect(decidePlacement(input(closedCosm, { urgency }))).toEqual({
          kind: 'BRIDGE',
          allocations: [{ facilityId: vo.id, places: 1 }],
          alternatives: [noodbed.id],
          onwardTypes: [ShelterType.COSM],
          onwardPlaceableAt: MONDAY_OPENING,
        });
      },
    );

    it('a PLANNED request waits for the authority to open instead', () => {
      expect(decidePlacement(input(closedCosm, { urgency: Urgency.PLANNED }))).toEqual({
        kind: 'WAIT',
        reason: WaitingReason.AUTHORITY_CLOSED,
        nextAttemptAt: MONDAY_OPENING,
        waitingForAuthority: PlacingAuthority.COMENSHA,
      });
    });

    it('restricted to COSM, there is nothing to bridge with: it waits for CoMensha', () => {
      expect(decidePlacement(input(closedCosm, { types: [ShelterType.COSM] }))).toEqual({
        kind: 'WAIT',
        reason: WaitingReason.AUTHORITY_CLOSED,
        nextAttemptAt: MONDAY_OPENING,
        waitingForAuthority: PlacingAuthority.COMENSHA,
      });
    });

    it('without an open interim kind it waits, even when urgent', () => {
      const noInterim = result([match(cosm, false, MONDAY_OPENING), match(omm, false, MONDAY_OPENING)]);
      expect(decidePlacement(input(noInterim, { urgency: Urgency.ACUTE }))).toMatchObject({
        kind: 'WAIT',
        reason: WaitingReason.AUTHORITY_CLOSED,
        nextAttemptAt: MONDAY_OPENING,
      });
    });

    it('does not bridge when the closed best is itself an interim kind', () => {
      const closedVo = facility('vo-office', ShelterType.VROUWENOPVANG);
      const decision = decidePlacement(
        input(result([match(closedVo, false, MONDAY_OPENING), match(noodbed, true)]), { mayBridge: true }),
      );
      expect(decision).toMatchObject({ kind: 'WAIT', nextAttemptAt: MONDAY_OPENING });
    });
  });

  describe('a follow-up or noodbed request (mayBridge false)', () => {
    it('waits for its own kind when that is closed', () => {
      const res = result([match(cosm, false, MONDAY_OPENING), match(vo, true)]);
      expect(decidePlacement(input(res, { mayBridge: false, types: [ShelterType.COSM], urgency: Urgency.ACUTE }))).toEqual({
        kind: 'WAIT',
        reason: WaitingReason.AUTHORITY_CLOSED,
        nextAttemptAt: MONDAY_OPENING,
        waitingForAuthority: PlacingAuthority.COMENSHA,
      });
    });

    it('takes an open place of its kinds when urgent, even if a closed one ranks higher', () => {
      const res = result([match(cosm, false, MONDAY_OPENING), match(cosmRotterdam, true)]);
      expect(decidePlacement(input(res, { mayBridge: false, types: [ShelterType.COSM], urgency: Urgency.URGENT }))).toEqual({
        kind: 'OFFER',
        allocations: [{ facilityId: cosmRotterdam.id, places: 1 }],
        alternatives: [],
      });
    });

    it('never proposes a bridge of its own', () => {
      const res = result([match(cosm, false, MONDAY_OPENING), match(vo, true)]);
      const decision = decidePlacement(input(res, { mayBridge: false, urgency: Urgency.ACUTE }));
      expect(decision.kind).not.toBe('BRIDGE');
      expect(decision).toMatchObject({ kind: 'OFFER', allocations: [{ facilityId: vo.id, places: 1 }] });
    });

    it('a PLANNED one waits for the best place to open', () => {
      const res = result([match(cosm, false, MONDAY_OPENING), match(cosmRotterdam, true)]);
      expect(decidePlacement(input(res, { mayBridge: false, urgency: Urgency.PLANNED }))).toMatchObject({
        kind: 'WAIT',
        nextAttemptAt: MONDAY_OPENING,
      });
    });
  });

  describe('a shelter whose own intake is closed (domain.md §5 rule 3)', () => {
    const weekdayIntake = {
      days: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[],
      opens: '09:00',
      closes: '17:00',
      closedOnPublicHolidays: true,
    };
    const officeIntake = facility('vo-office', ShelterType.VROUWENOPVANG, { intakeHours: weekdayIntake });
    const officeIntakeToo = facility('mo-office', ShelterType.MAATSCHAPPELIJKE_OPVANG, { intakeHours: weekdayIntake });

    it('is held now when its placing authority is open (the hold runs from the opening), where the request used to wait', () => {
      for (const urgency of [Urgency.PLANNED, Urgency.URGENT, Urgency.ACUTE]) {
        const decision = decidePlacement(
          input(result([match(officeIntake, false, MONDAY_OPENING), match(officeIntakeToo, false, MONDAY_OPENING)]), {
            at: SATURDAY_NIGHT,
            urgency,
          }),
        );
        expect(decision).toEqual({
          kind: 'OFFER',
          allocations: [{ facilityId: officeIntake.id, places: 1 }],
          alternatives: [officeIntakeToo.id],
        });
      }
    });

    it('does not take precedence over a place open now for an urgent noodbed or follow-up request', () => {
      const decision = decidePlacement(
        input(result([match(officeIntake, false, MONDAY_OPENING), match(mo, true)]), {
          mayBridge: false,
          urgency: Urgency.ACUTE,
        }),
      );
      expect(decision).toMatchObject({ kind: 'OFFER', allocations: [{ facilityId: mo.id, places: 1 }] });
    });

    it('skipped facilities are not held', () => {
      const decision = decidePlacement(
        input(result([match(officeIntake, false, MONDAY_OPENING)]), { skipFacilityIds: new Set([officeIntake.id]) }),
      );
      expect(decision.kind).toBe('WAIT');
    });

    it('still waits for the authority when the authority is closed too (rule 2: COSM at night)', () => {
      const cosmOffice = facility('cosm-office', ShelterType.COSM, { intakeHours: weekdayIntake });
      const decision = decidePlacement(
        input(result([match(cosmOffice, false, MONDAY_OPENING)]), { at: SATURDAY_NIGHT, mayBridge: false }),
      );
      expect(decision).toEqual({
        kind: 'WAIT',
        reason: WaitingReason.AUTHORITY_CLOSED,
        nextAttemptAt: MONDAY_OPENING,
        waitingForAuthority: PlacingAuthority.COMENSHA,
      });
    });
  });

  describe('wait', () => {
    it('says INTAKE_CLOSED only when the authority is open but the facility’s intake does not open within the horizon', () => {
      // An intake that is open on no day at all (a data error; held places there could never be taken up).
      const neverOpen = facility('vo-never', ShelterType.VROUWENOPVANG, {
        intakeHours: { days: [], opens: '09:00', closes: '17:00', closedOnPublicHolidays: true },
      });
      const decision = decidePlacement(
        input(result([match(neverOpen, false, MONDAY_OPENING)]), { at: SATURDAY_NIGHT, urgency: Urgency.PLANNED }),
      );
      expect(decision).toEqual({
        kind: 'WAIT',
        reason: WaitingReason.INTAKE_CLOSED,
        nextAttemptAt: MONDAY_OPENING,
        waitingForAuthority: null, // the authority is open: nothing for its worklist
      });
    });

    it('says NO_CAPACITY when suitable places exist but are full', () => {
      const decision = decidePlacement(
        input(result([], [exclusion(vo, ExclusionCode.NO_CAPACITY), exclusion(cosm, ExclusionCode.B8_STATUS)])),
      );
      expect(decision).toEqual({
        kind: 'WAIT',
        reason: WaitingReason.NO_CAPACITY,
        nextAttemptAt: null,
        waitingForAuthority: null,
      });
    });

    it('says NO_SUITABLE_PLACE when nothing suits this person at all', () => {
      const decision = decidePlacement(
        input(result([], [exclusion(vo, ExclusionCode.AGE), exclusion(cosm, ExclusionCode.AGE, ExclusionCode.NO_CAPACITY)])),
      );
      expect(decision).toMatchObject({ kind: 'WAIT', reason: WaitingReason.NO_SUITABLE_PLACE, nextAttemptAt: null });
    });

    it('says GROUP_TOO_LARGE when only the group size stands in the way and the group cannot be split', () => {
      const small = facility('nla-hotel', ShelterType.NLA_CRISIS, { eligibility: { maxGroupSize: 6 }, capacity: { total: 8 } });
      const decision = decidePlacement(
        input(result([], [exclusion(small, ExclusionCode.GROUP_SIZE)]), { groupSize: 12, at: TUESDAY_MORNING }),
        result([match(small, true)]),
      );
      expect(decision).toMatchObject({ kind: 'WAIT', reason: WaitingReason.GROUP_TOO_LARGE, nextAttemptAt: null });
    });
  });

  describe('groups no single facility can take', () => {
    const nla = (id: string, free: number, maxGroupSize = 16) =>
      facility(id, ShelterType.NLA_CRISIS, { eligibility: { maxGroupSize }, capacity: { total: 20, occupied: 20 - free } });
    const six = nla('nla-six', 6);
    const fourA = nla('nla-four-a', 4);
    const fourB = nla('nla-four-b', 4);
    const excludedWhole = [six, fourA, fourB].map((f) => exclusion(f, ExclusionCode.NO_CAPACITY));

    it('splits over the fewest facilities when the one-person match has room for all', () => {
      const decision = decidePlacement(
        input(result([], excludedWhole), { groupSize: 12, at: TUESDAY_MORNING }),
        result([
          match(fourA, true, TUESDAY_MORNING, 30),
          match(six, true, TUESDAY_MORNING, 20),
          match(fourB, true, TUESDAY_MORNING, 10),
        ]),
      );
      expect(decision).toEqual({
        kind: 'OFFER',
        allocations: [
          { facilityId: six.id, places: 6 },
          { facilityId: fourA.id, places: 4 },
          { facilityId: fourB.id, places: 2 },
        ],
        alternatives: [],
      });
    });

    it('uses only places open now, of allowed kinds, not skipped', () => {
      const split = result([
        match(six, true, TUESDAY_MORNING),
        match(fourA, false, MONDAY_OPENING),
        match(fourB, true, TUESDAY_MORNING),
      ]);
      // Without fourA (closed) there are 10 places: not enough for 12.
      expect(decidePlacement(input(result([], excludedWhole), { groupSize: 12 }), split)).toMatchObject({ kind: 'WAIT' });
      // 10 is enough for 10, unless one of them is skipped.
      expect(decidePlacement(input(result([], excludedWhole), { groupSize: 10 }), split)).toMatchObject({
        kind: 'OFFER',
        allocations: [
          { facilityId: six.id, places: 6 },
          { facilityId: fourB.id, places: 4 },
        ],
      });
      expect(
        decidePlacement(input(result([], excludedWhole), { groupSize: 10, skipFacilityIds: new Set([fourB.id]) }), split),
      ).toMatchObject({ kind: 'WAIT', reason: WaitingReason.NO_CAPACITY });
      expect(
        decidePlacement(input(result([], excludedWhole), { groupSize: 10, types: [ShelterType.VROUWENOPVANG] }), split),
      ).toMatchObject({ kind: 'WAIT' });
    });

    it('waits when the free places in all cannot hold the group: nothing is allocated', () => {
      const decision = decidePlacement(
        input(result([], excludedWhole), { groupSize: 15, at: TUESDAY_MORNING }),
        result([match(six, true), match(fourA, true), match(fourB, true)]),
      );
      expect(decision).toEqual({
        kind: 'WAIT',
        reason: WaitingReason.NO_CAPACITY,
        nextAttemptAt: null,
        waitingForAuthority: null,
      });
    });
  });
});

describe('planGroupAllocation', () => {
  const nla = (id: string, free: number, maxGroupSize = 16, score = 0) =>
    match(
      facility(id, ShelterType.NLA_CRISIS, { eligibility: { maxGroupSize }, capacity: { total: 30, occupied: 30 - free } }),
      true,
      TUESDAY_MORNING,
      score,
    );

  it('puts the whole group at the first facility that can take it all', () => {
    expect(planGroupAllocation([nla('a', 5), nla('b', 14), nla('c', 20)], 12)).toEqual([{ facilityId: 'b', places: 12 }]);
  });

  it('splits over the fewest facilities, largest share first', () => {
    // 4 + 4 + 3 would take three; 7 + 4 takes two.
    expect(planGroupAllocation([nla('a', 4), nla('b', 4), nla('c', 3), nla('d', 7)], 11)).toEqual([
      { facilityId: 'd', places: 7 },
      { facilityId: 'a', places: 4 },
    ]);
  });

  it('breaks ties between equal shares by score', () => {
    expect(planGroupAllocation([nla('low', 5, 16, 10), nla('high', 5, 16, 90)], 8)).toEqual([
      { facilityId: 'high', places: 5 },
      { facilityId: 'low', places: 3 },
    ]);
  });

  it('never puts more at a facility than its largest group, nor more than are free', () => {
    expect(planGroupAllocation([nla('hotel', 10, 3), nla('holiday-home', 5, 8)], 8)).toEqual([
      { facilityId: 'holiday-home', places: 5 },
      { facilityId: 'hotel', places: 3 },
    ]);
    expect(planGroupAllocation([nla('full', 0), nla('one', 1, 1)], 1)).toEqual([{ facilityId: 'one', places: 1 }]);
  });

  it('is null when the places cannot hold the whole group (all or nothing)', () => {
    expect(planGroupAllocation([nla('a', 6), nla('b', 4)], 12)).toBeNull();
    expect(planGroupAllocation([nla('hotel', 10, 3), nla('home', 10, 3)], 7)).toBeNull();
    expect(planGroupAllocation([], 2)).toBeNull();
  });
});

describe('decidePlacement: who decides (domain.md §5a)', () => {
  const { REGION_ZORGCOORDINATOR, POLICE, NOODBED_ONWARD, NLA, COMENSHA } = RequesterCapacity;
  const youth = facility('jeugd-rr', ShelterType.JEUGDZORG);
  const nla = facility('nla-hotel', ShelterType.NLA_CRISIS);

  it('a zorgcoördinator’s request is never held in the police’s noodbed (002:761-767)', () => {
    const res = result([match(noodbed, true, undefined, 50), match(vo, true, undefined, 10)]);
    const decision = decidePlacement(input(res, { capacities: [REGION_ZORGCOORDINATOR] }));
    expect(decision).toEqual({ kind: 'OFFER', allocations: [{ facilityId: vo.id, places: 1 }], alternatives: [] });
  });

  it('with only a noodbed free, a zorgcoördinator waits: no decision names the noodbed to her (002:761-763)', () => {
    const decision = decidePlacement(
      input(result([match(noodbed, true)], [exclusion(vo, ExclusionCode.NO_CAPACITY)]), { capacities: [REGION_ZORGCOORDINATOR] }),
    );
    expect(decision).toMatchObject({ kind: 'WAIT', reason: WaitingReason.NO_CAPACITY });
  });

  it('COSM at 10:00 on a Tuesday goes on CoMensha’s worklist, not offered by the worker (000:2130)', () => {
    const res = result([match(cosm, true, TUESDAY_MORNING), match(vo, true, TUESDAY_MORNING)]);
    const decision = decidePlacement(
      input(res, { capacities: [REGION_ZORGCOORDINATOR], at: TUESDAY_MORNING, urgency: Urgency.PLANNED }),
    );
    expect(decision).toEqual({
      kind: 'WAIT',
      reason: WaitingReason.AWAITING_AUTHORITY,
      nextAttemptAt: null,
      waitingForAuthority: PlacingAuthority.COMENSHA,
      waitingForOrganisation: null,
      waitingForKind: ShelterType.COSM,
    });
  });

  it('even CoMensha’s own request for COSM waits for its decision (assignPlacement), as every COSM placement does', () => {
    const res = result([match(cosm, true, TUESDAY_MORNING)]);
    expect(decidePlacement(input(res, { capacities: [COMENSHA], at: TUESDAY_MORNING, urgency: Urgency.PLANNED }))).toMatchObject({
      kind: 'WAIT',
      reason: WaitingReason.AWAITING_AUTHORITY,
      waitingForAuthority: PlacingAuthority.COMENSHA,
    });
  });

  it('on Saturday night an acute COSM case gets a VO place now; the onward request goes to CoMensha (000:2136-2139)', () => {
    const res = result([match(cosm, false, MONDAY_OPENING), match(noodbed, true), match(vo, true)]);
    expect(decidePlacement(input(res, { capacities: [REGION_ZORGCOORDINATOR], urgency: Urgency.ACUTE }))).toEqual({
      kind: 'BRIDGE',
      allocations: [{ facilityId: vo.id, places: 1 }],
      alternatives: [],
      onwardTypes: [ShelterType.COSM],
      onwardPlaceableAt: MONDAY_OPENING,
    });
  });

  it('a zorgcoördinator in Twente is not offered an NLA crisis place directly: the NLA / CoMensha decide (000:2168-2171)', () => {
    const res = result([match(nla, true, TUESDAY_MORNING)]);
    expect(decidePlacement(input(res, { capacities: [REGION_ZORGCOORDINATOR], at: TUESDAY_MORNING }))).toMatchObject({
      kind: 'WAIT',
      reason: WaitingReason.AWAITING_AUTHORITY,
      waitingForAuthority: PlacingAuthority.NLA,
    });
    expect(decidePlacement(input(res, { capacities: [NLA], at: TUESDAY_MORNING }))).toMatchObject({ kind: 'OFFER' });
  });

  it('a minor’s request goes to the youth-care worklist even when no youth-care place is free (002:771-775)', () => {
    const decision = decidePlacement(
      input(result([], [exclusion(youth, ExclusionCode.NO_CAPACITY)]), {
        capacities: [POLICE],
        noodbed: true,
        fallbackAuthority: { authority: PlacingAuthority.JEUGDBESCHERMING, organisation: 'nidos' },
      }),
    );
    expect(decision).toEqual({
      kind: 'WAIT',
      reason: WaitingReason.AWAITING_AUTHORITY,
      nextAttemptAt: null,
      waitingForAuthority: PlacingAuthority.JEUGDBESCHERMING,
      waitingForOrganisation: 'nidos',
      waitingForKind: ShelterType.JEUGDZORG,
    });
  });

  describe('the police noodbed call: exactly one place to drive to (002:763-767)', () => {
    it('a free 24/7 VO place comes before the noodbed, and then no noodbed is held', () => {
      const res = result([match(noodbed, true, undefined, 90), match(vo, true, undefined, 10)]);
      expect(
        decidePlacement(input(res, { capacities: [POLICE], noodbed: true, urgency: Urgency.ACUTE, mayBridge: false })),
      ).toEqual({
        kind: 'OFFER',
        allocations: [{ facilityId: vo.id, places: 1 }],
        alternatives: [],
      });
    });

    it('only when no structural place is free: the noodbed, with the onward kind named', () => {
      const res = result([match(cosm, false, MONDAY_OPENING), match(noodbed, true)], [exclusion(vo, ExclusionCode.NO_CAPACITY)]);
      expect(
        decidePlacement(input(res, { capacities: [POLICE], noodbed: true, urgency: Urgency.ACUTE, mayBridge: false })),
      ).toEqual({
        kind: 'BRIDGE',
        allocations: [{ facilityId: noodbed.id, places: 1 }],
        alternatives: [],
        onwardTypes: [ShelterType.COSM],
        onwardPlaceableAt: MONDAY_OPENING,
      });
    });

    /** The police's noodbed call for `regionCode`, by one person or a group (`split`: the match for one of them). */
    const policeCall = (res: MatchResult, regionCode: string, group?: { size: number; split: MatchResult }) =>
      decidePlacement(
        input(res, {
          capacities: [POLICE],
          noodbed: true,
          urgency: Urgency.ACUTE,
          mayBridge: false,
          regionCode,
          groupSize: group?.size ?? 1,
        }),
        group?.split,
      );

    describe('nearness before kind: the region’s own noodbed before a structural place a province away', () => {
      const voEde = facility('vo-ede', ShelterType.VROUWENOPVANG, { regionCode: 'FV' });
      const moUtrecht = facility('mo-utrecht', ShelterType.MAATSCHAPPELIJKE_OPVANG, { regionCode: 'UT' });
      const humanitas = facility('noodbed-humanitas', ShelterType.NOODBED, {
        regionCode: 'RR',
        eligibility: { ...noodbed.eligibility, foundInRegionCodes: ['ZHZ', 'RR'] },
      });
      const noodbedUtrecht = facility('noodbed-utrecht', ShelterType.NOODBED, { regionCode: 'UT' });

      it('Rotterdam, 03:37: the free Rotterdam noodbed, not a 24/7 VO place in Ede (002:763-765 is silent on distance)', () => {
        const res = result([match(voEde, true, undefined, 60), match(noodbed, true, undefined, 40)]);
        expect(policeCall(res, 'RR')).toMatchObject({ kind: 'BRIDGE', allocations: [{ facilityId: noodbed.id, places: 1 }] });
      });

      it('a free VO place in her own region still comes before its noodbed (002:763-765)', () => {
        const res = result([
          match(noodbed, true, undefined, 90),
          match(voEde, true, undefined, 60),
          match(vo, true, undefined, 10),
        ]);
        expect(policeCall(res, 'RR')).toEqual({
          kind: 'OFFER',
          allocations: [{ facilityId: vo.id, places: 1 }],
          alternatives: [],
        });
      });

      it('found in Zuid-Holland Zuid: the Humanitas noodbed in Rotterdam serves her region (002:749-753)', () => {
        const res = result([match(voEde, true, undefined, 60), match(humanitas, true, undefined, 40)]);
        expect(policeCall(res, 'ZHZ')).toMatchObject({ allocations: [{ facilityId: humanitas.id, places: 1 }] });
      });

      it('no place of either kind free in her region: a structural place elsewhere before a noodbed elsewhere', () => {
        const res = result([
          match(noodbedUtrecht, true, undefined, 90),
          match(moUtrecht, true, undefined, 50),
          match(voEde, true, undefined, 40),
        ]);
        expect(policeCall(res, 'RR')).toEqual({
          kind: 'OFFER',
          allocations: [{ facilityId: moUtrecht.id, places: 1 }],
          alternatives: [],
        });
        expect(policeCall(result([match(noodbedUtrecht, true)]), 'RR')).toMatchObject({
          allocations: [{ facilityId: noodbedUtrecht.id, places: 1 }],
        });
      });
    });

    describe('a group no single place can take (red team: it waited GROUP_TOO_LARGE with places free)', () => {
      const groupCall = (split: MatchResult) => policeCall(result([]), 'RR', { size: 2, split });
      const moRotterdam = facility('mo-rdam-2', ShelterType.MAATSCHAPPELIJKE_OPVANG);
      const voEde = facility('vo-ede', ShelterType.VROUWENOPVANG, { regionCode: 'FV' });

      it('two women found in Rotterdam at night: split over two structural places in her region, far ones not used', () => {
        const split = result([
          match(voEde, true, undefined, 90),
          match(vo, true, undefined, 50),
          match(moRotterdam, true, undefined, 40),
        ]);
        const decision = groupCall(split);
        expect(decision).toMatchObject({ kind: 'OFFER', alternatives: [] });
        expect((decision as { allocations: { facilityId: string }[] }).allocations.map((a) => a.facilityId).sort()).toEqual(
          [moRotterdam.id, vo.id].sort(),
        );
      });

      it('a group her region cannot take is not scattered over places across the country: it waits (red team: 50 held in 30 regions)', () => {
        const voZwolle = facility('vo-zwolle', ShelterType.VROUWENOPVANG, { regionCode: 'IJS' });
        const split = result([
          match(voEde, true, undefined, 90),
          match(voZwolle, true, undefined, 80),
          match(vo, true, undefined, 50),
        ]);
        expect(groupCall(split).kind).toBe('WAIT');
      });

      it('two women exploited in labour are not split over VO/MO places they would only pass through: they wait for NLA crisis (red teams: no onward request, then two places at once)', () => {
        const nlaCrisis = facility('nla-crisis', ShelterType.NLA_CRISIS, { placingAuthority: PlacingAuthority.NLA });
        const split = result([
          match(nlaCrisis, false, undefined, 95),
          match(vo, true, undefined, 50),
          match(moRotterdam, true, undefined, 40),
        ]);
        expect(groupCall(split).kind).toBe('WAIT');
      });

      it('never split over noodbeds or interim places (their onward requests are one person’s): the group waits', () => {
        const interimVo: FacilityMatch = { ...match(vo, true), interimFor: [ShelterType.COSM] };
        const decision = groupCall(result([match(noodbed, true), interimVo]));
        expect(decision.kind).toBe('WAIT');
      });
    });

    it('a noodbed with nothing better known is followed by a regular place', () => {
      const res = result([match(noodbed, true)]);
      expect(
        decidePlacement(input(res, { capacities: [POLICE], noodbed: true, urgency: Urgency.ACUTE, mayBridge: false })),
      ).toMatchObject({
        kind: 'BRIDGE',
        onwardTypes: [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG],
      });
    });
  });

  it('an onward request holds nothing until she is in her interim place (one person, one place)', () => {
    const res = result([match(vo, true)]);
    expect(decidePlacement(input(res, { capacities: [NOODBED_ONWARD], mayBridge: false, interimArrived: false }))).toEqual({
      kind: 'WAIT',
      reason: WaitingReason.INTERIM_NOT_ARRIVED,
      nextAttemptAt: null,
      waitingForAuthority: null,
    });
    expect(decidePlacement(input(res, { capacities: [NOODBED_ONWARD], mayBridge: false, interimArrived: true }))).toMatchObject({
      kind: 'OFFER',
    });
  });

  it('a VO place that suits her only as an interim place is a bridge to COSM, also when COSM is full (§5a)', () => {
    const interimVo: FacilityMatch = { ...match(vo, true), interimFor: [ShelterType.COSM] };
    expect(decidePlacement(input(result([interimVo]), { capacities: [REGION_ZORGCOORDINATOR] }))).toMatchObject({
      kind: 'BRIDGE',
      allocations: [{ facilityId: vo.id, places: 1 }],
      onwardTypes: [ShelterType.COSM],
    });
  });
});

describe('decidePlacement: criminal exploitation (003:490)', () => {
  it('waits for the route decision of the screeningsoverleg with the OM, however many places are free', () => {
    const decision = decidePlacement(
      input(result([match(facility('vo-rr', ShelterType.VROUWENOPVANG), true)]), { awaitingRouteDecision: true }),
    );
    expect(decision).toEqual({
      kind: 'WAIT',
      reason: WaitingReason.AWAITING_ROUTE_DECISION,
      nextAttemptAt: null,
      waitingForAuthority: null,
    });
  });
});

describe('decidePlacement: an onward request to a full COSM (domain.md §5a)', () => {
  it('waits on CoMensha’s worklist, also when no COSM place is free', () => {
    const cosm = facility('cosm-full', ShelterType.COSM);
    const decision = decidePlacement(
      input(result([], [exclusion(cosm, ExclusionCode.NO_CAPACITY)]), {
        capacities: [RequesterCapacity.REGION_ZORGCOORDINATOR],
        types: [ShelterType.COSM],
        mayBridge: false,
        interimArrived: true,
      }),
    );
    expect(decision).toMatchObject({
      kind: 'WAIT',
      reason: WaitingReason.AWAITING_AUTHORITY,
      waitingForAuthority: PlacingAuthority.COMENSHA,
    });
  });
});
