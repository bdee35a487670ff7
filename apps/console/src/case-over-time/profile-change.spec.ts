import { describe, expect, it } from '@jest/globals';
import { fieldOf, NO_CHANGE, toProfileChange } from './profile-change';

describe('a profile change as the form sends it', () => {
  it('sends nothing when nothing was filled in', () => {
    expect(toProfileChange(NO_CHANGE)).toBeNull();
  });

  it('sends only what was filled in: aangifte gedaan and a raised threat', () => {
    expect(toProfileChange({ ...NO_CHANGE, aangifte: 'DONE', threatLevel: 'HIGH' })).toEqual({
      aangifte: 'DONE',
      threatLevel: 'HIGH',
    });
  });

  it('sends the bedenktijd start only with the bedenktijd (003:661)', () => {
    expect(
      toProfileChange({
        ...NO_CHANGE,
        residenceStatus: 'NO_LAWFUL_RESIDENCE',
        b8Status: 'BEDENKTIJD',
        bedenktijdStart: '2026-12-01',
      }),
    ).toEqual({
      residenceStatus: 'NO_LAWFUL_RESIDENCE',
      b8Status: 'BEDENKTIJD',
      bedenktijdStart: '2026-12-01',
    });
    expect(
      toProfileChange({ ...NO_CHANGE, residenceStatus: 'EU_CITIZEN', b8Status: 'B8_PERMIT', bedenktijdStart: '2026-12-01' }),
    ).toEqual({
      residenceStatus: 'EU_CITIZEN',
      b8Status: 'B8_PERMIT',
    });
  });

  it('sends the residence status with a B8 status (the API checks them together, red team N5)', () => {
    expect(toProfileChange({ ...NO_CHANGE, residenceStatus: 'UNKNOWN', b8Status: 'B9' })).toEqual({
      residenceStatus: 'UNKNOWN',
      b8Status: 'B9',
    });
    expect(toProfileChange({ ...NO_CHANGE, residenceStatus: 'EU_CITIZEN' })).toBeNull();
  });

  it('sends the lists whole when any is chosen', () => {
    expect(toProfileChange({ ...NO_CHANGE, careNeeds: ['GGZ'], excludedRegionCodes: ['RR', 'HM'] })).toEqual({
      careNeeds: ['GGZ'],
      excludedRegionCodes: ['RR', 'HM'],
    });
  });

  it('reads the field a problem names, bare or inside the input', () => {
    expect(fieldOf('changes.bedenktijdStart')).toBe('bedenktijdStart');
    expect(fieldOf('reason')).toBe('reason');
    expect(fieldOf('changes.excludedRegionCodes[0]')).toBe('excludedRegionCodes');
    expect(fieldOf(undefined)).toBeUndefined();
  });
});
