export { nationalRegister } from './national-register.data';
export type { NationalRegister, SeedFacility } from './national-register.data';
export { scaleRegister } from './scale';
export { REGION_SEEDS, regionSeed, seedRegions } from './regions.data';
export type { RegionSeed } from './regions.data';
export { bundledMunicipalities, parseMunicipalities } from './municipalities.data';
export type { MunicipalitySeed } from './municipalities.data';
