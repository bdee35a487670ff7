import { B8Status, ResidenceStatus, ShelterType } from '../../enums';
import { matchingConfig } from '../../matching-config';
import { newContext } from '../../testing/factories';
import { ExclusionCode, PASS } from '../exclusion';
import { b8StatusRule } from './b8-status.rule';

const at = new Date('2026-06-10T10:00:00+02:00');
const foreign = { residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE };
const cosm = { type: ShelterType.COSM };

describe('b8StatusRule', () => {
  it('COSM takes the bedenktijd (000:2130-2131)', () => {
    expect(
      b8StatusRule(newContext({ ...foreign, b8Status: B8Status.BEDENKTIJD, bedenktijdStart: '2026-05-01' }, cosm, { at })),
    ).toEqual(PASS);
    expect(b8StatusRule(newContext({ ...foreign, b8Status: B8Status.BEDENKTIJD }, cosm, { at }))).toEqual(PASS);
  });
  it('COSM takes victims not yet informed, and by default a missing status', () => {
    expect(b8StatusRule(newContext({ ...foreign, b8Status: B8Status.NOT_YET_INFORMED }, cosm, { at }))).toEqual(PASS);
    expect(b8StatusRule(newContext({ ...foreign, b8Status: null }, cosm, { at }))).toEqual(PASS);
    const config = matchingConfig({ eligibility: { cosmAcceptsMissingB8Status: false } });
    expect(b8StatusRule(newContext({ ...foreign, b8Status: null }, cosm, { at, config }))).toMatchObject({
      code: ExclusionCode.B8_STATUS,
    });
  });
  it.each([B8Status.B8_PERMIT, B8Status.B8_PERMIT_NO_COOPERATION, B8Status.B9, B8Status.NOT_APPLICABLE])(
    'COSM refuses %s (with a permit VO/MO is the place, 000:2131-2134)',
    (b8Status) => {
      expect(b8StatusRule(newContext({ ...foreign, b8Status }, cosm, { at }))).toMatchObject({ code: ExclusionCode.B8_STATUS });
    },
  );
  it('an ended bedenktijd (3 months, 003:661) no longer counts for COSM, and says when it ended', () => {
    const r = b8StatusRule(
      newContext({ ...foreign, b8Status: B8Status.BEDENKTIJD, bedenktijdStart: '2026-03-10' }, cosm, { at }),
    );
    expect(r).toMatchObject({ code: ExclusionCode.B8_STATUS });
    expect('message' in r && r.message).toMatch(/bedenktijd ended on 2026-06-10/);
    // The day before the end it still counts.
    expect(
      b8StatusRule(newContext({ ...foreign, b8Status: B8Status.BEDENKTIJD, bedenktijdStart: '2026-03-11' }, cosm, { at })),
    ).toEqual(PASS);
  });
  it("applies the facility's own list (empty = any)", () => {
    const noodbed = { type: ShelterType.NOODBED, eligibility: { b8Statuses: [B8Status.BEDENKTIJD] } };
    expect(b8StatusRule(newContext({ ...foreign, b8Status: B8Status.BEDENKTIJD }, noodbed, { at }))).toEqual(PASS);
    expect(b8StatusRule(newContext({ ...foreign, b8Status: B8Status.B8_PERMIT }, noodbed, { at }))).toMatchObject({
      code: ExclusionCode.B8_STATUS,
    });
    // Not given is unknown, not a mismatch: the residence rule keeps the bedenktijd out of VO/MO.
    expect(b8StatusRule(newContext({ ...foreign, b8Status: null }, noodbed, { at }))).toEqual(PASS);
    expect(
      b8StatusRule(newContext({ ...foreign, b8Status: B8Status.BEDENKTIJD, bedenktijdStart: '2026-01-01' }, noodbed, { at })),
    ).toMatchObject({ code: ExclusionCode.B8_STATUS });
    expect(b8StatusRule(newContext({ ...foreign, b8Status: B8Status.B8_PERMIT }, { type: ShelterType.NOODBED }, { at }))).toEqual(
      PASS,
    );
  });

  it('reads a missing B8/3 status as NOT_APPLICABLE for someone with lawful residence (a Dutch woman fits VO)', () => {
    const vo = { type: ShelterType.VROUWENOPVANG, eligibility: { b8Statuses: [B8Status.NOT_APPLICABLE, B8Status.B8_PERMIT] } };
    const dutch = { ...foreign, residenceStatus: ResidenceStatus.DUTCH, b8Status: undefined };
    expect(b8StatusRule(newContext(dutch, vo, { at }))).toEqual(PASS);
    const bedenktijdOnly = { type: ShelterType.NOODBED, eligibility: { b8Statuses: [B8Status.BEDENKTIJD] } };
    expect(b8StatusRule(newContext(dutch, bedenktijdOnly, { at }))).toMatchObject({ code: ExclusionCode.B8_STATUS });
  });
});
