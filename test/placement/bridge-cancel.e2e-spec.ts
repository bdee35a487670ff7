/**
 * A cancelled noodbed request takes its onward request with it (issue 4, "bridge/followUp"):
 * before, cancelling the noodbed left the onward request waiting for COSM (and on CoMensha's
 * worklist) for someone who no longer needed one. Since the chain's rules (domain.md §5a) the
 * onward request holds nothing until she is in the noodbed (PLACED), and a PLACED noodbed is
 * ended, not cancelled: so the onward request a cancellation takes with it never holds a place.
 * Ending a noodbed *stay* is different: the onward placement is what the stay was waiting for, so
 * it stays open. And an onward request the person has already arrived at (PLACED) is never
 * cancelled this way.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  CANCEL,
  capacityOf,
  dataOf,
  eventually,
  facilityOf,
  holdsOf,
  MONDAY_OPENING,
  PlacementClient,
  REQUEST_FIELDS,
  type RequestView,
  SATURDAY_NIGHT,
  startPlacementApp,
  stopApp,
  sweep,
  sweepUntil,
  token,
  WOMAN_IN_BEDENKTIJD,
} from './support';

/** CoMensha places a request on its worklist (domain.md §5a). */
const ASSIGN = `mutation Assign($requestId: ID!, $facilityId: ID!, $reason: String) {
  assignPlacement(requestId: $requestId, facilityId: $facilityId, reason: $reason) { ${REQUEST_FIELDS} }
}`;

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

  const assign = (tokenValue: string, requestId: string, facilityId: string, reason?: string) =>
    client.raw(ASSIGN, tokenValue, { requestId, facilityId, reason });

  /** A noodbed held now (no VO/MO place in this register), and its onward COSM request waiting for CoMensha. */
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

  it('Monday, the noodbed accepted but she is not in it: the onward request holds no COSM place and CoMensha cannot assign one yet (002:763-767); cancelling the noodbed releases it and takes the onward request with it', async () => {
    // CoMensha is open (Monday 09:00) and COSM has free places: only the noodbed she has not reached holds her back.
    clock.set(MONDAY_OPENING);
    const noodbedBefore = await capacityOf(database.dataSource, noodbed.id);
    const cosmBefore = await capacityOf(database.dataSource, cosm.id);
    const { bridge, followUpId } = await noodbedWithFollowUp();
    expect((await client.accept(noodbedStaff, bridge.id)).status).toBe('ACCEPTED');
    expect(await capacityOf(database.dataSource, noodbed.id)).toEqual({ ...noodbedBefore, held: noodbedBefore.held + 1 });

    await sweep(api);
    const waiting = await client.waitForStatus(comensha, followUpId, ['WAITING']);
    expect(waiting).toMatchObject({ waitingReason: 'AWAITING_AUTHORITY', waitingForAuthority: 'COMENSHA', facility: null });
    const refused = await assign(comensha, followUpId, cosm.id);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('not yet in her interim place'),
      extensions: { code: 'CONFLICT' },
    });
    expect(await holdsOf(database.dataSource, followUpId)).toEqual([]);
    expect(await capacityOf(database.dataSource, cosm.id)).toEqual(cosmBefore);

    expect((await client.cancel(police, bridge.id, 'no longer needed')).status).toBe('CANCELLED');
    const followUp = await client.get(comensha, followUpId);
    expect(followUp).toMatchObject({ status: 'CANCELLED', offerExpiresAt: null, allocations: [] });
    expect(followUp.history.at(-1)!.note).toBe(`cancelled with the interim request ${bridge.id} it follows: no longer needed`);
    expect(await holdsOf(database.dataSource, followUpId)).toEqual([]);
    expect(await capacityOf(database.dataSource, cosm.id)).toEqual(cosmBefore);
    expect(await capacityOf(database.dataSource, noodbed.id)).toEqual(noodbedBefore);
  });

  it('ending the noodbed stay normally leaves the onward request open, on CoMensha’s worklist (000:2130)', async () => {
    clock.set(SATURDAY_NIGHT);
    const { bridge, followUpId } = await noodbedWithFollowUp();
    await client.accept(noodbedStaff, bridge.id);
    expect((await client.arrive(noodbedStaff, bridge.id)).status).toBe('PLACED');

    const ended = await client.end(noodbedStaff, bridge.id, 'moved to a friend for the weekend, COSM on Monday');
    expect(ended.status).toBe('ENDED');
    const followUp = await client.waitForStatus(police, followUpId, ['WAITING']);
    // Still on CoMensha's worklist, to be tried again at its Monday opening (domain.md §5a).
    expect(followUp).toMatchObject({
      waitingReason: 'AWAITING_AUTHORITY',
      waitingForAuthority: 'COMENSHA',
      nextAttemptAt: MONDAY_OPENING.toISOString(),
    });
    expect(followUp.history.some((entry) => entry.status === 'CANCELLED')).toBe(false);
    // (cleanup: nobody else should wait for it)
    await client.cancel(police, followUpId, 'test cleanup');
  });

  it('an onward request she has already arrived at is not cancelled with its noodbed request: her arrival ended the noodbed stay, so cancelling it is refused (002:763-767)', async () => {
    clock.set(SATURDAY_NIGHT);
    const { bridge, followUpId } = await noodbedWithFollowUp();
    await client.accept(noodbedStaff, bridge.id);
    expect((await client.arrive(noodbedStaff, bridge.id)).status).toBe('PLACED');

    // Monday 09:00: CoMensha assigns COSM (never offered automatically, §5a); she arrives there.
    clock.set(MONDAY_OPENING);
    await sweepUntil(api, client, comensha, followUpId, ['WAITING'], (r) => r.nextAttemptAt === null);
    expect(dataOf(await assign(comensha, followUpId, cosm.id), 'assignPlacement')).toMatchObject({ status: 'OFFERED' });
    await client.accept(cosmStaff, followUpId);
    expect((await client.arrive(cosmStaff, followUpId)).status).toBe('PLACED');
    expect((await client.get(police, bridge.id)).status).toBe('ENDED');

    const refused = await client.raw(CANCEL, police, { id: bridge.id, reason: 'the noodbed is no longer needed' });
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('ENDED'), extensions: { code: 'CONFLICT' } });
    const followUp = await client.get(police, followUpId);
    expect(followUp.status).toBe('PLACED');
    expect(followUp.history.some((entry) => entry.status === 'CANCELLED')).toBe(false);
    expect(await holdsOf(database.dataSource, followUpId)).toEqual([{ facilityId: cosm.id, places: 1, state: 'OCCUPIED' }]);
  });
});
