/**
 * National and specialist shelter (domain.md §2): COSM, OMM, NLA crisis places, noodbedden and
 * jeugdzorg places for minors. Figures come from the documents where they give them; operators and
 * location names are plausible, not an official register.
 */
import { B8Status, CareNeed, ExploitationType, Gender, ResidenceStatus, ShelterType } from '@opvangplek/domain';
import {
  ALL_CARE_NEEDS,
  ANY_BUT_ASYLUM_RESIDENCE,
  FacilitySpec,
  NATIONAL_RESIDENCE,
  TRAFFICKING_TYPES,
  adultEligibility,
  secretLocationName,
} from './facility-builder';

/**
 * COSM: 3 locations (Amsterdam, Rotterdam, Vries), 40 places: 30 for women, 10 for men (000:2128-2130);
 * the men's COSM is in Drenthe (002:759), the Rotterdam women's COSM is run by Humanitas (002:757-758).
 * Only CoMensha places, in office hours (000:2130, 000:2136-2139); for foreign adults without lawful
 * residence in the B8/3 bedenktijd (000:2131-2134, 003:661). Women may bring children (COSM pilot).
 */
function cosm(): FacilitySpec[] {
  const eligibility = (genders: Gender[], acceptsChildren: boolean) =>
    adultEligibility({
      genders,
      residenceStatuses: [ResidenceStatus.NO_LAWFUL_RESIDENCE],
      b8Statuses: [B8Status.BEDENKTIJD, B8Status.NOT_YET_INFORMED],
      acceptsCareNeeds: [CareNeed.GGZ],
      acceptsChildren,
    });
  return [
    {
      key: 'cosm-amsterdam',
      name: secretLocationName('COSM vrouwen – HVO-Querido', 'AMS'),
      type: ShelterType.COSM,
      operator: 'HVO-Querido',
      regionCode: 'AMS',
      municipality: 'Amsterdam',
      secretAddress: true,
      eligibility: eligibility([Gender.FEMALE], true),
      capacity: { total: 16, occupied: 15, held: 0, outOfService: 0 },
    },
    {
      key: 'cosm-rotterdam',
      name: secretLocationName('COSM vrouwen – Humanitas', 'RR'),
      type: ShelterType.COSM,
      operator: 'Humanitas',
      regionCode: 'RR',
      municipality: 'Rotterdam',
      secretAddress: true,
      eligibility: eligibility([Gender.FEMALE], true),
      capacity: { total: 14, occupied: 14, held: 0, outOfService: 0 },
    },
    {
      key: 'cosm-vries',
      name: secretLocationName('COSM mannen – Jade Zorggroep', 'DR'),
      type: ShelterType.COSM,
      operator: 'Jade Zorggroep',
      regionCode: 'DR',
      municipality: 'Tynaarlo',
      town: 'Vries',
      postcodePrefix: '94',
      coordinates: { latitude: 53.0747, longitude: 6.5788 },
      secretAddress: true,
      eligibility: eligibility([Gender.MALE], false),
      capacity: { total: 10, occupied: 8, held: 0, outOfService: 0 },
    },
  ];
}

/**
 * OMM: 36 places nationally, spread over the country in a VWS pilot; 6 of them in Noordoost-Nederland
 * at the Leger des Heils (Zwolle and Enschede involved) (000:2143-2153, 003:470). CoMensha places
 * (000:2150); for victims with LVB, GGZ, addiction and/or problems on several life domains.
 */
