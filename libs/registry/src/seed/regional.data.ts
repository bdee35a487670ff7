/**
 * Regional shelter: vrouwenopvang (VO) and maatschappelijke opvang (MO) in every one of the 35
 * centrumgemeente regions (000:2102-2123, domain.md §7). Operators are organisations that run such
 * shelter in the region (or plausible ones); location names are fictional.
 *
 * - VO: 2–4 locations per region, about a third at a secret address ("een onbekende locatie elders in
 *   het land", 000:2108-2110); six regions have a men's location (000:2106-2108, 003:466).
 * - MO: 2–4 locations per region, counting only the places usable for this target group ("soms",
 *   000:2117-2121).
 * - Both "regelmatig vol" (000:2177-2186): occupancy profile SCARCE.
 */
import { CareNeed, ExploitationType, Gender, ShelterType } from '@opvangplek/domain';
import { intFor, pickFor, unitFor } from './deterministic';
import { ALL_GENDERS, FacilitySpec, adultEligibility, secretLocationName } from './facility-builder';
import { REGION_SEEDS, RegionSeed } from './regions.data';

/** Size of the region's shelter offer: L = the four big cities, M = regional cities, S = small regions. */
type Tier = 'L' | 'M' | 'S';

interface RegionalOffer {
  tier: Tier;
  /** Operator of the VO locations. */
  vo: string;
  /** Operators of the MO locations, used in turn. */
  mo: readonly string[];
  /** The last VO location is a men's location (six nationally; 000:2106-2108). */
  menVo?: true;
}

const REGIONAL_OFFER: Readonly<Record<string, RegionalOffer>> = {
  GRO: { tier: 'M', vo: 'Het Kopland', mo: ['Limor', 'Leger des Heils', 'Lentis'], menVo: true },
  FR: { tier: 'M', vo: 'Fier', mo: ['Zienn', 'Leger des Heils', 'Limor'] },
  DR: { tier: 'M', vo: 'Fier', mo: ['Leger des Heils', 'Zienn'] },
  IJS: { tier: 'M', vo: 'Kadera', mo: ['Leger des Heils', 'RIBW Groep Overijssel'] },
  DEV: { tier: 'S', vo: 'Kadera', mo: ['Leger des Heils', 'RIBW Groep Overijssel'] },
  // Twente: VO by Kadera, MO by Humanitas onder Dak and Leger des Heils (000:2110-2121).
  TW: { tier: 'M', vo: 'Kadera', mo: ['Humanitas onder Dak', 'Leger des Heils'], menVo: true },
  APD: { tier: 'S', vo: 'Moviera', mo: ['IrisZorg', 'Leger des Heils'] },
  ACH: { tier: 'S', vo: 'Moviera', mo: ['IrisZorg', 'Leger des Heils'] },
  CG: { tier: 'M', vo: 'Moviera', mo: ['IrisZorg', 'Leger des Heils'] },
  GZ: { tier: 'M', vo: 'Moviera', mo: ['IrisZorg', 'Leger des Heils'] },
  FV: { tier: 'S', vo: 'Moviera', mo: ['IrisZorg', 'Leger des Heils'] },
  FL: { tier: 'M', vo: 'Blijf Groep', mo: ['Kwintes', 'Leger des Heils'] },
  UTR: { tier: 'L', vo: 'Moviera', mo: ['Tussenvoorziening', 'Leger des Heils', 'Lister'], menVo: true },
  AMF: { tier: 'S', vo: 'Moviera', mo: ['Kwintes', 'Leger des Heils'] },
  GV: { tier: 'S', vo: 'Blijf Groep', mo: ['Kwintes', 'Leger des Heils'] },
  AMS: {
    tier: 'L',
    vo: 'Blijf Groep',
    mo: ['HVO-Querido', 'Leger des Heils', 'Regenboog Groep'],
    menVo: true,
  },
  ZW: { tier: 'S', vo: 'Blijf Groep', mo: ['Leger des Heils', 'Regenboog Groep'] },
  ZK: { tier: 'M', vo: 'Blijf Groep', mo: ['Leger des Heils', 'RIBW K/AM'] },
  NHN: { tier: 'M', vo: 'Blijf Groep', mo: ['Leger des Heils', 'GGZ Noord-Holland-Noord'] },
  // No operator names a town: the region's secret VO location would give its town away.
  KNH: { tier: 'S', vo: 'Blijf Groep', mo: ['Leger des Heils', 'Parlan'] },
  HR: { tier: 'M', vo: 'Stichting Vrouwenopvang Hollands Midden', mo: ['Leger des Heils', 'Kwintes'] },
  HGL: {
    tier: 'L',
    vo: 'Stichting Vrouwenopvang Haaglanden',
    mo: ['Kessler Stichting', 'Leger des Heils', 'Parnassia'],
  },
  MH: { tier: 'S', vo: 'Stichting Vrouwenopvang Hollands Midden', mo: ['Kwintes', 'Leger des Heils'] },
  NWN: { tier: 'S', vo: 'Arosa', mo: ['Leger des Heils', 'Pameijer'] },
  RR: { tier: 'L', vo: 'Arosa', mo: ['Leger des Heils', 'Pameijer', 'Humanitas'], menVo: true },
  ZHZ: { tier: 'M', vo: 'Arosa', mo: ['Leger des Heils', 'De Hoop ggz'] },
  ZLD: { tier: 'S', vo: 'Intervence', mo: ['Intervence', 'Leger des Heils'] },
  WB: { tier: 'M', vo: 'Sterk Huis', mo: ['SMO Breda', 'Leger des Heils'] },
  HVB: { tier: 'M', vo: 'Sterk Huis', mo: ['Traverse', 'Leger des Heils'] },
  NOB: { tier: 'M', vo: 'Perspektief', mo: ['Leger des Heils', 'Novadic-Kentron'], menVo: true },
  ZOB: { tier: 'M', vo: 'Neos', mo: ['Neos', 'Leger des Heils'] },
  HDP: { tier: 'S', vo: 'Neos', mo: ['Neos', 'Leger des Heils'] },
  NML: { tier: 'M', vo: 'Synthese', mo: ['SMO Noord- en Midden-Limburg', 'Leger des Heils'] },
  MHL: { tier: 'S', vo: 'Xonar', mo: ['Leger des Heils', 'Mondriaan'] },
  PSL: { tier: 'S', vo: 'Xonar', mo: ['Leger des Heils', 'Mondriaan'] },
};

