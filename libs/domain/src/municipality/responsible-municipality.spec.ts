import { MunicipalityDirectory } from './municipality-directory';
import { responsibleMunicipality } from './responsible-municipality';
import { validateMunicipalities } from './validate-municipalities';

const directory = new MunicipalityDirectory([
  { code: 'GM0599', name: 'Rotterdam', regionCode: 'RR' },
  { code: 'GM0505', name: 'Dordrecht', regionCode: 'ZHZ' },
  { code: 'GM0518', name: "'s-Gravenhage", regionCode: 'HGL', aliases: ['Den Haag'] },
]);

describe('responsibleMunicipality (registered, else found: 002:726-729)', () => {
  it('is where she is registered when she is', () => {
    expect(
      responsibleMunicipality({ registeredInMunicipality: 'Den Haag', foundInMunicipality: 'Rotterdam' }, directory),
    ).toEqual({
      municipality: expect.objectContaining({ code: 'GM0518' }),
      basis: 'REGISTERED',
    });
  });
  it('is where she was found when she is not registered (or it is not known where)', () => {
    expect(responsibleMunicipality({ foundInMunicipality: 'dordrecht' }, directory)).toEqual({
      municipality: expect.objectContaining({ code: 'GM0505' }),
      basis: 'FOUND',
    });
    expect(responsibleMunicipality({ registeredInMunicipality: null, foundInMunicipality: 'GM0599' }, directory)?.basis).toBe(
      'FOUND',
    );
  });
  it('is unknown when neither names a municipality', () => {
    expect(responsibleMunicipality({}, directory)).toBeNull();
    expect(responsibleMunicipality({ foundInMunicipality: 'Atlantis' }, directory)).toBeNull();
  });
});

describe('validateMunicipalities', () => {
  it('accepts known names, aliases, codes and absent fields', () => {
    expect(validateMunicipalities({ foundInMunicipality: 'Den Haag', registeredInMunicipality: 'GM0505' }, directory)).toEqual(
      [],
    );
    expect(validateMunicipalities({ foundInMunicipality: null }, directory)).toEqual([]);
  });
  it('names each unknown field and suggests the closest names', () => {
    const violations = validateMunicipalities(
      { foundInMunicipality: 'Rotterdm', registeredInMunicipality: 'Dordrect' },
      directory,
    );
    expect(violations.map((v) => v.field)).toEqual(['foundInMunicipality', 'registeredInMunicipality']);
    expect(violations[0].message).toMatch(
      /^foundInMunicipality "Rotterdm" is not a Dutch municipality of 2026; did you mean Rotterdam, /,
    );
    expect(violations[1].message).toMatch(/did you mean Dordrecht/);
  });
  it('repeats at most 40 characters of what was sent', () => {
    const [violation] = validateMunicipalities({ foundInMunicipality: 'x'.repeat(100) }, directory);
    expect(violation.message).toContain(`"${'x'.repeat(40)}…"`);
  });
});
