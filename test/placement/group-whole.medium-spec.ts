/**
 * A group is stored whole or not at all (red team, issue 15, sixth pass N2): its parts are stored
 * one by one, each under the caller's reference (`ref`, `ref#2`, …). When a part's reference is
 * taken between the check of all of them and that part's own insert (another call at the same
 * moment), the parts this call stored are withdrawn before anyone matches them: no place is held
 * for half a group, and the answer saying nothing was stored is true.
 *
 * Medium tier: the race is made exact by letting the check miss the reference taken meanwhile.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { PlacementRepository } from '@opvangplek/placement/placement.repository';
import { insertFacilities } from '../support/factories';
import { type PlacementMedium, startPlacementMedium, viewer } from './medium-support';
import { capacityOf, DUTCH_WOMAN, facilityOf, MONDAY_OPENING } from './support';

describe('a group stored whole or not at all', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let p: PlacementMedium;
  let shelter: { id: string };
  const coordinator = viewer.coordinator(['RR']);

  beforeAll(async () => {
    p = await startPlacementMedium(clock, {
      arrange: async (database) => {
        [shelter] = await insertFacilities(database.dataSource, [facilityOf(ShelterType.VROUWENOPVANG, 6, { total: 12 })], {
          now: MONDAY_OPENING,
        });
      },
    });
  });
  afterAll(() => p?.close());
  afterEach(() => jest.restoreAllMocks());

  it('a coordinator’s group whose second part’s reference is taken at the same moment is refused, and its first part withdrawn before it holds a place', async () => {
    const before = await capacityOf(p.dataSource, shelter.id);
    // Another woman under case-9#2, stored just after the group's check looked (it saw none).
    const repository = p.medium.get(PlacementRepository);
    jest.spyOn(repository, 'findByClientReference').mockResolvedValue(null);
    const other = await p.request(coordinator, { profile: { ...DUTCH_WOMAN, age: 61 }, clientReference: 'case-9#2' });

    const woman = { label: 'W1', profile: { ...DUTCH_WOMAN, age: 30 } };
    const man = { label: 'M1', profile: { ...DUTCH_WOMAN, gender: Gender.MALE, age: 35 } };
    await expect(
      p.request(coordinator, { profile: DUTCH_WOMAN, members: [woman, man], clientReference: 'case-9' }),
    ).rejects.toThrow(/already used for another request/);
    await p.settle();
    const rows: { id: string; status: string; client_reference_lookup: string | null }[] = await p.dataSource.query(
      `SELECT id, status FROM placement_requests WHERE id <> $1`,
      [other.id],
    );
    expect(rows.map((row) => row.status)).toEqual(['CANCELLED']);
    expect((await capacityOf(p.dataSource, shelter.id)).held).toBe(before.held + 1); // the other woman's offer only
  });
});
