/**
 * A cancellation that crosses the worker's interim offer (red team, issue 15, third pass): the
 * coordinator cancels at the moment the worker offers her an interim women's-shelter place and opens
 * the onward COSM request. The cancellation looks for an onward request first (lock order), finds
 * none, and only then gets the request's lock, after the offer committed. It must still take the
 * onward request with it: left behind, it waited on CoMensha's worklist for someone who no longer
 * needed a place (35 such in one run).
 *
 * A profile change crossing the same offer must reach the onward request too: a region to avoid
 * left out of it could send her there.
 *
 * Medium tier: the interleaving is made exact by running the worker's job between the two steps.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { PlacementRepository } from '@opvangplek/placement/placement.repository';
import { insertFacilities } from '../support/factories';
import { type PlacementMedium, startPlacementMedium, viewer } from './medium-support';
import { capacityOf, facilityOf, SATURDAY_NIGHT, WOMAN_IN_BEDENKTIJD } from './support';

describe('a cancellation crossing the worker’s interim offer takes the onward request with it', () => {
  const clock = new FixedClock(SATURDAY_NIGHT);
  let p: PlacementMedium;
  let vrouwenopvang: { id: string };
  const coordinator = viewer.coordinator(['RR']);
  const comensha = viewer.comensha();

  beforeAll(async () => {
    p = await startPlacementMedium(clock, {
      arrange: async (database) => {
        const women = { genders: [Gender.FEMALE] };
        [vrouwenopvang] = await insertFacilities(
          database.dataSource,
          [
            // Open at night and suitable for her only until COSM (an interim place, §5a, 000:2136-2139).
            facilityOf(ShelterType.VROUWENOPVANG, 2, { total: 12, eligibility: women }),
            facilityOf(ShelterType.COSM, 2, { total: 16, regionCode: 'AMS', municipality: 'Amsterdam', eligibility: women }),
          ],
          { now: SATURDAY_NIGHT },
        );
      },
    });
  });
  afterAll(() => p?.close());
  afterEach(() => jest.restoreAllMocks());

  /** The next look for an onward request finds none, and the worker's queued match commits right after it. */
  function workerOffersMeanwhile(): void {
    const repository = p.medium.get(PlacementRepository);
    const look = repository.lockFollowUpOf.bind(repository);
    jest.spyOn(repository, 'lockFollowUpOf').mockImplementationOnce(async (manager, bridgeId) => {
      const none = await look(manager, bridgeId);
      expect(await p.settle()).toBeGreaterThan(0);
      return none;
    });
  }

  it('Saturday night: the coordinator cancels while the worker bridges her into a women’s shelter; both requests end CANCELLED and no place is held (000:2136-2139)', async () => {
    const before = await capacityOf(p.dataSource, vrouwenopvang.id);
    const submitted = await p.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'ACUTE' });
    expect(submitted.status).toBe('RECEIVED');

    // The cancellation looks for an onward request (none yet), then the worker's match commits.
    workerOffersMeanwhile();
    const cancelled = await p.cancel(coordinator, submitted.id, 'she went to family abroad');
    expect(cancelled.status).toBe('CANCELLED');

    // The worker did offer the interim place and open the onward request meanwhile.
    const [onward] = await p.dataSource.query('SELECT id, status FROM placement_requests WHERE bridge_request_id = $1', [
      submitted.id,
    ]);
    expect(onward).toEqual({ id: expect.any(String), status: 'CANCELLED' });
    const statuses = (await p.get(coordinator, submitted.id)).history.map((step) => step.status);
    expect(statuses).toEqual(['RECEIVED', 'MATCHING', 'OFFERED', 'CANCELLED']);
    expect(await capacityOf(p.dataSource, vrouwenopvang.id)).toEqual(before);
    await p.settle();
    expect((await p.list(comensha, { status: ['WAITING'], authority: 'COMENSHA' })).nodes).toEqual([]);
  });

  it('a region to avoid recorded while the worker bridges her reaches the onward COSM request too (one person, one profile)', async () => {
    const submitted = await p.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'ACUTE' });
    workerOffersMeanwhile();
    await p.requests.updateVictimProfile(
      coordinator,
      submitted.id,
      { excludedRegionCodes: ['AMS'] } as never,
      'dader actief in Amsterdam',
    );

    const [onward] = await p.dataSource.query('SELECT id FROM placement_requests WHERE bridge_request_id = $1', [submitted.id]);
    const seen = await p.requests.get(comensha, onward.id);
    expect(seen).toMatchObject({ profileVersion: 2 });
    await p.cancel(coordinator, submitted.id, 'test cleanup');
  });

  it('a coordinator’s client cancelling one request twelve times at once gets one cancellation and eleven retries, and the service answers on (red team, issue 15: the pool of ten ran dry)', async () => {
    const submitted = await p.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'URGENT', types: ['COSM'] });
    await p.settle();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => p.requests.cancel(coordinator, submitted.id, 'dubbel verzonden')),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 'CANCELLED'));
    expect(answers.filter((answer) => answer.treatedAsRetry === false)).toHaveLength(1);
    expect(answers.filter((answer) => answer.treatedAsRetry === true)).toHaveLength(11);
    expect((await p.get(coordinator, submitted.id)).status).toBe('CANCELLED');
  }, 60_000);
});