/** Locations per kind and the range of places per location, by tier. */
const TIER_SIZE: Readonly<Record<Tier, { locations: number; voPlaces: [number, number]; moPlaces: [number, number] }>> = {
  L: { locations: 4, voPlaces: [6, 10], moPlaces: [3, 6] },
  M: { locations: 3, voPlaces: [4, 8], moPlaces: [2, 4] },
  S: { locations: 2, voPlaces: [4, 6], moPlaces: [2, 3] },
};

const LOCATION_NAMES: readonly string[] = [
  'De Linde',
  'Het Anker',
  'De Eik',
  'Het Baken',
  'De Bron',
  'De Haven',
  'Het Kompas',
  'De Vuurtoren',
  'De Meander',
  'Zonnehof',
  'De Wilg',
  'Het Veer',
  'De Steiger',
  'De Boog',
  'Het Lichtpunt',
  'De Toevlucht',
  'Het Rustpunt',
  'De Schakel',
  'De Regenboog',
  'Het Nest',
  'De Brug',
  'De Horizon',
  'Het Kastanjehuis',
  'De Esdoorn',
];

const MO_KINDS: readonly string[] = ['Crisisopvang', '24-uursopvang', 'Nachtopvang', 'Sociaal Pension'];

function offerFor(region: RegionSeed): RegionalOffer {
  const offer = REGIONAL_OFFER[region.code];
  if (!offer) throw new Error(`No regional offer in the seed for region ${region.code}`);
  return offer;
}

