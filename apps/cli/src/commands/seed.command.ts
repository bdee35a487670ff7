import type { AppConfig } from '@opvangplek/platform';
import { describeLoadReport, loadNationalRegister } from '@opvangplek/composition';
import { withMigratedDatabase } from '../database-session';
import { parseFlags, UsageError } from '@opvangplek/platform';

/** `npm run seed [-- --scale N]`: loads (or re-checks) the national register; idempotent. */
export async function seedCommand(config: AppConfig, argv: string[]): Promise<void> {
  const flags = parseFlags(argv, ['scale']);
  const scaleText = flags.get('scale')?.[0] ?? '1';
  const scale = Number(scaleText);
  if (!/^\d+$/.test(scaleText) || scale < 1 || scale > 200) throw new UsageError('--scale must be a whole number from 1 to 200');
  await withMigratedDatabase(config, async (dataSource) => {
    const report = await loadNationalRegister(dataSource, scale);
    console.log(`National register${scale > 1 ? ` ×${scale}` : ''} loaded — ${describeLoadReport(report)}`);
  });
}
