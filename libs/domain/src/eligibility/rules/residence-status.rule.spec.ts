import { B8Status, ResidenceStatus, ShelterType } from '../../enums';
import { DEFAULT_MATCHING_CONFIG, matchingConfig } from '../../matching-config';
import { newContext } from '../../testing/factories';
import { ExclusionCode, PASS } from '../exclusion';
import { interimOnlyFor, residenceStatusRule } from './residence-status.rule';

const R = ResidenceStatus;

describe('residenceStatusRule', () => {
  it.each(Object.values(ShelterType))('asylum procedure → no bed in %s, AZC instead (003:665-667)', (type) => {
    expect(residenceStatusRule(newContext({ residenceStatus: R.ASYLUM_PROCEDURE }, { type }))).toMatchObject({
      code: ExclusionCode.RESIDENCE_STATUS,
    });
  });
  it('asylum beds can be allowed by configuration', () => {
    const config = matchingConfig({ eligibility: { asylumProcedureGetsBed: true } });
    expect(
      residenceStatusRule(newContext({ residenceStatus: R.ASYLUM_PROCEDURE }, { type: ShelterType.NOODBED }, { config })),
    ).toEqual(PASS);
  });

  it('COSM takes victims without lawful residence (000:2130-2131, 002:755-759)', () => {
    expect(residenceStatusRule(newContext({ residenceStatus: R.NO_LAWFUL_RESIDENCE }, { type: ShelterType.COSM }))).toEqual(PASS);
  });
  it.each([R.DUTCH, R.EU_CITIZEN, R.LAWFUL_NON_EU, R.UNKNOWN])('COSM refuses residence %s', (residenceStatus) => {
    expect(residenceStatusRule(newContext({ residenceStatus }, { type: ShelterType.COSM }))).toMatchObject({
      code: ExclusionCode.RESIDENCE_STATUS,
    });
  });
  it('COSM may take UNKNOWN residence by configuration', () => {
    const config = matchingConfig({ eligibility: { cosmAcceptsUnknownResidence: true } });
    expect(residenceStatusRule(newContext({ residenceStatus: R.UNKNOWN }, { type: ShelterType.COSM }, { config }))).toEqual(PASS);
  });

  describe.each([ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG])(
    '%s needs lawful residence or a B8 permit (002:739-741, 003:657)',
    (type) => {
      it.each([R.DUTCH, R.EU_CITIZEN, R.LAWFUL_NON_EU])('takes %s', (residenceStatus) => {
        expect(residenceStatusRule(newContext({ residenceStatus }, { type }))).toEqual(PASS);
      });
      it.each([B8Status.B8_PERMIT, B8Status.B8_PERMIT_NO_COOPERATION, B8Status.B9])(
        'takes no lawful residence with %s',
        (b8Status) => {
          expect(residenceStatusRule(newContext({ residenceStatus: R.NO_LAWFUL_RESIDENCE, b8Status }, { type }))).toEqual(PASS);
        },
      );
      it.each([B8Status.BEDENKTIJD, B8Status.NOT_YET_INFORMED])(
        'takes no lawful residence with %s as an interim place only, onward to COSM (000:2136-2139, domain.md §5a)',
        (b8Status) => {
          const profile = { residenceStatus: R.NO_LAWFUL_RESIDENCE, b8Status };
          expect(residenceStatusRule(newContext(profile, { type }))).toEqual(PASS);
          expect(interimOnlyFor(newContext(profile).profile, type, DEFAULT_MATCHING_CONFIG, new Date())).toEqual([
            ShelterType.COSM,
          ]);
        },
      );
      it('refuses no lawful residence without a B8/3 status (the route is not known yet, 002:739-741)', () => {
        const r = residenceStatusRule(newContext({ residenceStatus: R.NO_LAWFUL_RESIDENCE, b8Status: null }, { type }));
        expect(r).toMatchObject({ code: ExclusionCode.RESIDENCE_STATUS });
      });
      it('takes unknown residence by default, not when configured off', () => {
        expect(residenceStatusRule(newContext({ residenceStatus: null }, { type }))).toEqual(PASS);
        const config = matchingConfig({ eligibility: { regularShelterAcceptsUnknownResidence: false } });
        expect(residenceStatusRule(newContext({ residenceStatus: null }, { type }, { config }))).toMatchObject({
          code: ExclusionCode.RESIDENCE_STATUS,
        });
      });
    },
  );

  it.each(DEFAULT_MATCHING_CONFIG.eligibility.crisisKinds)(
    'an unknown or missing residence status never shuts her out of the crisis kind %s, whatever its list (003:478, 002:726-730)',
    (type) => {
      const facility = { type, eligibility: { residenceStatuses: [R.DUTCH, R.EU_CITIZEN] } };
      expect(
        residenceStatusRule(newContext({ residenceStatus: R.UNKNOWN, minor: type === ShelterType.JEUGDZORG }, facility)),
      ).toEqual(PASS);
      expect(residenceStatusRule(newContext({ residenceStatus: null, minor: type === ShelterType.JEUGDZORG }, facility))).toEqual(
        PASS,
      );
    },
  );

  it('a minor in an asylum procedure is not shut out of youth care by the adult AZC rule (003:683-695)', () => {
    expect(
      residenceStatusRule(newContext({ residenceStatus: R.ASYLUM_PROCEDURE, age: 15 }, { type: ShelterType.JEUGDZORG })),
    ).toEqual(PASS);
    expect(
      residenceStatusRule(newContext({ residenceStatus: R.ASYLUM_PROCEDURE, age: 25 }, { type: ShelterType.JEUGDZORG })),
    ).toMatchObject({
      code: ExclusionCode.RESIDENCE_STATUS,
    });
  });

  it("applies the facility's own list (missing = UNKNOWN) outside the crisis kinds", () => {
    const facility = { type: ShelterType.OMM, eligibility: { residenceStatuses: [R.DUTCH, R.EU_CITIZEN] } };
    expect(residenceStatusRule(newContext({ residenceStatus: R.EU_CITIZEN }, facility))).toEqual(PASS);
    expect(residenceStatusRule(newContext({ residenceStatus: R.LAWFUL_NON_EU }, facility))).toMatchObject({
      code: ExclusionCode.RESIDENCE_STATUS,
    });
    expect(residenceStatusRule(newContext({ residenceStatus: undefined }, facility))).toMatchObject({
      code: ExclusionCode.RESIDENCE_STATUS,
    });
  });
});