/** The municipality of the n-th location (1-based): the centrumgemeente first, then its neighbours. */
function municipalityOf(region: RegionSeed, n: number): string {
  const nearby = region.municipalities.slice(0, Math.min(3, region.municipalities.length));
  return nearby[(n - 1) % nearby.length];
}

function locationName(regionIndex: number, n: number, kindOffset: number): string {
  return LOCATION_NAMES[(regionIndex * 7 + n * 3 + kindOffset) % LOCATION_NAMES.length];
}

function vrouwenopvang(region: RegionSeed, regionIndex: number): FacilitySpec[] {
  const offer = offerFor(region);
  const size = TIER_SIZE[offer.tier];
  const specs: FacilitySpec[] = [];
  for (let n = 1; n <= size.locations; n++) {
    const key = `vo-${region.code.toLowerCase()}-${n}`;
    const forMen = offer.menVo === true && n === size.locations;
    const municipality = municipalityOf(region, n);
    const label = forMen ? `Mannenopvang ${locationName(regionIndex, n, 0)}` : locationName(regionIndex, n, 0);
    // The first location of every region is the secret-address one: 35 of ~100, about a third. Its
    // name names the region's code only, never the town (domain.md §6).
    const secretAddress = n === 1;
    // Some locations specialise in sexual exploitation; some can also handle LVB.
    const sexualOnly = offer.tier === 'L' && n === 2;
    const acceptsCareNeeds = unitFor(key, 'lvb') < 0.3 ? [CareNeed.GGZ, CareNeed.LVB] : [CareNeed.GGZ];
    specs.push({
      key,
      name: secretAddress
        ? secretLocationName(`${offer.vo} – ${label}`, region.code)
        : `${offer.vo} – ${label} (${municipality})`,
      type: ShelterType.VROUWENOPVANG,
      operator: offer.vo,
      regionCode: region.code,
      municipality,
      secretAddress,
      eligibility: adultEligibility({
        genders: forMen ? [Gender.MALE, Gender.X] : [Gender.FEMALE, Gender.X],
        ...(sexualOnly ? { exploitationTypes: [ExploitationType.SEXUAL] } : {}),
        acceptsCareNeeds,
        acceptsChildren: !forMen,
      }),
      capacity: {
        total: forMen ? intFor(3, 6, key, 'total') : intFor(size.voPlaces[0], size.voPlaces[1], key, 'total'),
        profile: 'SCARCE',
      },
    });
  }
  return specs;
}

function maatschappelijkeOpvang(region: RegionSeed, regionIndex: number): FacilitySpec[] {
  const offer = offerFor(region);
  const size = TIER_SIZE[offer.tier];
  const specs: FacilitySpec[] = [];
  for (let n = 1; n <= size.locations; n++) {
    const key = `mo-${region.code.toLowerCase()}-${n}`;
    const operator = offer.mo[(n - 1) % offer.mo.length];
    const municipality = municipalityOf(region, n);
    const kind = pickFor(MO_KINDS, key, 'kind');
    // Mixed locations, a men's night shelter and a women's location in the larger regions.
    const genders = n === 2 ? [Gender.MALE, Gender.X] : n === 4 ? [Gender.FEMALE, Gender.X] : [...ALL_GENDERS];
    specs.push({
      key,
      name: `${operator} – ${kind} ${locationName(regionIndex, n, 11)} (${municipality})`,
      type: ShelterType.MAATSCHAPPELIJKE_OPVANG,
      operator,
      regionCode: region.code,
      municipality,
      secretAddress: false,
      eligibility: adultEligibility({
        genders,
        acceptsCareNeeds: [CareNeed.GGZ, CareNeed.ADDICTION],
      }),
      capacity: { total: intFor(size.moPlaces[0], size.moPlaces[1], key, 'total'), profile: 'SCARCE' },
    });
  }
  return specs;
}

/** VO and MO specs for all 35 regions, region by region. */
export function regionalFacilitySpecs(): FacilitySpec[] {
  return REGION_SEEDS.flatMap((region, index) => [...vrouwenopvang(region, index), ...maatschappelijkeOpvang(region, index)]);
}
