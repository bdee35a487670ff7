import { Logger } from '@nestjs/common';
import { type AppConfig, dataSourceOptions } from '@opvangplek/platform';
import {
  hash32,
  RegionEntity,
  MunicipalityEntity,
  bundledMunicipalities,
  nationalRegister,
  regionSeed,
  scaleRegister,
  type NationalRegister,
  type SeedFacility,
} from '@opvangplek/registry';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { type LoadReport, loadRegister } from './register-loader';

/**
 * Simulated age of each seeded facility's last confirmation, so a demo register shows the spread a
 * real one has: most confirmed within the last hours, some a day or more ago (→ STALE, "call to verify").
 */
function simulatedConfirmationAge(facility: SeedFacility): number {
  const spread = hash32(`confirmed:${facility.key}`) % 100;
  return spread < 70 ? spread % 5 : spread < 90 ? 5 + (spread % 7) : 24 + (spread % 48);
}

export function registerAtScale(scale: number): NationalRegister {
  return scale === 1 ? nationalRegister() : scaleRegister(nationalRegister(), scale);
}

export function loadNationalRegister(dataSource: DataSource, scale: number, now = new Date()): Promise<LoadReport> {
  const register = registerAtScale(scale);
  const regions = register.regions.map((region) => {
    const { latitude, longitude } = regionSeed(region.code);
    return { ...region, latitude, longitude };
  });
  return loadRegister(
    dataSource,
    { regions, facilities: register.facilities, municipalities: bundledMunicipalities() },
    {
      now,
      confirmedHoursAgo: simulatedConfirmationAge,
      onProgress: (done, total) => {
        if (total >= 2_000 && (done % 5_000 < 500 || done === total)) Logger.log(`loaded ${done} of ${total} facilities`, 'Seed');
      },
    },
  );
}

export function describeLoadReport(report: LoadReport): string {
  return (
    `regions: ${report.regionsInserted} new, ${report.regionsUpdated} updated; ` +
    `facilities: ${report.facilitiesInserted} new, ${report.facilitiesUpdated} updated; capacity records: ${report.capacitiesInserted} new; ` +
    `municipalities: ${report.municipalitiesInserted} new, ${report.municipalitiesUpdated} updated, ${report.municipalitiesRemoved} removed`
  );
}

/** First start of `npm start`: load the national register when the database has none. */
export async function seedNationalRegisterIfEmpty(config: AppConfig): Promise<void> {
  const dataSource = new DataSource(
    dataSourceOptions(config.databaseUrl!, { poolSize: 2, applicationName: 'opvangplek-seed', entities: ENTITIES }),
  );
  await dataSource.initialize();
  try {
    if ((await dataSource.getRepository(RegionEntity).count()) > 0) {
      // A database from before the municipality list: give it the bundled one (its regions are the seed's).
      if ((await dataSource.getRepository(MunicipalityEntity).count()) > 0) return;
      const report = await loadRegister(
        dataSource,
        { regions: [], facilities: [], municipalities: bundledMunicipalities() },
        { now: new Date() },
      );
      Logger.log(`municipality list loaded (${describeLoadReport(report)})`, 'Seed');
      return;
    }
    const report = await loadNationalRegister(dataSource, 1);
    Logger.log(`first start: national register loaded (${describeLoadReport(report)})`, 'Seed');
  } finally {
    await dataSource.destroy();
  }
}