function omm(): FacilitySpec[] {
  const eligibility = (genders: Gender[]) =>
    adultEligibility({
      genders: [...genders],
      // Both after aangifte and in the bedenktijd: the care need decides, CoMensha places either way.
      residenceStatuses: [...ANY_BUT_ASYLUM_RESIDENCE],
      b8Statuses: [],
      acceptsCareNeeds: [...ALL_CARE_NEEDS],
    });
  const location = (
    key: string,
    operator: string,
    regionCode: string,
    municipality: string,
    total: number,
    genders: Gender[],
    secretAddress = false,
  ): FacilitySpec => {
    return {
      key,
      name: secretAddress ? secretLocationName(`${operator} – OMM`, regionCode) : `${operator} – OMM ${municipality}`,
      type: ShelterType.OMM,
      operator,
      regionCode,
      municipality,
      secretAddress,
      eligibility: eligibility(genders),
      capacity: { total, profile: 'TIGHT' },
    };
  };
  const all = [Gender.FEMALE, Gender.MALE, Gender.X];
  return [
    // 000:2151-2153: the 6 Noordoost-Nederland places, Leger des Heils.
    {
      ...location('omm-noordoost', 'Leger des Heils', 'IJS', 'Zwolle', 6, all),
      name: 'Leger des Heils – OMM Noordoost-Nederland (Zwolle)',
    },
    location('omm-amsterdam', 'HVO-Querido', 'AMS', 'Amsterdam', 7, all),
    location('omm-rotterdam', 'Pameijer', 'RR', 'Rotterdam', 7, all),
    location('omm-leeuwarden', 'Fier', 'FR', 'Leeuwarden', 6, [Gender.FEMALE, Gender.X], true),
    location('omm-eindhoven', 'Neos', 'ZOB', 'Eindhoven', 5, all),
    location('omm-arnhem', 'Pro Persona', 'CG', 'Arnhem', 5, all),
  ];
}

/**
 * NLA crisis places for labour exploitation and "ernstige benadeling": three places in the country
 * (000:2168-2175), a holiday home, group accommodation or hotel so that a whole group can stay
 * together (003:484), open "te allen tijde" for the NLA (003:486), at most 14 days (000:2173-2174).
 * The documents give no place counts: these are assumptions.
 */
function nlaCrisis(): FacilitySpec[] {
  const eligibility = (maxGroupSize: number, acceptsChildren: boolean) =>
    adultEligibility({
      exploitationTypes: [ExploitationType.LABOUR, ExploitationType.SERIOUS_DISADVANTAGE],
      residenceStatuses: [...ANY_BUT_ASYLUM_RESIDENCE],
      b8Statuses: [],
      acceptsCareNeeds: [CareNeed.GGZ],
      acceptsChildren,
      maxGroupSize,
    });
  return [
    {
      key: 'nla-groepsaccommodatie',
      name: secretLocationName('Crisisopvang arbeidsuitbuiting – Groepsaccommodatie', 'NML'),
      type: ShelterType.NLA_CRISIS,
      operator: 'CoMensha (crisisopvang arbeidsuitbuiting)',
      regionCode: 'NML',
      municipality: 'Horst aan de Maas',
      coordinates: { latitude: 51.454, longitude: 6.051 },
      secretAddress: true,
      eligibility: eligibility(16, false),
      capacity: { total: 16, occupied: 0, held: 0, outOfService: 0 },
    },
    {
      key: 'nla-vakantiewoning',
      name: secretLocationName('Crisisopvang arbeidsuitbuiting – Vakantiewoning', 'FV'),
      type: ShelterType.NLA_CRISIS,
      operator: 'CoMensha (crisisopvang arbeidsuitbuiting)',
      regionCode: 'FV',
      municipality: 'Barneveld',
      postcodePrefix: '37',
      coordinates: { latitude: 52.14, longitude: 5.585 },
      secretAddress: true,
      eligibility: eligibility(8, true),
      capacity: { total: 8, occupied: 3, held: 0, outOfService: 0 },
    },
    {
      key: 'nla-hotel',
      name: secretLocationName('Crisisopvang arbeidsuitbuiting – Hotel', 'HGL'),
      type: ShelterType.NLA_CRISIS,
      operator: 'CoMensha (crisisopvang arbeidsuitbuiting)',
      regionCode: 'HGL',
      municipality: 'Westland',
      postcodePrefix: '26',
      coordinates: { latitude: 51.994, longitude: 4.209 },
      secretAddress: true,
      eligibility: eligibility(6, false),
      capacity: { total: 10, occupied: 2, held: 0, outOfService: 0 },
    },
  ];
}

