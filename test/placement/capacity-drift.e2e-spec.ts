/**
 * The drift check (issue 15, item 5), as the operator who runs `npm run capacity:verify` and as the
 * night's sweep: `held` must equal the places of the active holds (the ledger proves it, so it is
 * repaired), `occupied` must at least cover the stays the register placed (the shelter's own count
 * may be higher; lower is a contradiction only a person can settle: reported, exit 1, and counted
 * in opvangplek_capacity_drift).
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { capacityVerifyCommand } from '../../apps/cli/src/commands/capacity-verify.command';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { testConfig } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  capacityOf,
  DUTCH_WOMAN,
  facilityOf,
  MONDAY_OPENING,
  PlacementClient,
  POLISH_WORKER,
  setCapacity,
  startPlacementApp,
  stopApp,
  sweep,
  token,
} from './support';

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('an operator checks that the counts agree with the ledger', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let offeredAt: { id: string };
  let placedAt: { id: string };
  let full: { id: string };
  let coordinator: string;
  let output: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [offeredAt, placedAt, full] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 1, { total: 10, eligibility: women }),
        facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 1, { total: 6, eligibility: women }),
        facilityOf(ShelterType.NLA_CRISIS, 0, { total: 4, maxStayDays: 14 }),
      ],
      { now: MONDAY_OPENING },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator();
  });
  afterAll(() => stopApp(api, database));

  /** What `npm run capacity:verify` prints and its exit code. */
  async function capacityVerify(): Promise<number> {
    output = [];
    const capture = (line: unknown) => void output.push(String(line));
    const log = jest.spyOn(console, 'log').mockImplementation(capture);
    const error = jest.spyOn(console, 'error').mockImplementation(capture);
    process.exitCode = 0;
    try {
      await capacityVerifyCommand(testConfig(database.url));
      return Number(process.exitCode ?? 0);
    } finally {
      process.exitCode = 0;
      log.mockRestore();
      error.mockRestore();
    }
  }

  const metric = async (field: string, repairable: boolean) =>
    sample(
      await (await fetch(`${api.url}/metrics`)).text(),
      `opvangplek_capacity_drift{field="${field}",repairable="${repairable}"}`,
    );

  it('a quiet night: one woman offered a place, one placed; everything agrees and capacity:verify exits 0', async () => {
    const offered = await client.request(coordinator, { profile: DUTCH_WOMAN, types: ['VROUWENOPVANG'] });
    await client.waitForStatus(coordinator, offered.id, ['OFFERED']);
    const placed = await client.request(coordinator, { profile: DUTCH_WOMAN, types: ['MAATSCHAPPELIJKE_OPVANG'] });
    await client.waitForStatus(coordinator, placed.id, ['OFFERED']);
    const moStaff = await token.staff(placedAt.id);
    await client.accept(moStaff, placed.id);
    await client.arrive(moStaff, placed.id);

    expect(await capacityVerify()).toBe(0);
    expect(output.join('\n')).toMatch(/agrees with the ledger at all 3 facilities \(0 repaired\)/);
    expect(await metric('held', true)).toBe(0);
    expect(await metric('occupied', false)).toBe(0);
  });

  it('two held places with no hold behind them (a lost release) are repaired to the one her offer holds, with a history row', async () => {
    await database.dataSource.query('UPDATE capacity SET held = held + 2, occupied = occupied - 2 WHERE facility_id = $1', [
      offeredAt.id,
    ]);
    expect(await metric('held', true)).toBe(1);

    expect(await capacityVerify()).toBe(0);
    expect(output.join('\n')).toContain(`Repaired facility ${offeredAt.id}: held is 3, its active holds take 1; held set to 1.`);
    expect(await capacityOf(database.dataSource, offeredAt.id)).toMatchObject({ held: 1 });
    const [history] = await database.dataSource.query(
      `SELECT kind, held, changed_by AS "changedBy" FROM capacity_history WHERE facility_id = $1 ORDER BY id DESC LIMIT 1`,
      [offeredAt.id],
    );
    expect(history).toEqual({ kind: 'DRIFT_REPAIR', held: 1, changedBy: expect.stringMatching(/^system/) });
    expect(await metric('held', true)).toBe(0);
  });

  it('the MO shelter reports 0 occupied while the register placed her there: reported, not repaired, exit 1 and the metric says so', async () => {
    await setCapacity(api, database.dataSource, placedAt.id, { total: 6, occupied: 0 });
    expect(await capacityVerify()).toBe(1);
    expect(output.join('\n')).toContain(
      `Drift at facility ${placedAt.id}: occupied is 0, but the register placed 1 there whose stays have not ended. Not repaired`,
    );
    expect(await capacityOf(database.dataSource, placedAt.id)).toMatchObject({ occupied: 0 });
    expect(await metric('occupied', false)).toBe(1);
  });

  it('more occupied than the register placed is the shelter’s own count: once staff count her again, all is well', async () => {
    await setCapacity(api, database.dataSource, placedAt.id, { total: 6, occupied: 4 });
    expect(await capacityVerify()).toBe(0);
    expect(await metric('occupied', false)).toBe(0);
  });

  it('the sweep repairs an orphaned held place and the worker waiting for that NLA crisis location gets it', async () => {
    const nla = await token.nla();
    const waiting = await client.request(nla, { profile: POLISH_WORKER, urgency: 'ACUTE' });
    await client.waitForStatus(nla, waiting.id, ['WAITING']);
    await database.dataSource.query('UPDATE capacity SET held = 1, occupied = occupied - 1 WHERE facility_id = $1', [full.id]);

    const report = await sweep(api);
    expect(report).toMatchObject({ driftRepaired: 1, driftUnrepaired: 0 });
    const offered = await client.waitForStatus(nla, waiting.id, ['OFFERED']);
    expect(offered.facility?.id).toBe(full.id);
    expect(await capacityOf(database.dataSource, full.id)).toEqual({ total: 4, occupied: 3, held: 1, outOfService: 0 });
  });
});
