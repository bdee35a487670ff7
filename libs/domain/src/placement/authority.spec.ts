import fc from 'fast-check';
import { ExploitationType, Gender, PlacingAuthority, ResidenceStatus, Role, ShelterType } from '../enums';
import { DEFAULT_MATCHING_CONFIG } from '../matching-config';
import { youthCareAuthority } from './youth-care';
import {
  AuthorityVerdict,
  authorityVerdict,
  DEFAULT_AUTHORITY_TABLE,
  ERNSTIGE_BENADELING,
  mayAssignKind,
  placementKindOf,
  mayDecide,
  NIDOS_ORGANISATION,
  RequesterCapacity,
  requesterCapacities,
} from './authority';

const { OFFER, WORKLIST, NEVER } = AuthorityVerdict;
const { REGION_ZORGCOORDINATOR: ZC, COMENSHA, POLICE, NOODBED_ONWARD, NLA, JEUGDBESCHERMING, NIDOS } = RequesterCapacity;

/**
 * domain.md §5a, one row per kind, one column per requester: the whole table as the tests read it.
 * A change to DEFAULT_AUTHORITY_TABLE that is not also made here fails.
 */
const EXPECTED: Record<ShelterType, Record<RequesterCapacity, AuthorityVerdict>> = {
  [ShelterType.VROUWENOPVANG]: {
    [ZC]: OFFER,
    [COMENSHA]: OFFER,
    [POLICE]: OFFER,
    [NOODBED_ONWARD]: OFFER,
    [NLA]: WORKLIST,
    [JEUGDBESCHERMING]: WORKLIST,
    [NIDOS]: WORKLIST,
  },
  [ShelterType.MAATSCHAPPELIJKE_OPVANG]: {
    [ZC]: OFFER,
    [COMENSHA]: OFFER,
    [POLICE]: OFFER,
    [NOODBED_ONWARD]: OFFER,
    [NLA]: WORKLIST,
    [JEUGDBESCHERMING]: WORKLIST,
    [NIDOS]: WORKLIST,
  },
  [ShelterType.COSM]: {
    [ZC]: WORKLIST,
    [COMENSHA]: WORKLIST,
    [POLICE]: WORKLIST,
    [NOODBED_ONWARD]: WORKLIST,
    [NLA]: WORKLIST,
    [JEUGDBESCHERMING]: WORKLIST,
    [NIDOS]: WORKLIST,
  },
  [ShelterType.OMM]: {
    [ZC]: WORKLIST,
    [COMENSHA]: WORKLIST,
    [POLICE]: WORKLIST,
    [NOODBED_ONWARD]: WORKLIST,
    [NLA]: WORKLIST,
    [JEUGDBESCHERMING]: WORKLIST,
    [NIDOS]: WORKLIST,
  },
  [ShelterType.NLA_CRISIS]: {
    [ZC]: WORKLIST,
    [COMENSHA]: OFFER,
    [POLICE]: WORKLIST,
    [NOODBED_ONWARD]: WORKLIST,
    [NLA]: OFFER,
    [JEUGDBESCHERMING]: WORKLIST,
    [NIDOS]: WORKLIST,
  },
  [ShelterType.NOODBED]: {
    [ZC]: NEVER,
    [COMENSHA]: NEVER,
    [POLICE]: OFFER,
    [NOODBED_ONWARD]: NEVER,
    [NLA]: NEVER,
    [JEUGDBESCHERMING]: NEVER,
    [NIDOS]: NEVER,
  },
  [ShelterType.JEUGDZORG]: {
    [ZC]: WORKLIST,
    [COMENSHA]: WORKLIST,
    [POLICE]: WORKLIST,
    [NOODBED_ONWARD]: WORKLIST,
    [NLA]: WORKLIST,
    [JEUGDBESCHERMING]: WORKLIST,
    [NIDOS]: WORKLIST,
  },
};

describe('the authority table (domain.md §5a)', () => {
  describe.each(Object.values(ShelterType))('%s', (kind) => {
    it.each(Object.values(RequesterCapacity))(
      `a request from %s: the table's verdict (${DEFAULT_AUTHORITY_TABLE[kind].source})`,
      (capacity) => {
        expect(authorityVerdict(kind, [capacity])).toBe(EXPECTED[kind][capacity]);
      },
    );
  });

  it('COSM is placed only by a CoMensha decision, never automatically (000:2130, 000:2136-2137)', () => {
    expect(DEFAULT_AUTHORITY_TABLE[ShelterType.COSM]).toMatchObject({ decidedBy: PlacingAuthority.COMENSHA, automaticFor: [] });
    expect(mayAssignKind([COMENSHA], ShelterType.COSM)).toBe(true);
    expect(mayAssignKind([ZC], ShelterType.COSM)).toBe(false);
  });

  it('a noodbed is for AVIM and KMar only: named to nobody else (002:761-763)', () => {
    for (const capacity of Object.values(RequesterCapacity).filter((c) => c !== POLICE)) {
      expect(authorityVerdict(ShelterType.NOODBED, [capacity])).toBe(NEVER);
    }
  });

  it('NLA crisis places: the NLA, or CoMensha on its request (000:2168-2171, 003:486)', () => {
    expect(mayAssignKind([NLA], ShelterType.NLA_CRISIS)).toBe(true);
    expect(mayAssignKind([COMENSHA], ShelterType.NLA_CRISIS)).toBe(true);
    expect(mayAssignKind([ZC], ShelterType.NLA_CRISIS)).toBe(false);
  });

  it('youth care: jeugdbescherming decides, Nidos for unaccompanied foreign minors (002:771-775, 003:683-695)', () => {
    expect(mayDecide([JEUGDBESCHERMING], PlacingAuthority.JEUGDBESCHERMING, null)).toBe(true);
    expect(mayDecide([NIDOS], PlacingAuthority.JEUGDBESCHERMING, NIDOS_ORGANISATION)).toBe(true);
    expect(mayDecide([JEUGDBESCHERMING], PlacingAuthority.JEUGDBESCHERMING, NIDOS_ORGANISATION)).toBe(false);
    expect(mayDecide([COMENSHA, ZC], PlacingAuthority.JEUGDBESCHERMING, null)).toBe(false);
    // Nidos decides for unaccompanied foreign minors only; a youth-care organisation only in its regions.
    expect(mayDecide([NIDOS], PlacingAuthority.JEUGDBESCHERMING, null)).toBe(false);
    expect(requesterCapacities({ role: Role.JEUGDBESCHERMING, org: 'veilig-thuis-ams', regions: ['AMS'] }, 'RR')).toEqual([]);
  });

  it('property: a verdict is OFFER exactly when one of the capacities is offered automatically; adding capacities never takes a place away', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(ShelterType)),
        fc.subarray(Object.values(RequesterCapacity)),
        fc.subarray(Object.values(RequesterCapacity)),
        (kind, some, more) => {
          const verdict = authorityVerdict(kind, some);
          const automatic = some.some((c) => EXPECTED[kind][c] === OFFER);
          expect(verdict === OFFER).toBe(automatic);
          if (verdict === OFFER) expect(authorityVerdict(kind, [...some, ...more])).toBe(OFFER);
        },
      ),
    );
  });
});

