import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MunicipalityDirectory } from '@opvangplek/domain';
import type { DataSource } from 'typeorm';
import { MunicipalityEntity } from './municipality.entity';
import { bundledMunicipalities } from './seed/municipalities.data';

/** How long this process trusts its copy (wall time: the list changes only by loading a new one). */
const MUNICIPALITIES_TTL_MS = 5 * 60_000;

/**
 * The municipality list with its regions (the `municipalities` table), read once per process and
 * again every few minutes, never per request: every profile with a municipality is checked against
 * it. While a database has no list loaded yet, the list bundled with the code
 * (seed/data/municipalities-2026.csv) stands in, so a name is never refused for want of a seed.
 *
 * `current()` is synchronous for validation (MatchingService.assertValidProfile): it gives the
 * copy read last (read at start-up by onModuleInit) and refreshes it in the background when old.
 */
@Injectable()
export class MunicipalityDirectoryService implements OnModuleInit {
  private readonly logger = new Logger(MunicipalityDirectoryService.name);
  private latest: { readAt: number; directory: MunicipalityDirectory } | undefined;
  private reading: Promise<MunicipalityDirectory> | undefined;
  private bundled: MunicipalityDirectory | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.directory();
  }

  /** The list, read again when the copy is older than a few minutes. */
  directory(): Promise<MunicipalityDirectory> {
    if (this.latest && Date.now() - this.latest.readAt <= MUNICIPALITIES_TTL_MS) return Promise.resolve(this.latest.directory);
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** The copy read last (the bundled list before the first read); starts a refresh when it is old. */
  current(): MunicipalityDirectory {
    if (!this.latest || Date.now() - this.latest.readAt > MUNICIPALITIES_TTL_MS) {
      this.directory().catch((error: unknown) => this.logger.warn(`reading the municipality list failed: ${String(error)}`));
    }
    return this.latest?.directory ?? this.bundledDirectory();
  }

  private async read(): Promise<MunicipalityDirectory> {
    const rows = await this.dataSource
      .getRepository(MunicipalityEntity)
      .find({ select: { code: true, name: true, regionCode: true, aliases: true }, order: { code: 'ASC' } });
    const directory = rows.length > 0 ? new MunicipalityDirectory(rows) : this.bundledDirectory();
    this.latest = { readAt: Date.now(), directory };
    return directory;
  }

  private bundledDirectory(): MunicipalityDirectory {
    this.bundled ??= new MunicipalityDirectory(bundledMunicipalities());
    return this.bundled;
  }
}
