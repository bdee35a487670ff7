/**
 * The 35 centrumgemeente regions for vrouwenopvang / geweld in afhankelijkheid (domain.md §7): the
 * regions that fund VO and MO and that zorgcoördinatoren work for. The list of central municipalities
 * follows the Rijk/VNG division behind the decentralisatie-uitkering vrouwenopvang; the municipality
 * lists are a few real member municipalities per region, not the complete division. Centroids are the
 * approximate centre of the central municipality (WGS84).
 *
 * Pure data: no I/O.
 */
import { Region } from '@opvangplek/domain';

export interface RegionSeed extends Region {
  /** Approximate centre of the centrumgemeente. */
  latitude: number;
  longitude: number;
  /** Real municipalities in the region, the centrumgemeente first (3–8 names). */
  municipalities: readonly string[];
  /** First two digits of the region's postcodes, for fictional "1234 AB" addresses. */
  postcodePrefix: string;
}

export const REGION_SEEDS: readonly RegionSeed[] = [
  // Noord-Nederland
  {
    code: 'GRO',
    name: 'Groningen',
    centralMunicipality: 'Groningen',
    latitude: 53.2194,
    longitude: 6.5665,
    municipalities: ['Groningen', 'Midden-Groningen', 'Westerkwartier', 'Het Hogeland', 'Eemsdelta', 'Oldambt'],
    postcodePrefix: '97',
  },
  {
    code: 'FR',
    name: 'Fryslân',
    centralMunicipality: 'Leeuwarden',
    latitude: 53.2012,
    longitude: 5.7999,
    municipalities: ['Leeuwarden', 'Tytsjerksteradiel', 'Smallingerland', 'Heerenveen', 'Súdwest-Fryslân', 'Harlingen'],
    postcodePrefix: '89',
  },
  {
    // Vries (gemeente Tynaarlo) hosts the men's COSM (002:759, 000:2128-2130).
    code: 'DR',
    name: 'Drenthe',
    centralMunicipality: 'Emmen',
    latitude: 52.7792,
    longitude: 6.9069,
    municipalities: ['Emmen', 'Borger-Odoorn', 'Coevorden', 'Assen', 'Tynaarlo', 'Hoogeveen', 'Meppel', 'Midden-Drenthe'],
    postcodePrefix: '78',
  },
  // Oost-Nederland
  {
    code: 'IJS',
    name: 'IJsselland',
    centralMunicipality: 'Zwolle',
    latitude: 52.5168,
    longitude: 6.083,
    municipalities: ['Zwolle', 'Dalfsen', 'Kampen', 'Zwartewaterland', 'Staphorst', 'Hardenberg', 'Ommen'],
    postcodePrefix: '80',
  },
  {
    code: 'DEV',
    name: 'Deventer en Salland',
    centralMunicipality: 'Deventer',
    latitude: 52.2661,
    longitude: 6.1552,
    municipalities: ['Deventer', 'Olst-Wijhe', 'Raalte'],
    postcodePrefix: '74',
  },
  {
    // Twente: 14 municipalities, centrumgemeente Enschede (000:2110-2123, domain.md §7).
    code: 'TW',
    name: 'Twente',
    centralMunicipality: 'Enschede',
    latitude: 52.2215,
    longitude: 6.8937,
    municipalities: ['Enschede', 'Hengelo', 'Borne', 'Haaksbergen', 'Losser', 'Oldenzaal', 'Almelo', 'Hof van Twente'],
    postcodePrefix: '75',
  },
  {
    code: 'APD',
    name: 'Midden-IJssel/Oost-Veluwe',
    centralMunicipality: 'Apeldoorn',
    latitude: 52.2112,
    longitude: 5.9699,
    municipalities: ['Apeldoorn', 'Voorst', 'Epe', 'Heerde', 'Brummen', 'Zutphen', 'Lochem'],
    postcodePrefix: '73',
  },
  {
    code: 'ACH',
    name: 'Achterhoek',
    centralMunicipality: 'Doetinchem',
    latitude: 51.9653,
    longitude: 6.2886,
    municipalities: ['Doetinchem', 'Montferland', 'Oude IJsselstreek', 'Bronckhorst', 'Berkelland', 'Winterswijk'],
    postcodePrefix: '70',
  },
  {
    code: 'CG',
    name: 'Centraal Gelderland',
    centralMunicipality: 'Arnhem',
    latitude: 51.9851,
    longitude: 5.8987,
    municipalities: ['Arnhem', 'Rheden', 'Renkum', 'Westervoort', 'Duiven', 'Zevenaar', 'Overbetuwe', 'Rozendaal'],
    postcodePrefix: '68',
  },
  {
    code: 'GZ',
    name: 'Gelderland-Zuid',
    centralMunicipality: 'Nijmegen',
    latitude: 51.8126,
    longitude: 5.8372,
    municipalities: ['Nijmegen', 'Berg en Dal', 'Heumen', 'Wijchen', 'Beuningen', 'Druten', 'Tiel', 'Culemborg'],
    postcodePrefix: '65',
  },
  {
    code: 'FV',
    name: 'Foodvalley',
    centralMunicipality: 'Ede',
    latitude: 52.0402,
    longitude: 5.6649,
    municipalities: ['Ede', 'Wageningen', 'Barneveld', 'Veenendaal', 'Rhenen', 'Renswoude', 'Scherpenzeel', 'Nijkerk'],
    postcodePrefix: '67',
  },
  {
    code: 'FL',
    name: 'Flevoland',
    centralMunicipality: 'Almere',
    latitude: 52.3508,
    longitude: 5.2647,
    municipalities: ['Almere', 'Zeewolde', 'Lelystad', 'Dronten', 'Noordoostpolder', 'Urk'],
    postcodePrefix: '13',
  },
  // Midden-Nederland
  {
    code: 'UTR',
    name: 'Utrecht',
    centralMunicipality: 'Utrecht',
    latitude: 52.0907,
    longitude: 5.1214,
    municipalities: ['Utrecht', 'Nieuwegein', 'Zeist', 'De Bilt', 'IJsselstein', 'Houten', 'Stichtse Vecht', 'Woerden'],
    postcodePrefix: '35',
  },
  {
    code: 'AMF',
    name: 'Regio Amersfoort',
    centralMunicipality: 'Amersfoort',
    latitude: 52.1561,
    longitude: 5.3878,
    municipalities: ['Amersfoort', 'Leusden', 'Soest', 'Baarn', 'Bunschoten', 'Woudenberg'],
    postcodePrefix: '38',
  },
  {
    code: 'GV',
    name: 'Gooi en Vechtstreek',
    centralMunicipality: 'Hilversum',
    latitude: 52.2292,
    longitude: 5.1669,
    municipalities: ['Hilversum', 'Wijdemeren', 'Laren', 'Huizen', 'Gooise Meren', 'Blaricum', 'Eemnes'],
    postcodePrefix: '12',
  },
  // Noord-Holland
  {
    code: 'AMS',
    name: 'Amsterdam-Amstelland',
    centralMunicipality: 'Amsterdam',
    latitude: 52.3676,
    longitude: 4.9041,
    municipalities: ['Amsterdam', 'Diemen', 'Amstelveen', 'Ouder-Amstel', 'Aalsmeer', 'Uithoorn'],
    postcodePrefix: '10',
  },
  {
    code: 'ZW',
    name: 'Zaanstreek-Waterland',
    centralMunicipality: 'Zaanstad',
    latitude: 52.442,
    longitude: 4.8292,
    municipalities: ['Zaanstad', 'Oostzaan', 'Wormerland', 'Landsmeer', 'Purmerend', 'Waterland', 'Edam-Volendam'],
    postcodePrefix: '15',
  },
  {
    code: 'ZK',
    name: 'Zuid-Kennemerland en IJmond',
    centralMunicipality: 'Haarlem',
    latitude: 52.3874,
    longitude: 4.6462,
    municipalities: ['Haarlem', 'Heemstede', 'Bloemendaal', 'Zandvoort', 'Velsen', 'Beverwijk', 'Heemskerk'],
    postcodePrefix: '20',
  },
  {
    code: 'NHN',
    name: 'Noord-Holland Noord',
    centralMunicipality: 'Alkmaar',
    latitude: 52.6324,
    longitude: 4.7534,
    municipalities: ['Alkmaar', 'Heiloo', 'Bergen', 'Castricum', 'Dijk en Waard', 'Hoorn', 'Enkhuizen', 'Medemblik'],
    postcodePrefix: '18',
  },
  {
    code: 'KNH',
    name: 'Kop van Noord-Holland',
    centralMunicipality: 'Den Helder',
    latitude: 52.9563,
    longitude: 4.7601,
    municipalities: ['Den Helder', 'Schagen', 'Hollands Kroon', 'Texel'],
    postcodePrefix: '17',
  },
  // Zuid-Holland
  {
    code: 'HR',
    name: 'Holland Rijnland',
    centralMunicipality: 'Leiden',
    latitude: 52.1601,
    longitude: 4.497,
    municipalities: ['Leiden', 'Leiderdorp', 'Oegstgeest', 'Katwijk', 'Alphen aan den Rijn', 'Noordwijk', 'Teylingen'],
    postcodePrefix: '23',
  },
  {
    code: 'HGL',
    name: 'Haaglanden',
    centralMunicipality: 'Den Haag',
    latitude: 52.0705,
    longitude: 4.3007,
    municipalities: [
      'Den Haag',
      'Rijswijk',
      'Leidschendam-Voorburg',
      'Delft',
      'Zoetermeer',
      'Westland',
      'Pijnacker-Nootdorp',
      'Wassenaar',
    ],
    postcodePrefix: '25',
  },
  {
    code: 'MH',
    name: 'Midden-Holland',
    centralMunicipality: 'Gouda',
    latitude: 52.0115,
    longitude: 4.7105,
    municipalities: ['Gouda', 'Waddinxveen', 'Bodegraven-Reeuwijk', 'Zuidplas', 'Krimpenerwaard'],
    postcodePrefix: '28',
  },
  {
    code: 'NWN',
    name: 'Nieuwe Waterweg Noord',
    centralMunicipality: 'Vlaardingen',
    latitude: 51.9125,
    longitude: 4.3419,
    municipalities: ['Vlaardingen', 'Schiedam', 'Maassluis'],
    postcodePrefix: '31',
  },
  {
    // Rotterdam region: 32 municipalities at the time of the documents (domain.md §7; 002:147-156).
    code: 'RR',
    name: 'Rotterdam Rijnmond',
    centralMunicipality: 'Rotterdam',
    latitude: 51.9244,
    longitude: 4.4777,
    municipalities: [
      'Rotterdam',
      'Capelle aan den IJssel',
      'Barendrecht',
      'Ridderkerk',
      'Krimpen aan den IJssel',
      'Lansingerland',
      'Nissewaard',
      'Voorne aan Zee',
    ],
    postcodePrefix: '30',
  },
  {
    code: 'ZHZ',
    name: 'Zuid-Holland Zuid',
    centralMunicipality: 'Dordrecht',
    latitude: 51.8133,
    longitude: 4.6901,
    municipalities: [
      'Dordrecht',
      'Zwijndrecht',
      'Papendrecht',
      'Hendrik-Ido-Ambacht',
      'Sliedrecht',
      'Alblasserdam',
      'Gorinchem',
      'Hoeksche Waard',
    ],
    postcodePrefix: '33',
  },
  // Zeeland, Brabant, Limburg
  {
    code: 'ZLD',
    name: 'Zeeland',
    centralMunicipality: 'Vlissingen',
    latitude: 51.4536,
    longitude: 3.5709,
    municipalities: ['Vlissingen', 'Middelburg', 'Veere', 'Goes', 'Borsele', 'Terneuzen', 'Schouwen-Duiveland', 'Hulst'],
    postcodePrefix: '43',
  },
  {
    code: 'WB',
    name: 'West-Brabant',
    centralMunicipality: 'Breda',
    latitude: 51.5719,
    longitude: 4.7683,
    municipalities: ['Breda', 'Etten-Leur', 'Oosterhout', 'Zundert', 'Roosendaal', 'Bergen op Zoom', 'Moerdijk'],
    postcodePrefix: '48',
  },
  {
    code: 'HVB',
    name: 'Hart van Brabant',
    centralMunicipality: 'Tilburg',
    latitude: 51.5555,
    longitude: 5.0913,
    municipalities: ['Tilburg', 'Goirle', 'Oisterwijk', 'Hilvarenbeek', 'Dongen', 'Gilze en Rijen', 'Waalwijk'],
    postcodePrefix: '50',
  },
  {
    // Den Bosch coordinator covers 16 municipalities (domain.md §7).
    code: 'NOB',
    name: 'Noordoost-Brabant',
    centralMunicipality: "'s-Hertogenbosch",
    latitude: 51.6978,
    longitude: 5.3037,
    municipalities: ["'s-Hertogenbosch", 'Vught', 'Heusden', 'Oss', 'Meierijstad', 'Bernheze', 'Boxtel', 'Maashorst'],
    postcodePrefix: '52',
  },
  {
    code: 'ZOB',
    name: 'Zuidoost-Brabant',
    centralMunicipality: 'Eindhoven',
    latitude: 51.4416,
    longitude: 5.4697,
    municipalities: ['Eindhoven', 'Veldhoven', 'Son en Breugel', 'Nuenen', 'Best', 'Geldrop-Mierlo', 'Waalre', 'Valkenswaard'],
    postcodePrefix: '56',
  },
  {
    code: 'HDP',
    name: 'Helmond-De Peel',
    centralMunicipality: 'Helmond',
    latitude: 51.4793,
    longitude: 5.657,
    municipalities: ['Helmond', 'Laarbeek', 'Gemert-Bakel', 'Deurne', 'Asten', 'Someren'],
    postcodePrefix: '57',
  },
  {
    // VO for Noord- en Midden-Limburg explicitly includes victims of sexual violence (003:466).
    code: 'NML',
    name: 'Noord- en Midden-Limburg',
    centralMunicipality: 'Venlo',
    latitude: 51.3704,
    longitude: 6.1724,
    municipalities: ['Venlo', 'Beesel', 'Peel en Maas', 'Horst aan de Maas', 'Venray', 'Roermond', 'Leudal', 'Weert'],
    postcodePrefix: '59',
  },
  {
    code: 'MHL',
    name: 'Maastricht-Heuvelland',
    centralMunicipality: 'Maastricht',
    latitude: 50.8514,
    longitude: 5.691,
    municipalities: ['Maastricht', 'Meerssen', 'Eijsden-Margraten', 'Valkenburg aan de Geul', 'Gulpen-Wittem', 'Vaals'],
    postcodePrefix: '62',
  },
  {
    code: 'PSL',
    name: 'Parkstad en Westelijke Mijnstreek',
    centralMunicipality: 'Heerlen',
    latitude: 50.8882,
    longitude: 5.9795,
    municipalities: ['Heerlen', 'Landgraaf', 'Kerkrade', 'Brunssum', 'Beekdaelen', 'Sittard-Geleen', 'Stein'],
    postcodePrefix: '64',
  },
];

/** The plain `Region` shapes (fresh objects on every call). */
export function seedRegions(): Region[] {
  return REGION_SEEDS.map(({ code, name, centralMunicipality }) => ({ code, name, centralMunicipality }));
}

/** The seed of one region; throws for an unknown code (a typo in the seed data, never user input). */
export function regionSeed(code: string): RegionSeed {
  const seed = REGION_SEEDS.find((r) => r.code === code);
  if (!seed) throw new Error(`Unknown region code '${code}' in the seed data`);
  return seed;
}
