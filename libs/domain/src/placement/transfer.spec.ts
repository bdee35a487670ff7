import { Gender, PlacementStatus, Role } from '../enums';
import type { VictimProfile } from '../profile';
import { mayActOnTransfer, TransferReason, transferProfile, transferRefusal } from './transfer';

const her = { gender: Gender.FEMALE, age: 30, exploitationTypes: [], excludedRegionCodes: ['TW'] } as unknown as VictimProfile;

describe('transfers (issue 14)', () => {
  it('only a stay she is in can be transferred; a waiting request is told why not', () => {
    expect(transferRefusal({ status: PlacementStatus.PLACED, profileErased: false })).toBeNull();
    expect(transferRefusal({ status: PlacementStatus.WAITING, profileErased: false })).toContain('not placed yet');
    expect(transferRefusal({ status: PlacementStatus.ENDED, profileErased: false })).toContain('no stay to move from');
    expect(transferRefusal({ status: PlacementStatus.PLACED, profileErased: true })).toContain('erased');
  });

  it('a safety move excludes the region she leaves, keeping the exclusions she had (004:7085-7089)', () => {
    expect(transferProfile(her, TransferReason.SAFETY, 'RR').excludedRegionCodes).toEqual(['TW', 'RR']);
    expect(transferProfile(her, TransferReason.MOVE_ON, 'RR')).toBe(her);
  });

  it('the region’s coordinators, the requesting organisation and CoMensha may move her; staff, planners and ADMIN not', () => {
    const request = { regionCode: 'RR', requestedByOrg: 'avim-rotterdam' };
    const viewer = (role: Role, org = 'x', regions: string[] = []) => ({ role, org, regions });
    expect(mayActOnTransfer(viewer(Role.ZORGCOORDINATOR, 'zc', ['RR']), request)).toBe(true);
    expect(mayActOnTransfer(viewer(Role.ZORGCOORDINATOR, 'zc', ['AMS']), request)).toBe(false);
    expect(mayActOnTransfer(viewer(Role.POLICE, 'avim-rotterdam'), request)).toBe(true);
    expect(mayActOnTransfer(viewer(Role.POLICE, 'avim-elders'), request)).toBe(false);
    expect(mayActOnTransfer(viewer(Role.COMENSHA), request)).toBe(true);
    for (const role of [Role.SHELTER_STAFF, Role.PLANNER, Role.ADMIN])
      expect(mayActOnTransfer(viewer(role, 'avim-rotterdam', ['RR']), request)).toBe(false);
  });
});
