/**
 * Her profile over time (issue 14, "the case over time"): the coordinator records what changes
 * (aangifte made, a B8 permit, regions to avoid), each change a new version, sealed and audited,
 * and the request follows it in the same transaction: a waiting request is matched again, and a
 * place she is in that no longer fits opens a transfer, her place held until she arrives.
 *
 * Medium tier: the placement providers on a FixedClock, jobs run by `settle()` (medium-support.ts).
 * Bad input named by field and who may change a profile at all stay in profile-changes.e2e-spec.ts.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { NotificationsModule } from '@opvangplek/notifications';
import { WebhooksService } from '@opvangplek/notifications/webhooks.service';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, IN_AMSTERDAM } from '../support/factories';
import { asCase, type MediumView, type PlacementMedium, startPlacementMedium, viewer } from './medium-support';
import { capacityOf, DUTCH_WOMAN, facilityOf, MONDAY_OPENING, WOMAN_IN_BEDENKTIJD } from './support';

describe('profile changes over time', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let p: PlacementMedium;
  let cosm: { id: string };
  let vo: { id: string };
  let voAmsterdam: { id: string };
  const coordinator = viewer.coordinator(['RR']);
  const comensha = viewer.comensha();

  beforeAll(async () => {
    p = await startPlacementMedium(clock, {
      env: { WEBHOOK_ALLOW_INSECURE: 'true', BEDENKTIJD_ALERT_DAYS: '14' },
      imports: [NotificationsModule],
      arrange: async (database) => {
        const women = { genders: [Gender.FEMALE] };
        [cosm, vo, voAmsterdam] = await insertFacilities(
          database.dataSource,
          [
            facilityOf(ShelterType.COSM, 4, { total: 10, eligibility: women }),
            facilityOf(ShelterType.VROUWENOPVANG, 0, { total: 10, eligibility: women }),
            facilityOf(ShelterType.VROUWENOPVANG, 3, { total: 10, ...IN_AMSTERDAM, eligibility: women }),
          ],
          { now: MONDAY_OPENING },
        );
      },
    });
  });
  afterAll(() => p?.close());

  const update = async (
    caller: ReturnType<typeof viewer.coordinator>,
    requestId: string,
    changes: Record<string, unknown>,
    reason = 'gesprek met de zorgcoördinator',
  ) => asCase(await p.requests.updateVictimProfile(caller, requestId, changes as never, reason));
  const get = async (caller: ReturnType<typeof viewer.coordinator>, id: string) => {
    const model = await p.requests.get(caller, id);
    return model ? asCase(model) : null;
  };

  /** The coordinator asks a place for a woman in her bedenktijd; CoMensha assigns COSM; she arrives there. */
  async function inCosm(): Promise<MediumView> {
    const request = await p.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD });
    await p.expectStatus(comensha, request.id, ['WAITING'], (r) => r.waitingForAuthority === 'COMENSHA');
    await p.assign(comensha, request.id, cosm.id);
    const staff = viewer.staff(cosm.id);
    await p.accept(staff, request.id);
    return p.arrive(staff, request.id);
  }

  it('a permit after aangifte moves a COSM resident to VO with one place held throughout (000:2131-2134)', async () => {
    const stay = await inCosm();
    expect(stay).toMatchObject({ status: 'PLACED', facility: { id: cosm.id } });
    const cosmWhileThere = await capacityOf(p.dataSource, cosm.id);
    await p.setCapacity(vo.id, { total: 10, occupied: 8 });
    await p.settle();
    const voBefore = await capacityOf(p.dataSource, vo.id);

    // She made aangifte and was granted a B8 permit: COSM should now give way to VO/MO.
    const changed = await update(coordinator, stay.id, {
      aangifte: 'DONE',
      residenceStatus: 'NO_LAWFUL_RESIDENCE',
      b8Status: 'B8_PERMIT',
    });
    expect(changed).toMatchObject({ status: 'PLACED', profileVersion: 2, facility: { id: cosm.id } });
    const steps = changed.history.filter((step) => step.noteCode !== null).map((step) => step.noteCode);
    expect(steps.slice(-2)).toEqual(['PROFILE_CHANGED', 'TRANSFER_REQUESTED']);
    const profileStep = changed.history.find((step) => step.noteCode === 'PROFILE_CHANGED')!;
    // The history names the fields, never their values.
    expect(profileStep.noteParams).toMatchObject({
      fields: ['residenceStatus', 'b8Status', 'bedenktijdStart', 'aangifte'],
      version: 2,
    });
    expect(JSON.stringify(changed.history)).not.toMatch(/B8_PERMIT|DONE/);
    expect(changed.transfer).toMatchObject({ transferReason: 'PROFILE_CHANGED' });
    const transferId = changed.transfer!.id;

    // The transfer is matched to VO while she is still in COSM: both places, no more.
    const offered = await p.expectStatus(coordinator, transferId, ['OFFERED']);
    expect(offered.facility).toMatchObject({ id: vo.id, type: 'VROUWENOPVANG' });
    expect(await capacityOf(p.dataSource, cosm.id)).toEqual(cosmWhileThere);
    expect(await capacityOf(p.dataSource, vo.id)).toEqual({ ...voBefore, held: voBefore.held + 1 });
    const [{ n }] = await p.dataSource.query(
      `SELECT count(*)::int AS n FROM placement_holds WHERE request_id IN ($1, $2) AND state <> 'RELEASED'`,
      [stay.id, transferId],
    );
    expect(n).toBe(2);

    const voStaff = viewer.staff(vo.id);
    await p.accept(voStaff, transferId);
    const arrived = await p.arrive(voStaff, transferId);
    expect(arrived.status).toBe('PLACED');
    // Her arrival in VO freed her COSM place in the same transaction.
    expect(await capacityOf(p.dataSource, cosm.id)).toEqual({ ...cosmWhileThere, occupied: cosmWhileThere.occupied - 1 });
    expect(await capacityOf(p.dataSource, vo.id)).toEqual({ ...voBefore, occupied: voBefore.occupied + 1 });
    const ended = (await get(coordinator, stay.id))!;
    expect(ended).toMatchObject({ status: 'ENDED', transfer: { id: transferId, status: 'PLACED' } });
    expect(ended.history.at(-1)).toMatchObject({ status: 'ENDED', noteCode: 'TRANSFERRED' });

    // Audited: who changed her profile, which fields; the values are sealed in the profile's history.
    const audits = await p.dataSource.query(
      `SELECT actor_sub AS sub, detail FROM audit_log WHERE action = 'profile.update' AND request_id = $1`,
      [stay.id],
    );
    expect(audits).toEqual([
      { sub: 'dev-zorgcoordinator@zc-rijnmond', detail: 'v2: residenceStatus, b8Status, bedenktijdStart, aangifte' },
    ]);
    const [row] = await p.dataSource.query(`SELECT fields, change FROM placement_profile_changes WHERE request_id = $1`, [
      stay.id,
    ]);
    expect(row.fields).toEqual(['residenceStatus', 'b8Status', 'bedenktijdStart', 'aangifte']);
    expect(row.change).not.toMatch(/B8_PERMIT|gesprek/);
  });

  it('a waiting request is matched again with the new profile: a region no longer excluded has her place', async () => {
    await p.fillUp(vo.id);
    const request = await p.request(coordinator, { profile: { ...DUTCH_WOMAN, excludedRegionCodes: ['AMS'] } });
    const waiting = await p.expectStatus(coordinator, request.id, ['WAITING']);
    expect(waiting.facility).toBeNull();

    const changed = await update(coordinator, request.id, { excludedRegionCodes: [] });
    expect(changed.profileVersion).toBe(2);
    expect(changed.history.at(-2)).toMatchObject({ status: 'WAITING', noteCode: 'PROFILE_CHANGED' });
    expect(changed.history.at(-1)).toMatchObject({ status: 'MATCHING' });
    const offered = await p.expectStatus(coordinator, request.id, ['OFFERED']);
    expect(offered.facility!.id).toBe(voAmsterdam.id);

    // The same change again changes nothing: no new version (a retry is harmless).
    const again = await update(coordinator, request.id, { excludedRegionCodes: [] });
    expect(again.profileVersion).toBe(2);
    await p.cancel(coordinator, request.id, 'test cleanup');
    await p.settle();
  });

  it('an offered place that no longer fits is withdrawn: a threat in Amsterdam gives the Amsterdam place back', async () => {
    await p.fillUp(vo.id);
    const before = await capacityOf(p.dataSource, voAmsterdam.id);
    const request = await p.request(coordinator, { profile: DUTCH_WOMAN });
    const offered = await p.expectStatus(coordinator, request.id, ['OFFERED']);
    expect(offered.facility!.id).toBe(voAmsterdam.id);
    expect(await capacityOf(p.dataSource, voAmsterdam.id)).toEqual({ ...before, held: before.held + 1 });

    const changed = await update(coordinator, request.id, { excludedRegionCodes: ['AMS'], threatLevel: 'HIGH' });
    // The steps of the change, wherever they are last.
    const step = changed.history.findLastIndex((s) => s.noteCode === 'PROFILE_CHANGED');
    expect(changed.history[step]).toMatchObject({ status: 'OFFERED', noteCode: 'PROFILE_CHANGED' });
    expect(changed.history[step + 1]).toMatchObject({ status: 'MATCHING' });
    expect(await capacityOf(p.dataSource, voAmsterdam.id)).toEqual(before);
    const waiting = await p.expectStatus(coordinator, request.id, ['WAITING']);
    expect(waiting.facility).toBeNull();
    await p.cancel(coordinator, request.id, 'test cleanup');
    await p.settle();
  });

  it('the end of her bedenktijd is announced 14 days ahead, once, to the requester and the region (003:661)', async () => {
    await p.medium.get(WebhooksService).create(viewer.admin(), {
      organisation: 'zc-rijnmond',
      url: 'http://127.0.0.1:9/hooks',
      events: ['BEDENKTIJD_ENDING'],
    } as never);
    clock.set(MONDAY_OPENING);
    await p.setCapacity(cosm.id, { total: 10, occupied: 2 });
    await p.settle();
    const stay = await inCosm(); // bedenktijd from 27 November 2026: ends 27 February 2027 00:00 in Amsterdam
    const end = new Date('2027-02-26T23:00:00.000Z');
    const alertAt = new Date(end.getTime() - 14 * 24 * 3_600_000);

    clock.set(new Date(alertAt.getTime() - 60_000));
    await p.sweep();
    expect((await get(coordinator, stay.id))!.history.some((step) => step.noteCode === 'BEDENKTIJD_ENDING')).toBe(false);

    clock.set(alertAt);
    await p.sweep();
    await p.sweep(); // a second sweep (or another worker) warns no more
    const warned = (await get(coordinator, stay.id))!;
    const alerts = warned.history.filter((step) => step.noteCode === 'BEDENKTIJD_ENDING');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: 'PLACED', by: 'system:placement', noteParams: { at: end.toISOString() } });
    const deliveries = await p.dataSource.query(
      `SELECT notification->>'type' AS type FROM webhook_deliveries WHERE request_id = $1 AND notification->>'type' = 'BEDENKTIJD_ENDING'`,
      [stay.id],
    );
    expect(deliveries).toHaveLength(1);

    // A new bedenktijd start (recorded as a change) is announced again at its own time.
    clock.set(MONDAY_OPENING);
    await update(coordinator, stay.id, {
      residenceStatus: 'NO_LAWFUL_RESIDENCE',
      b8Status: 'BEDENKTIJD',
      bedenktijdStart: '2026-11-30',
    });
    const count = async () =>
      (await get(coordinator, stay.id))!.history.filter((step) => step.noteCode === 'BEDENKTIJD_ENDING').length;
    // 30 November + three months: 28 February 2027 (clamped at the month's end), 00:00 in Amsterdam.
    clock.set(new Date('2027-02-13T22:59:00.000Z'));
    await p.sweep();
    expect(await count()).toBe(1);
    clock.set(new Date('2027-02-13T23:00:00.000Z'));
    await p.sweep();
    expect(await count()).toBe(2);
    await p.end(coordinator, stay.id, 'test cleanup');
  });
});