/** The Humanitas pilot noodbedden serve victims found in the municipalities of these regions (002:749-753). */
const PILOT_FOUND_IN = ['RR', 'ZHZ'];

/**
 * Noodbedden for AVIM and KMar: "een noodbed" at Humanitas Rotterdam (002:761-767) and the Humanitas
 * pilot for "nationale" victims found in Zuid-Holland Zuid and Rotterdam Rijnmond (002:749-753). The
 * Amsterdam and Twente beds stand for further pilots (not in the documents).
 */
function noodbedden(): FacilitySpec[] {
  const eligibility = (residenceStatuses: readonly ResidenceStatus[], foundInRegionCodes: readonly string[]) =>
    adultEligibility({
      residenceStatuses: [...residenceStatuses],
      foundInRegionCodes: [...foundInRegionCodes],
      b8Statuses: [],
      // Built for complex cases that regular shelter refuses (002:741-745).
      acceptsCareNeeds: [...ALL_CARE_NEEDS],
    });
  const bed = (
    key: string,
    name: string,
    operator: string,
    regionCode: string,
    municipality: string,
    residence: readonly ResidenceStatus[],
    total: number,
    occupied: number,
    /** Only for victims found in these regions (the pilot, 002:749-753); empty = anywhere. */
    foundInRegionCodes: readonly string[] = [],
  ): FacilitySpec => ({
    key,
    name,
    type: ShelterType.NOODBED,
    operator,
    regionCode,
    municipality,
    secretAddress: true,
    eligibility: eligibility(residence, foundInRegionCodes),
    capacity: { total, occupied, held: 0, outOfService: 0 },
  });
  return [
    bed(
      'noodbed-rr-1',
      secretLocationName('Humanitas – Noodbed Mensenhandel', 'RR'),
      'Humanitas',
      'RR',
      'Rotterdam',
      ANY_BUT_ASYLUM_RESIDENCE,
      1,
      0,
    ),
    bed(
      'noodbed-rr-2',
      secretLocationName('Humanitas – Noodbedden pilot', 'RR'),
      'Humanitas',
      'RR',
      'Rotterdam',
      NATIONAL_RESIDENCE,
      2,
      1,
      PILOT_FOUND_IN,
    ),
    bed(
      'noodbed-zhz-1',
      secretLocationName('Humanitas – Noodbedden pilot', 'ZHZ'),
      'Humanitas',
      'ZHZ',
      'Dordrecht',
      NATIONAL_RESIDENCE,
      2,
      0,
      PILOT_FOUND_IN,
    ),
    bed(
      'noodbed-ams-1',
      secretLocationName('HVO-Querido – Noodbed Mensenhandel', 'AMS'),
      'HVO-Querido',
      'AMS',
      'Amsterdam',
      ANY_BUT_ASYLUM_RESIDENCE,
      2,
      1,
    ),
    bed(
      'noodbed-tw-1',
      secretLocationName('Humanitas onder Dak – Noodbed', 'TW'),
      'Humanitas onder Dak',
      'TW',
      'Enschede',
      ANY_BUT_ASYLUM_RESIDENCE,
      1,
      0,
    ),
  ];
}

/**
 * Minors never go to the adult kinds (002:771-775): jeugdhulp, including specialised places for
 * minor victims of sexual exploitation, and the Beschermde Opvang for unaccompanied foreign minors,
 * where Nidos places "bij de geringste indicatie" (003:683-695).
 */
