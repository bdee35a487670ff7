/**
 * Transfers (issue 14, "the case over time"): she moves from the place she is in to another. The
 * transfer is a new request linked to her stay; she keeps her place until she arrives at the new
 * one (one person, one place: the place she is in plus the one she moves to), and her arrival
 * frees the old place in the same transaction.
 *
 * Medium tier: the placement providers on a FixedClock, jobs run by `settle()` (medium-support.ts).
 * Two transfers asked at once over HTTP, bad input named by field and who may ask stay in
 * transfers.e2e-spec.ts.
 */
import { Gender, Role, ShelterType, TransferReason } from '@opvangplek/domain';
import type { Viewer } from '@opvangplek/access';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, IN_AMSTERDAM } from '../support/factories';
import { asCase, type MediumView, type PlacementMedium, startPlacementMedium, viewer } from './medium-support';
import { capacityOf, DUTCH_WOMAN, facilityOf, MONDAY_OPENING } from './support';

describe('transfers: she moves with one place held throughout', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let p: PlacementMedium;
  let voRotterdam: { id: string };
  let voRotterdam2: { id: string };
  let voAmsterdam: { id: string };
  const coordinatorRR = viewer.coordinator(['RR']);
  const coordinatorAMS = viewer.of(Role.ZORGCOORDINATOR, 'zc-amsterdam', { regions: ['AMS'] });
  const coordinatorTW = viewer.of(Role.ZORGCOORDINATOR, 'zc-twente', { regions: ['TW'] });
  const comensha = viewer.comensha();

  beforeAll(async () => {
    p = await startPlacementMedium(clock, {
      arrange: async (database) => {
        const women = { genders: [Gender.FEMALE] };
        [voRotterdam, voRotterdam2, voAmsterdam] = await insertFacilities(
          database.dataSource,
          [
            facilityOf(ShelterType.VROUWENOPVANG, 6, { total: 10, eligibility: women }),
            facilityOf(ShelterType.VROUWENOPVANG, 6, { total: 10, latitude: 51.95, longitude: 4.5, eligibility: women }),
            facilityOf(ShelterType.VROUWENOPVANG, 0, { total: 10, ...IN_AMSTERDAM, eligibility: women }),
            // A third region exists, with its own coordinator.
            facilityOf(ShelterType.VROUWENOPVANG, 0, {
              total: 4,
              regionCode: 'TW',
              municipality: 'Enschede',
              eligibility: women,
            }),
          ],
          { now: MONDAY_OPENING },
        );
      },
    });
  });
  afterAll(() => p?.close());

  const transfer = async (
    caller: Viewer,
    input: { requestId: string; reason: keyof typeof TransferReason; regionCode?: string; note?: string },
  ) =>
    asCase(
      await p.requests.requestTransfer(
        caller,
        input.requestId,
        TransferReason[input.reason],
        input.regionCode ?? null,
        input.note ?? null,
      ),
    );
  const get = async (caller: Viewer, id: string) => {
    const model = await p.requests.get(caller, id);
    return model ? asCase(model) : null;
  };

  /** The Rotterdam coordinator asks a place for a woman; staff accept and she arrives. */
  async function placedInRotterdam(): Promise<MediumView> {
    const submitted = await p.request(coordinatorRR, { profile: DUTCH_WOMAN });
    const offered = await p.expectStatus(coordinatorRR, submitted.id, ['OFFERED']);
    const staff = viewer.staff(offered.facility!.id);
    await p.accept(staff, submitted.id);
    return p.arrive(staff, submitted.id);
  }

  it('a safety transfer to another region is visible to its coordinator and not to a third region, with one place held throughout (004:7085-7089)', async () => {
    const stay = await placedInRotterdam();
    expect(stay).toMatchObject({ status: 'PLACED', facility: { id: voRotterdam.id } });
    const rotterdamWhileThere = await capacityOf(p.dataSource, voRotterdam.id);

    const answered = await transfer(coordinatorRR, {
      requestId: stay.id,
      reason: 'SAFETY',
      regionCode: 'AMS',
      note: 'de daders weten waar zij verblijft',
    });
    // The Rotterdam coordinator may not see Amsterdam's request: she gets the stay back, with the step.
    expect(answered).toMatchObject({ id: stay.id, status: 'PLACED', transfer: null });
    expect(answered.history.at(-1)).toMatchObject({ status: 'PLACED', noteCode: 'TRANSFER_REQUESTED' });

    // CoMensha follows the whole path; Amsterdam sees the new request from the moment it exists.
    const fromStay = (await get(comensha, stay.id))!;
    expect(fromStay.transfer).toMatchObject({ transferReason: 'SAFETY' });
    const transferId = fromStay.transfer!.id;
    const inAmsterdam = (await get(coordinatorAMS, transferId))!;
    expect(inAmsterdam).toMatchObject({ regionCode: 'AMS', transferReason: 'SAFETY', transferOf: null });
    expect(inAmsterdam.history[0]).toMatchObject({
      status: 'RECEIVED',
      noteCode: 'TRANSFER_OF',
      by: 'dev-zorgcoordinator@zc-rijnmond',
    });
    expect((await get(comensha, transferId))!.transferOf).toEqual({ id: stay.id, status: 'PLACED' });
    expect(await get(coordinatorTW, transferId)).toBeNull();
    expect((await p.list(coordinatorTW, {})).nodes.map((r) => r.id)).not.toContain(transferId);

    // Amsterdam is full, and the other Rotterdam place is free: she waits, never placed back where the danger is.
    await p.expectStatus(coordinatorAMS, transferId, ['WAITING']);
    expect(await capacityOf(p.dataSource, voRotterdam2.id)).toMatchObject({ held: 0 });

    // A place frees up in Amsterdam: held for her while she is still in Rotterdam (both places).
    await p.setCapacity(voAmsterdam.id, { total: 10, occupied: 9 });
    const offered = await p.expectStatus(coordinatorAMS, transferId, ['OFFERED']);
    expect(offered.facility!.id).toBe(voAmsterdam.id);
    expect(await capacityOf(p.dataSource, voRotterdam.id)).toEqual(rotterdamWhileThere);
    expect(await capacityOf(p.dataSource, voAmsterdam.id)).toMatchObject({ occupied: 9, held: 1 });

    const amsterdamStaff = viewer.staff(voAmsterdam.id);
    await p.accept(amsterdamStaff, transferId);
    clock.advance(3 * 3_600_000);
    const arrived = await p.arrive(amsterdamStaff, transferId);
    expect(arrived.status).toBe('PLACED');

    // Her arrival freed the Rotterdam place in the same transaction.
    expect(await capacityOf(p.dataSource, voAmsterdam.id)).toMatchObject({ occupied: 10, held: 0 });
    expect(await capacityOf(p.dataSource, voRotterdam.id)).toEqual({
      ...rotterdamWhileThere,
      occupied: rotterdamWhileThere.occupied - 1,
    });
    const ended = (await get(comensha, stay.id))!;
    expect(ended.status).toBe('ENDED');
    expect(ended.history.at(-1)).toMatchObject({ status: 'ENDED', noteCode: 'TRANSFERRED', by: 'system:placement' });
    expect(ended.transfer).toEqual({ id: transferId, status: 'PLACED', transferReason: 'SAFETY' });
  });

  it('cancelling a transfer leaves her where she is, and the place held for it goes back', async () => {
    await p.setCapacity(voRotterdam2.id, { total: 10, occupied: 4 });
    await p.settle();
    const stay = await placedInRotterdam();
    const here = stay.facility!.id;
    const other = here === voRotterdam.id ? voRotterdam2.id : voRotterdam.id;
    const before = await capacityOf(p.dataSource, other);
    const answered = await transfer(coordinatorRR, { requestId: stay.id, reason: 'MOVE_ON' });
    expect(answered).toMatchObject({
      status: 'RECEIVED',
      transferReason: 'MOVE_ON',
      regionCode: 'RR',
      transferOf: { id: stay.id },
    });
    const offered = await p.expectStatus(coordinatorRR, answered.id, ['OFFERED']);
    expect(offered.facility!.id).toBe(other); // never back to where she is
    expect(await capacityOf(p.dataSource, other)).toMatchObject({ held: before.held + 1 });

    const cancelled = await p.cancel(coordinatorRR, answered.id, 'zij blijft liever');
    expect(cancelled.status).toBe('CANCELLED');
    expect(await capacityOf(p.dataSource, other)).toEqual(before);
    const still = (await get(coordinatorRR, stay.id))!;
    expect(still).toMatchObject({ status: 'PLACED', facility: { id: here } });
    expect(still.history.at(-1)).toMatchObject({ status: 'PLACED', noteCode: 'TRANSFER_CANCELLED' });

    // A new transfer may be asked once the first is cancelled.
    const again = await transfer(comensha, { requestId: stay.id, reason: 'CARE_NEEDS' });
    expect((await get(comensha, stay.id))!.transfer).toMatchObject({ id: again.id });
    await p.cancel(comensha, again.id, 'test cleanup');
    await p.settle();
  });

  it('her stay ends while the transfer waits: the transfer goes on, and takes a place once one frees up', async () => {
    await p.setCapacity(voRotterdam.id, { total: 10, occupied: 4 });
    await p.settle();
    const stay = await placedInRotterdam();
    await p.fillUp(voRotterdam.id);
    await p.fillUp(voRotterdam2.id);
    const asked = await transfer(coordinatorRR, { requestId: stay.id, reason: 'CARE_NEEDS' });
    await p.expectStatus(coordinatorRR, asked.id, ['WAITING']);

    const ended = await p.end(coordinatorRR, stay.id, 'naar een kliniek voor een week');
    expect(ended.status).toBe('ENDED');
    const still = (await get(coordinatorRR, asked.id))!;
    expect(still).toMatchObject({ status: 'WAITING', transferOf: { id: stay.id, status: 'ENDED' } });

    const other = stay.facility!.id === voRotterdam.id ? voRotterdam2.id : voRotterdam.id;
    const { held } = await capacityOf(p.dataSource, other);
    await p.setCapacity(other, { total: 10, occupied: 10 - held - 1 }); // one place frees up
    const offered = await p.expectStatus(coordinatorRR, asked.id, ['OFFERED']);
    expect(offered.facility!.id).toBe(other);
    await p.cancel(coordinatorRR, asked.id, 'test cleanup');
  });
});
