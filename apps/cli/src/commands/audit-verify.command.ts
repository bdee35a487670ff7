import { verifyAuditLog } from '@opvangplek/access/audit/audit-sealer';
import type { AppConfig } from '@opvangplek/platform/config';
import { withMigratedDatabase } from '../database-session';

/** `npm run audit:verify`: seals pending rows, then checks the whole hash chain. Exit 1 when broken. */
export async function auditVerifyCommand(config: AppConfig): Promise<void> {
  await withMigratedDatabase(config, async (dataSource) => {
    const { rows, broken } = await verifyAuditLog(dataSource);
    if (broken) {
      console.error(`Audit log BROKEN after ${rows} intact rows: row ${broken.id} ${broken.problem}.`);
      process.exitCode = 1;
    } else {
      console.log(`Audit log intact: ${rows} rows chained.`);
    }
  });
}