function jeugdzorg(): FacilitySpec[] {
  const minor = (overrides: {
    genders?: Gender[];
    exploitationTypes?: ExploitationType[];
    residenceStatuses?: ResidenceStatus[];
  }) =>
    adultEligibility({
      minAge: 12,
      maxAge: 17,
      exploitationTypes: overrides.exploitationTypes ?? [...TRAFFICKING_TYPES],
      genders: [...(overrides.genders ?? [Gender.FEMALE, Gender.MALE, Gender.X])],
      // Dutch and EU minors: the regular youth-care measures apply (003:680-690).
      residenceStatuses: overrides.residenceStatuses ?? [...NATIONAL_RESIDENCE],
      b8Statuses: [],
      acceptsCareNeeds: [CareNeed.LVB, CareNeed.GGZ],
    });
  const place = (
    key: string,
    name: string,
    operator: string,
    regionCode: string,
    municipality: string,
    total: number,
    secretAddress: boolean,
    eligibility: ReturnType<typeof minor>,
    coordinates?: { latitude: number; longitude: number },
    postcodePrefix?: string,
  ): FacilitySpec => ({
    key,
    name,
    type: ShelterType.JEUGDZORG,
    operator,
    regionCode,
    municipality,
    secretAddress,
    eligibility,
    capacity: { total, profile: 'SCARCE' },
    ...(coordinates ? { coordinates } : {}),
    ...(postcodePrefix ? { postcodePrefix } : {}),
  });
  const girls = [Gender.FEMALE, Gender.X];
  return [
    place(
      'jeugd-fr-1',
      secretLocationName('Fier – Jeugdopvang Mensenhandel', 'FR'),
      'Fier',
      'FR',
      'Leeuwarden',
      8,
      true,
      minor({ genders: girls }),
    ),
    place(
      'jeugd-hvb-1',
      secretLocationName('Kompaan en De Bocht – Meidenhuis', 'HVB'),
      'Kompaan en De Bocht',
      'HVB',
      'Goirle',
      6,
      true,
      minor({ genders: girls, exploitationTypes: [ExploitationType.SEXUAL] }),
      { latitude: 51.521, longitude: 5.067 },
    ),
    place('jeugd-ams-1', 'Spirit – Crisisopvang Jeugd (Amsterdam)', 'Spirit', 'AMS', 'Amsterdam', 6, false, minor({})),
    place('jeugd-rr-1', 'Enver – Crisisopvang Jeugd (Rotterdam)', 'Enver', 'RR', 'Rotterdam', 6, false, minor({})),
    place(
      'jeugd-utr-1',
      secretLocationName('Timon – Beschermd Wonen Meiden', 'UTR'),
      'Timon',
      'UTR',
      'Zeist',
      5,
      true,
      minor({ genders: girls }),
      { latitude: 52.0894, longitude: 5.2336 },
      '37',
    ),
    place('jeugd-gz-1', 'Pluryn – Crisisopvang Jeugd (Nijmegen)', 'Pluryn', 'GZ', 'Nijmegen', 5, false, minor({})),
    place(
      'jeugd-zob-1',
      'Combinatie Jeugdzorg – Crisisopvang (Eindhoven)',
      'Combinatie Jeugdzorg',
      'ZOB',
      'Eindhoven',
      5,
      false,
      minor({}),
    ),
    place(
      'jeugd-tw-1',
      'Jarabee – Jongensgroep (Hengelo)',
      'Jarabee',
      'TW',
      'Hengelo',
      4,
      false,
      minor({ genders: [Gender.MALE, Gender.X] }),
      { latitude: 52.2658, longitude: 6.7931 },
    ),
    // Beschermde Opvang: unaccompanied foreign minors, Nidos guardianship (003:683-695).
    place(
      'jeugd-nidos-1',
      secretLocationName('Nidos – Beschermde Opvang AMV', 'FV'),
      'Nidos i.s.m. COA',
      'FV',
      'Ede',
      8,
      true,
      minor({
        residenceStatuses: [ResidenceStatus.NO_LAWFUL_RESIDENCE, ResidenceStatus.ASYLUM_PROCEDURE, ResidenceStatus.UNKNOWN],
      }),
    ),
  ];
}

/** All national and specialist facility specs. */
export function nationalFacilitySpecs(): FacilitySpec[] {
  return [...cosm(), ...omm(), ...nlaCrisis(), ...noodbedden(), ...jeugdzorg()];
}
