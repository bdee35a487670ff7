import { B8Status, CareNeed, ExploitationType, ResidenceStatus, ShelterType } from '../enums';
import { DEFAULT_MATCHING_CONFIG } from '../matching-config';
import { newProfile } from '../testing/factories';
import { specialisedKinds } from './specialised-kind';

const at = new Date('2026-06-10T10:00:00+02:00');
const kinds = (patch: Parameters<typeof newProfile>[0]): ShelterType[] => [
  ...specialisedKinds(newProfile(patch), at, DEFAULT_MATCHING_CONFIG).keys(),
];

describe('specialisedKinds', () => {
  it('VO for sexual exploitation with lawful residence (003:466)', () => {
    expect(kinds({})).toEqual([ShelterType.VROUWENOPVANG]);
  });
  it('COSM for the bedenktijd or not yet informed without lawful residence (000:2130-2131)', () => {
    const foreign = { residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE };
    expect(kinds({ ...foreign, b8Status: B8Status.BEDENKTIJD })).toEqual([ShelterType.COSM]);
    expect(kinds({ ...foreign, b8Status: B8Status.NOT_YET_INFORMED })).toEqual([ShelterType.COSM]);
    expect(kinds({ ...foreign, b8Status: B8Status.BEDENKTIJD, bedenktijdStart: '2026-01-01' })).toEqual([]);
    expect(kinds({ ...foreign, b8Status: B8Status.B8_PERMIT })).toEqual([ShelterType.VROUWENOPVANG]);
  });
  it('OMM, not VO, for multiproblematiek (000:2143-2149)', () => {
    expect(kinds({ careNeeds: [CareNeed.ADDICTION] })).toEqual([ShelterType.OMM]);
  });
  it('NLA crisis for labour and serious disadvantage (003:486)', () => {
    expect(kinds({ exploitationTypes: [ExploitationType.LABOUR] })).toEqual([ShelterType.NLA_CRISIS]);
    expect(kinds({ exploitationTypes: [ExploitationType.SERIOUS_DISADVANTAGE] })).toEqual([ShelterType.NLA_CRISIS]);
  });
  it('JEUGDZORG for a minor (002:771-775)', () => {
    expect(kinds({ age: 16, exploitationTypes: [ExploitationType.CRIMINAL] })).toEqual([ShelterType.JEUGDZORG]);
  });
});
