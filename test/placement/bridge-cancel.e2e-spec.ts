/**
 * A cancelled noodbed request takes its onward request with it (issue 4, "bridge/followUp"):
 * before, cancelling the noodbed left the onward request waiting for COSM (and on CoMensha's
 * worklist), or holding a COSM place, for someone who no longer needed one. Ending a noodbed
 * *stay* is different: the onward placement is what the stay was waiting for, so it stays open.
 * And an onward request the person has already arrived at (PLACED) is never cancelled this way.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  capacityOf,
  eventually,
  facilityOf,
  holdsOf,
  MONDAY_OPENING,
  PlacementClient,
  type RequestView,
  SATURDAY_NIGHT,
  startPlacementApp,
  stopApp,
  sweepUntil,
  token,
  WOMAN_IN_BEDENKTIJD,
} from './support';

describe('cancelling a noodbed request cancels its onward request; ending the stay does not', () => {
  const clock = new FixedClock(SATURDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let noodbed: { id: string };
  let cosm: { id: string };
  let police: string;
  let comensha: string;
  let noodbedStaff: string;
  let cosmStaff: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [noodbed, cosm] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.NOODBED, 4, { total: 4, secretAddress: true, maxStayDays: 3, eligibility: women }),
        facilityOf(ShelterType.COSM, 4, { total: 16, regionCode: 'AMS', municipality: 'Amsterdam', eligibility: women }),
      ],
      { now: SATURDAY_NIGHT },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    police = await token.police();
    comensha = await token.comensha();
    noodbedStaff = await token.staff(noodbed.id);
    cosmStaff = await token.staff(cosm.id);
  });
  afterAll(() => stopApp(api, database));

  /** A noodbed held now, and its onward COSM request waiting for CoMensha. */
  async function noodbedWithFollowUp(): Promise<{ bridge: RequestView; followUpId: string }> {
    const bridge = await client.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD });
    expect(bridge).toMatchObject({ status: 'OFFERED', facility: { id: noodbed.id } });
    const followUpId = bridge.followUp!.id;
    await client.waitForStatus(police, followUpId, ['WAITING']);
    return { bridge, followUpId };
  }

  it('Saturday night: police cancel the noodbed; the onward request waiting for CoMensha is cancelled too, saying why', async () => {
    clock.set(SATURDAY_NIGHT);
    const before = await capacityOf(database.dataSource, noodbed.id);
    const { bridge, followUpId } = await noodbedWithFollowUp();

    const cancelled = await client.cancel(police, bridge.id, 'she went to family abroad');
    expect(cancelled).toMatchObject({ status: 'CANCELLED', offerExpiresAt: null });
    expect(await capacityOf(database.dataSource, noodbed.id)).toEqual(before);

    const followUp = await client.get(police, followUpId);
    expect(followUp.status).toBe('CANCELLED');
    expect(followUp.history.at(-1)).toEqual({
      status: 'CANCELLED',
      at: SATURDAY_NIGHT.toISOString(),
      by: 'dev-police@avim-rotterdam',
      note: `cancelled with the interim request ${bridge.id} it follows: she went to family abroad`,
    });
    // Off CoMensha's worklist, and never matched again (it is not WAITING any more).
    await eventually(async () => {
      const worklist = await client.list(comensha, { status: ['WAITING'], authority: 'COMENSHA' });
      expect(worklist.nodes.map((r) => r.id)).not.toContain(followUpId);
    });
    const [{ n }] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1 AND action = 'placement.status' AND detail = 'CANCELLED'`,
      [followUpId],
    );
    expect(n).toBe(1);
  });

  it('Monday: the onward request holds a COSM place while the noodbed is accepted; cancelling the noodbed releases both places', async () => {
    clock.set(SATURDAY_NIGHT);
    const noodbedBefore = await capacityOf(database.dataSource, noodbed.id);
    const cosmBefore = await capacityOf(database.dataSource, cosm.id);
    const { bridge, followUpId } = await noodbedWithFollowUp();
    expect((await client.accept(noodbedStaff, bridge.id)).status).toBe('ACCEPTED'); // accepted offers do not lapse

    clock.set(MONDAY_OPENING);
    await sweepUntil(api, client, comensha, followUpId, ['OFFERED']);
    expect(await capacityOf(database.dataSource, cosm.id)).toEqual({ ...cosmBefore, held: cosmBefore.held + 1 });

    expect((await client.cancel(police, bridge.id, 'no longer needed')).status).toBe('CANCELLED');
    const followUp = await client.get(comensha, followUpId);
    expect(followUp).toMatchObject({ status: 'CANCELLED', offerExpiresAt: null });
    expect(await holdsOf(database.dataSource, followUpId)).toEqual([{ facilityId: cosm.id, places: 1, state: 'RELEASED' }]);
    expect(await capacityOf(database.dataSource, cosm.id)).toEqual(cosmBefore);
    expect(await capacityOf(database.dataSource, noodbed.id)).toEqual(noodbedBefore);
  });

  it('ending the noodbed stay normally leaves the onward request open', async () => {
    clock.set(SATURDAY_NIGHT);
    const { bridge, followUpId } = await noodbedWithFollowUp();
    await client.accept(noodbedStaff, bridge.id);
    expect((await client.arrive(noodbedStaff, bridge.id)).status).toBe('PLACED');

    const ended = await client.end(noodbedStaff, bridge.id, 'moved to a friend for the weekend, COSM on Monday');
    expect(ended.status).toBe('ENDED');
    const followUp = await client.waitForStatus(police, followUpId, ['WAITING']);
    expect(followUp).toMatchObject({ waitingReason: 'AUTHORITY_CLOSED', nextAttemptAt: MONDAY_OPENING.toISOString() });
    expect(followUp.history.some((entry) => entry.status === 'CANCELLED')).toBe(false);
    // (cleanup: nobody else should wait for it)
    await client.cancel(police, followUpId, 'test cleanup');
  });

  it('an onward request she has already arrived at is not cancelled with its noodbed request', async () => {
    clock.set(SATURDAY_NIGHT);
    const { bridge, followUpId } = await noodbedWithFollowUp();
    await client.accept(noodbedStaff, bridge.id); // the noodbed was accepted, but she never went there

    clock.set(MONDAY_OPENING);
    await sweepUntil(api, client, comensha, followUpId, ['OFFERED']);
    await client.accept(cosmStaff, followUpId);
    expect((await client.arrive(cosmStaff, followUpId)).status).toBe('PLACED');

    expect((await client.cancel(police, bridge.id, 'the noodbed was never used')).status).toBe('CANCELLED');
    const followUp = await client.get(police, followUpId);
    expect(followUp.status).toBe('PLACED');
    expect(followUp.history.some((entry) => entry.status === 'CANCELLED')).toBe(false);
  });
});
