import { auditChainOptions, verifyAuditLog } from '@opvangplek/access';
import type { AppConfig } from '@opvangplek/platform';
import { withMigratedDatabase } from '../database-session';

/**
 * `npm run audit:verify`: seals pending rows, then checks the whole chain with AUDIT_KEY and
 * against the anchor file (AUDIT_ANCHOR_FILE). Exit 1 when broken, or when a row was not written
 * by the application (inserted with the database login: no valid row MAC).
 */
export async function auditVerifyCommand(config: AppConfig): Promise<void> {
  await withMigratedDatabase(config, async (dataSource) => {
    const { rows, broken, anchors, backdated, foreign, legacy } = await verifyAuditLog(dataSource, auditChainOptions(config));
    for (const row of foreign.slice(0, 20)) console.warn(`Audit row ${row.id} ${row.problem}.`);
    if (foreign.length > 20) console.warn(`… and ${foreign.length - 20} more rows not written by the application.`);
    for (const row of backdated.slice(0, 20)) console.warn(`Audit row ${row.id} ${row.problem}.`);
    if (backdated.length > 20)
      console.warn(`… and ${backdated.length - 20} more rows whose time differs from when they were recorded.`);
    if (legacy > 0)
      console.log(
        `${legacy} rows were sealed before rows carried the application's MAC: chained, but who inserted them is not proven.`,
      );
    if (broken) {
      console.error(`Audit log BROKEN after ${rows} intact rows: row ${broken.id} ${broken.problem}.`);
      process.exitCode = 1;
    } else if (foreign.length > 0) {
      console.error(`Audit log chained intact, but ${foreign.length} rows were not written by the application (see above).`);
      process.exitCode = 1;
    } else {
      console.log(`Audit log intact: ${rows} rows chained, checked against ${anchors} anchors in ${config.auditAnchorFile}.`);
    }
  });
}
