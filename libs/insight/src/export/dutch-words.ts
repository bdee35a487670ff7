/**
 * Words beside the codes in the Dutch spreadsheet export (`?format=excel-nl`), as the console says
 * them. An unknown code is written as itself.
 */
const KINDS: Record<string, string> = {
  VROUWENOPVANG: 'Vrouwenopvang',
  MAATSCHAPPELIJKE_OPVANG: 'Maatschappelijke opvang',
  COSM: 'COSM',
  OMM: 'OMM',
  NLA_CRISIS: 'NLA-crisisopvang',
  NOODBED: 'Noodbed',
  JEUGDZORG: 'Jeugdzorg',
};
/** A secret-address facility's band, as the console says it beside the withheld counts. */
const AVAILABILITY: Record<string, string> = { AVAILABLE: '≥ 1 vrij', NONE: 'vol' };
const GENDERS: Record<string, string> = { FEMALE: 'Vrouw', MALE: 'Man', X: 'X' };
const EXPLOITATION: Record<string, string> = {
  SEXUAL: 'Seksueel',
  LABOUR: 'Arbeid',
  CRIMINAL: 'Criminaliteit',
  ORGAN_REMOVAL: 'Orgaanverwijdering',
  OTHER: 'Overig',
  SERIOUS_DISADVANTAGE: 'Ernstige benadeling',
};
const AGE_BANDS: Record<string, string> = { MINOR: 'minderjarig', UNKNOWN: 'leeftijd onbekend' };
const REASONS: Record<string, string> = {
  AUTHORITY_CLOSED: 'plaatser gesloten',
  GROUP_TOO_LARGE: 'groep te groot',
  INTAKE_CLOSED: 'intake gesloten',
  NO_CAPACITY: 'geen vrije plek',
  NO_SUITABLE_PLACE: 'geen passende plek',
  AWAITING_AUTHORITY: 'wacht op besluit plaatser',
  INTERIM_NOT_ARRIVED: 'nog niet in de tussenplek',
  AWAITING_ROUTE_DECISION: 'wacht op routebesluit OM',
};
const NEEDS: Record<string, string> = {
  ACCOMPANYING_CHILDREN: 'met kinderen',
  CARE_NEEDS: 'zorgbehoefte',
  GROUP: 'groep',
  MALE_VICTIM: 'man',
  MINOR: 'minderjarig',
};
const DIMENSIONS: Record<string, string> = {
  total: 'totaal',
  exploitationType: 'soort uitbuiting',
  gender: 'gender',
  ageBand: 'leeftijd',
  shelterType: 'soort opvang',
  region: 'regio',
  outcome: 'afloop',
  transferReason: 'reden overplaatsing',
  nationalityGroup: 'nationaliteit',
  signaller: 'melder',
  placement: 'opvang',
};
const TRANSFER_REASONS: Record<string, string> = {
  SAFETY: 'veiligheid (andere regio)',
  MOVE_ON: 'doorstroom naar volgende opvangvorm',
  PROFILE_CHANGED: 'gewijzigd profiel',
  CARE_NEEDS: 'zorgbehoefte',
  OTHER: 'anders',
};
const NATIONALITIES: Record<string, string> = { DUTCH: 'Nederlands', EU: 'EU', NON_EU: 'buiten de EU', UNKNOWN: 'onbekend' };
const SIGNALLERS: Record<string, string> = {
  POLICE: 'politie',
  KMAR: 'Koninklijke Marechaussee',
  NLA: 'Nederlandse Arbeidsinspectie',
  CARE_PROVIDER: 'zorg en hulpverlening',
  MUNICIPALITY: 'gemeente',
  VICTIM_SELF: 'slachtoffer zelf',
  OTHER: 'overig',
};
const PLACEMENTS: Record<string, string> = { PLACED: 'geplaatst', NOT_PLACED: 'niet geplaatst' };
const OUTCOMES: Record<string, string> = {
  RETURNED_HOME: 'terug naar land of plaats van herkomst',
  OWN_HOUSING: 'eigen woonruimte',
  HOUSING_WITH_PERMIT: 'woonruimte met verblijfsvergunning (B8/3)',
  ONWARD_SHELTER: 'opvang buiten de keten',
  OTHER_SHELTER_KIND: 'andere opvangvorm',
  LEFT_WITHOUT_NOTICE: 'vertrokken zonder bericht',
  DECEASED: 'overleden',
  OTHER: 'anders',
  NOT_RECORDED: 'niet vastgelegd',
};
const MEASURES: Record<string, string> = {
  from: 'van',
  to: 'tot',
  suppressionThreshold: 'drempel voor kleine aantallen',
  requests: 'aanvragen',
  waited: 'moesten wachten',
  escalated: 'geëscaleerd',
  noodbedOverstays: 'noodbed te lang',
  placedOutsideRegion: 'buiten de regio geplaatst',
  timeToOfferCount: 'aantal met aanbod',
  timeToOfferMedianMinutes: 'tijd tot aanbod, mediaan (minuten)',
  timeToOfferP90Minutes: 'tijd tot aanbod, 90e percentiel (minuten)',
  timeToPlacementCount: 'aantal geplaatst',
  timeToPlacementMedianMinutes: 'tijd tot plaatsing, mediaan (minuten)',
  timeToPlacementP90Minutes: 'tijd tot plaatsing, 90e percentiel (minuten)',
  waitedByReason: 'moesten wachten, naar reden',
  waitedByNeed: 'moesten wachten, naar behoefte',
  waitedByRegionTypeReason: 'moesten wachten, naar regio, soort en reden',
};

const lookup = (table: Record<string, string>) => (code: string | null | undefined) =>
  code === null || code === undefined ? null : (table[code] ?? code);

export const kindWords = lookup(KINDS);
export const availabilityWords = lookup(AVAILABILITY);
export const reasonWords = lookup(REASONS);
export const needWords = lookup(NEEDS);
export const dimensionWords = lookup(DIMENSIONS);
export const measureWords = lookup(MEASURES);

/** A statistics key in words, by its dimension: "Vrouw", "minderjarig", "30-39 jaar". */
export function statisticKeyWords(dimension: string, key: string, regionName: (code: string) => string | null): string {
  switch (dimension) {
    case 'total':
      if (key === 'left') return 'vertrokken';
      if (key === 'transfers') return 'overplaatsingen';
      return key === 'registered' ? 'aangemeld' : 'plaatsingen';
    case 'transferReason':
      return TRANSFER_REASONS[key] ?? key;
    case 'outcome':
      return OUTCOMES[key] ?? key;
    case 'exploitationType':
      return EXPLOITATION[key] ?? key;
    case 'gender':
      return GENDERS[key] ?? key;
    case 'ageBand':
      return AGE_BANDS[key] ?? `${key} jaar`;
    case 'shelterType':
      return KINDS[key] ?? key;
    case 'region':
      return regionName(key) ?? key;
    case 'nationalityGroup':
      return NATIONALITIES[key] ?? key;
    case 'signaller':
      return SIGNALLERS[key] ?? key;
    case 'placement':
      return PLACEMENTS[key] ?? key;
    default:
      return key;
  }
}
