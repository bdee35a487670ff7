/**
 * The requestNoodbed answer is built from what the call itself wrote (issue 4, part 9c: the answer
 * within 200 ms), not read back from the database. So it must be exactly what reading the request
 * back gives: same facility with the same counts, same allocations, same history, same follow-up.
 * The API runs without a worker here, so nothing else touches the requests between the two reads.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  capacityOf,
  dataOf,
  DUTCH_WOMAN,
  facilityOf,
  PlacementClient,
  REQUEST_FIELDS,
  SATURDAY_NIGHT,
  statusesOf,
  stopApp,
  token,
  WOMAN_IN_BEDENKTIJD,
} from './support';

/** Everything a client can ask of the answer, capacity included. */
const FACILITY = `id name type secretAddress address municipality region { code name }
  intake { alwaysOpen openNow nextOpeningAt }
  capacity { total occupied held outOfService available updatedAt freshness } availability { band freshness }`;
const FIELDS = `${REQUEST_FIELDS.replace('facility { id type name }', `facility { ${FACILITY} }`)}
  allocations { facility { ${FACILITY} } places state }
  bridge { id status }
  followUp { ${REQUEST_FIELDS} bridge { id } followUp { id } allocations { places state } }`;
const NOODBED = `mutation Noodbed($input: NoodbedRequestInput!) { requestNoodbed(input: $input) { ${FIELDS} } }`;
const READ = `query Get($id: ID!) { placementRequest(id: $id) { ${FIELDS} } }`;

describe('requestNoodbed answers from what it wrote, exactly as a read-back would', () => {
  const clock = new FixedClock(SATURDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let noodbed: { id: string };
  let police: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [noodbed] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.NOODBED, 1, { total: 1, secretAddress: true, maxStayDays: 3, eligibility: women }),
        facilityOf(ShelterType.COSM, 2, { total: 16, regionCode: 'AMS', municipality: 'Amsterdam', eligibility: women }),
      ],
      { now: SATURDAY_NIGHT },
    );
    api = await startTestApp(database.url, { clock, withWorker: false, env: { SWEEP_SECONDS: '3600' } });
    client = new PlacementClient(api.url);
    police = await token.police();
  });
  afterAll(() => stopApp(api, database));

  const call = async (input: Record<string, unknown>) =>
    dataOf(await client.raw(NOODBED, police, { input: { regionCode: 'RR', ...input } }), 'requestNoodbed');
  const readBack = async (id: string) => dataOf(await client.raw(READ, police, { id }), 'placementRequest');

  it('a noodbed held, with its onward request: the answer equals the request read back', async () => {
    const answer = await call({ profile: WOMAN_IN_BEDENKTIJD, clientReference: 'avim-rr-answer-1' });
    // A secret noodbed's counts are its staff's only (issue 12): the police see that it is now full.
    expect(answer).toMatchObject({
      status: 'OFFERED',
      facility: { id: noodbed.id, capacity: null, availability: { band: 'NONE' } },
    });
    expect(statusesOf(answer)).toEqual(['RECEIVED', 'MATCHING', 'OFFERED']);
    expect(answer.followUp).toMatchObject({ status: 'RECEIVED', types: ['COSM'] });
    expect(answer).toEqual(await readBack(answer.id));
    expect(await capacityOf(database.dataSource, noodbed.id)).toMatchObject({ held: 1 });

    // A retry of the same call is the stored request, read back: the same answer, nothing held twice.
    expect(await call({ profile: WOMAN_IN_BEDENKTIJD, clientReference: 'avim-rr-answer-1' })).toEqual(answer);
    expect(await capacityOf(database.dataSource, noodbed.id)).toMatchObject({ held: 1 });
  });

  it('no bed free anywhere: the WAITING answer equals the request read back too', async () => {
    const answer = await call({ profile: DUTCH_WOMAN });
    expect(answer).toMatchObject({ status: 'WAITING', waitingReason: 'NO_CAPACITY', facility: null, followUp: null });
    expect(statusesOf(answer)).toEqual(['RECEIVED', 'MATCHING', 'WAITING']);
    expect(answer).toEqual(await readBack(answer.id));
  });

  it('every step is in the audit log, once', async () => {
    const rows: { action: string; n: number }[] = await database.dataSource.query(
      `SELECT action || ':' || coalesce(detail, '') AS action, count(*)::int AS n FROM audit_log
        WHERE action IN ('placement.status', 'capacity.hold') GROUP BY 1 ORDER BY 1`,
    );
    // Two noodbed calls (RECEIVED, MATCHING, then OFFERED or WAITING), one follow-up (RECEIVED), one hold.
    expect(rows).toEqual([
      { action: 'capacity.hold:1 place(s), v2', n: 1 },
      { action: 'placement.status:MATCHING', n: 2 },
      { action: 'placement.status:OFFERED', n: 1 },
      { action: 'placement.status:RECEIVED', n: 3 },
      { action: 'placement.status:WAITING', n: 1 },
    ]);
  });
});
