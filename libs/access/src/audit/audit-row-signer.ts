import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, auditKey } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { installAuditRowKey } from './audit-row-keys';

/**
 * Installs the row-MAC key for the application's DataSource when the module is built, before any
 * request or job can write an audit row (see installAuditRowKey for why not a parameter).
 * Provided by every module whose process writes audit rows; installing twice is harmless.
 */
@Injectable()
export class AuditRowSigner {
  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    installAuditRowKey(dataSource, auditKey(config));
  }
}
