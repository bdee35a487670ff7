import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import type { DataSource } from 'typeorm';
import { auditChainOptions, type AuditChainOptions } from './audit-key';
import { sealAuditLog } from './audit-sealer';

/** Chains new audit rows every few seconds, in the worker processes (one at a time, by advisory lock). */
@Injectable()
export class AuditSealerJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealerJob.name);
  private timer: NodeJS.Timeout | undefined;
  private readonly chain: AuditChainOptions;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.chain = auditChainOptions(config);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      sealAuditLog(this.dataSource, this.chain).catch((error: Error) =>
        this.logger.warn(`sealing the audit log failed: ${error.message}`),
      );
    }, this.config.auditSealSeconds * 1000);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