describe('requesterCapacities', () => {
  const viewer = (role: Role, org = 'org', regions: string[] = ['RR']) => ({ role, org, regions });

  it('a zorgcoördinator acts for her own regions only', () => {
    expect(requesterCapacities(viewer(Role.ZORGCOORDINATOR), 'RR')).toEqual([ZC]);
    expect(requesterCapacities(viewer(Role.ZORGCOORDINATOR), 'TW')).toEqual([]);
  });

  it('the onward request of a police noodbed acts for the region’s zorgcoördinator (§5a)', () => {
    expect(requesterCapacities(viewer(Role.POLICE, 'avim-rotterdam'), 'RR', { noodbedOnward: true })).toEqual([
      POLICE,
      NOODBED_ONWARD,
    ]);
  });

  it('Nidos is told apart from other youth-care organisations by its organisation code', () => {
    expect(requesterCapacities(viewer(Role.JEUGDBESCHERMING, NIDOS_ORGANISATION), 'RR')).toEqual([NIDOS]);
    expect(requesterCapacities(viewer(Role.JEUGDBESCHERMING, 'veilig-thuis-rr'), 'RR')).toEqual([JEUGDBESCHERMING]);
  });

  it('shelter staff, planners and administrators place nowhere on their own', () => {
    for (const role of [Role.SHELTER_STAFF, Role.PLANNER, Role.ADMIN]) {
      expect(requesterCapacities(viewer(role), 'RR')).toEqual([]);
      for (const kind of Object.values(ShelterType)) expect(authorityVerdict(kind, [])).not.toBe(OFFER);
    }
  });
});

describe('youthCareAuthority (002:771-775, 003:683-695)', () => {
  const base = { gender: Gender.FEMALE, exploitationTypes: [ExploitationType.SEXUAL] };
  it('an adult has none; a Dutch minor goes to jeugdbescherming; an unaccompanied foreign minor to Nidos', () => {
    expect(youthCareAuthority({ ...base, age: 30 }, DEFAULT_MATCHING_CONFIG)).toBeNull();
    expect(youthCareAuthority({ ...base, age: 15, residenceStatus: ResidenceStatus.DUTCH }, DEFAULT_MATCHING_CONFIG)).toEqual({
      authority: PlacingAuthority.JEUGDBESCHERMING,
      organisation: null,
    });
    expect(
      youthCareAuthority({ ...base, age: 16, residenceStatus: ResidenceStatus.ASYLUM_PROCEDURE }, DEFAULT_MATCHING_CONFIG),
    ).toEqual({
      authority: PlacingAuthority.JEUGDBESCHERMING,
      organisation: NIDOS_ORGANISATION,
    });
    expect(
      youthCareAuthority(
        { ...base, age: 16, residenceStatus: ResidenceStatus.UNKNOWN, unaccompanied: false },
        DEFAULT_MATCHING_CONFIG,
      ),
    ).toMatchObject({ organisation: null });
  });
});

describe('ernstige-benadeling places (000:2172-2175)', () => {
  const place = (exploitationTypes: ExploitationType[]) => ({ type: ShelterType.NLA_CRISIS, eligibility: { exploitationTypes } });

  it('an NLA place that takes only ernstige benadeling is its own row: NLA Toezicht places, CoMensha does not', () => {
    expect(placementKindOf(place([ExploitationType.SERIOUS_DISADVANTAGE]))).toBe(ERNSTIGE_BENADELING);
    expect(placementKindOf(place([ExploitationType.LABOUR, ExploitationType.SERIOUS_DISADVANTAGE]))).toBe(ShelterType.NLA_CRISIS);
    expect(placementKindOf(place([]))).toBe(ShelterType.NLA_CRISIS);
    expect(authorityVerdict(ERNSTIGE_BENADELING, [NLA])).toBe(OFFER);
    expect(authorityVerdict(ERNSTIGE_BENADELING, [COMENSHA])).toBe(WORKLIST);
    expect(mayAssignKind([COMENSHA], ERNSTIGE_BENADELING)).toBe(false);
    // The crisis places stay CoMensha's to arrange on the NLA's request (000:2168-2171).
    expect(authorityVerdict(ShelterType.NLA_CRISIS, [COMENSHA])).toBe(OFFER);
  });
});
