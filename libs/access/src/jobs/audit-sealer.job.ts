import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { auditChainOptions, type AuditChainOptions } from '../audit/audit-chain-options';
import { sealAuditLog, type SealReport } from '../audit/audit-sealer';

/** Chains new audit rows every few seconds, in the worker processes (one at a time, by advisory lock). */
@Injectable()
export class AuditSealerJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealerJob.name);
  private timer: NodeJS.Timeout | undefined;
  private readonly chain: AuditChainOptions;
  private readonly report: SealReport = {
    foreign: (rows) =>
      this.logger.warn(
        `audit rows ${rows.map((row) => `${row.id} (position ${row.seq})`).join(', ')} were not written by the application (no valid row MAC): chained and marked hmac-sha256-foreign`,
      ),
    foreignHead: (row) =>
      this.logger.error(
        `audit row ${row.id} at chain position ${row.seq} was sealed without the audit key (with the database login): the chain is broken there; run audit:verify`,
      ),
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.chain = auditChainOptions(config);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      sealAuditLog(this.dataSource, this.chain, this.report).catch((error: Error) =>
        this.logger.warn(`sealing the audit log failed: ${error.message}`),
      );
    }, this.config.auditSealSeconds * 1000);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
