import { randomBytes } from 'node:crypto';
import { StaffPseudonyms } from './staff-pseudonyms';

describe('StaffPseudonyms (issue 12: audit views name no secret shelter)', () => {
  const pseudonyms = new StaffPseudonyms(randomBytes(32));
  const staff = { actorSub: 'staff-1@blijf-den-helder', actorRole: 'SHELTER_STAFF', actorOrg: 'blijf-den-helder', action: 'x' };

  it("hides a shelter worker's subject and organisation, keeping the rest of the row", () => {
    const shown = pseudonyms.view(staff);
    expect(JSON.stringify(shown)).not.toMatch(/helder|blijf/i);
    expect(shown).toMatchObject({ actorRole: 'SHELTER_STAFF', action: 'x' });
    expect(shown.actorSub).toMatch(/^staff-[\w-]{12}$/);
    expect(shown.actorOrg).toMatch(/^shelter-[\w-]{12}$/);
  });

  it('is stable, so one worker is recognisably one worker, and different workers differ', () => {
    expect(pseudonyms.view(staff)).toEqual(pseudonyms.view({ ...staff }));
    expect(pseudonyms.view({ ...staff, actorSub: 'staff-2@blijf-den-helder' }).actorSub).not.toBe(
      pseudonyms.view(staff).actorSub,
    );
    expect(pseudonyms.isOrganisation(pseudonyms.view(staff).actorOrg, 'blijf-den-helder')).toBe(true);
    expect(pseudonyms.isOrganisation(pseudonyms.view(staff).actorOrg, 'fier')).toBe(false);
  });

  it('is keyed: another key gives other pseudonyms (a list of operator names does not resolve them)', () => {
    expect(new StaffPseudonyms(randomBytes(32)).view(staff).actorOrg).not.toBe(pseudonyms.view(staff).actorOrg);
  });

  it('leaves every other role as recorded', () => {
    const police = { ...staff, actorRole: 'POLICE', actorOrg: 'avim-rotterdam', actorSub: 'agent-7' };
    expect(pseudonyms.view(police)).toEqual(police);
  });
});
