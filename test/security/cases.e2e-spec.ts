/**
 * Issue 12, paths 1, 5 and 6: nobody reaches a secret address or acts on a case alone.
 * - ADMIN administers but is not a placing party; nobody accepts an offer they requested.
 * - An idempotency key of another organisation is just a new request, never theirs.
 * - Cancel is for the requesting organisation; ending a stay for the facility's staff and the requester.
 */
import { Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import {
  DUTCH_WOMAN,
  facilityOf,
  PlacementClient,
  SATURDAY_NIGHT,
  startPlacementApp,
  stopApp,
  token,
} from '../placement/support';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';

describe('cases are acted on by their own parties (issue 12: 1, 5, 6)', () => {
  const clock = new FixedClock(SATURDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let vo: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    [vo] = await insertFacilities(database.dataSource, [facilityOf(ShelterType.VROUWENOPVANG, 5, { secretAddress: true })], {
      now: SATURDAY_NIGHT,
    });
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
  });
  afterAll(() => stopApp(api, database));

  const code = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;

  it("2 — an ADMIN can neither set nor confirm a secret shelter's counts (they, and their version, would be read back)", async () => {
    const admin = await token.admin();
    const set = await client.raw(
      `mutation { updateCapacity(input: { facilityId: "${vo.id}", total: 5, occupied: 0, outOfService: 0, expectedVersion: 999 }) { id } }`,
      admin,
      {},
    );
    expect(set.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(set)).not.toMatch(/version \d|now \d/);
    const confirmed = await client.raw(`mutation { confirmCapacity(facilityId: "${vo.id}") { id } }`, admin, {});
    expect(code(confirmed)).toBe('FORBIDDEN');
    // Its own staff keep them.
    const staff = await token.staff(vo.id);
    expect(code(await client.raw(`mutation { confirmCapacity(facilityId: "${vo.id}") { id } }`, staff, {}))).toBeUndefined();
  });

  it('1 — an ADMIN token can neither request a placement nor answer an offer', async () => {
    const admin = await token.admin();
    const requested = await client.raw(
      `mutation($input: PlacementRequestInput!) { requestPlacement(input: $input) { id facility { address } } }`,
      admin,
      { input: { profile: { ...DUTCH_WOMAN, threatLevel: 'HIGH' }, urgency: 'ACUTE', regionCode: 'RR' } },
    );
    expect(code(requested)).toBe('FORBIDDEN');
    const coordinator = await token.coordinator();
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    const answered = await client.raw(
      `mutation { respondToOffer(input: { requestId: "${request.id}", accept: true }) { id } }`,
      admin,
      {},
    );
    expect(code(answered)).toBe('FORBIDDEN');
    expect(JSON.stringify(answered)).not.toContain('address');
  });

  it('1 — nobody accepts an offer they requested themselves (one person with two roles)', async () => {
    const asCoordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'blijf', regions: ['RR'], sub: 'person-7' });
    const asStaff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'blijf', facilityIds: [vo.id], sub: 'person-7' });
    const request = await client.request(asCoordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' });
    await client.waitForStatus(asCoordinator, request.id, ['OFFERED']);
    const own = await client.raw(
      `mutation { respondToOffer(input: { requestId: "${request.id}", accept: true }) { id } }`,
      asStaff,
      {},
    );
    expect(code(own)).toBe('FORBIDDEN');
    // Nor with the subject spelt another way (case, a trailing space).
    const respelt = await tokenFor({ role: Role.SHELTER_STAFF, org: 'blijf', facilityIds: [vo.id], sub: 'PERSON-7 ' });
    expect(
      code(
        await client.raw(`mutation { respondToOffer(input: { requestId: "${request.id}", accept: true }) { id } }`, respelt, {}),
      ),
    ).toBe('FORBIDDEN');
    expect((await client.accept(await token.staff(vo.id), request.id)).status).toBe('ACCEPTED');
  });

  it('5 — another organisation’s clientReference is just a new request, never theirs', async () => {
    const police = await token.police('avim-rotterdam');
    const first = await client.noodbed(police, { profile: DUTCH_WOMAN, clientReference: 'avim-2026-77' });
    const coordinator = await token.coordinator();
    const replay = await client.request(coordinator, { profile: DUTCH_WOMAN, clientReference: 'avim-2026-77' });
    expect(replay.id).not.toBe(first.id);
    expect(JSON.stringify(replay)).not.toContain(first.id);
  });

  it('6 — an ADMIN cancels a request only by break-glass: with a reason, audited, the held place released', async () => {
    const coordinator = await token.coordinator();
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    const admin = await token.admin();
    const cancel = (reason: string) =>
      client.raw(
        `mutation($id: ID!, $reason: String!) { cancelPlacementRequest(requestId: $id, reason: $reason) { status } }`,
        admin,
        {
          id: request.id,
          reason,
        },
      );
    // A reason a reviewer can read: not a word too short, nor zero-width spaces or a row of dots (red team).
    for (const unreadable of ['dubbel', '\u200b'.repeat(11), '\u2060'.repeat(11), '...........']) {
      expect((await cancel(unreadable)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    }
    expect((await client.get(coordinator, request.id)).status).toBe('OFFERED');

    const cancelled = await cancel('requester unreachable for 3 days; the shelter asked to free the place');
    expect((cancelled.data as unknown as { cancelPlacementRequest: { status: string } }).cancelPlacementRequest.status).toBe(
      'CANCELLED',
    );
    const audited: { action: string; detail: string }[] = await database.dataSource.query(
      `SELECT action, detail FROM audit_log WHERE request_id = $1 AND action = 'placement.break-glass-cancel'`,
      [request.id],
    );
    expect(audited).toEqual([
      { action: 'placement.break-glass-cancel', detail: expect.stringContaining('requester unreachable') },
    ]);
    // A refused break-glass cancel (already cancelled) leaves no break-glass row behind.
    expect((await cancel('once more, to be sure it is gone')).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const [{ count }] = await database.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE request_id = $1 AND action = 'placement.break-glass-cancel'`,
      [request.id],
    );
    expect(count).toBe(1);
    const seen = await client.get(coordinator, request.id);
    expect(seen.history.at(-1)!.note).toContain('break-glass');
    expect(seen.allocations.map((allocation) => allocation.state)).toEqual(['RELEASED']);
  });

  it('6 — a zorgcoördinator of another organisation can neither cancel the police’s request nor end the police’s placement', async () => {
    const police = await token.police('avim-rotterdam');
    const answer = await client.noodbed(police, { profile: DUTCH_WOMAN });
    const other = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-elders', regions: ['RR'] });
    const cancelled = await client.raw(
      `mutation { cancelPlacementRequest(requestId: "${answer.id}", reason: "not mine") { id } }`,
      other,
      {},
    );
    expect(code(cancelled)).toBe('FORBIDDEN');
    const staff = await token.staff(vo.id);
    await client.accept(staff, answer.id);
    await client.arrive(staff, answer.id);
    const ended = await client.raw(`mutation { endPlacement(requestId: "${answer.id}", reason: "not mine") { id } }`, other, {});
    expect(code(ended)).toBe('FORBIDDEN');
    expect((await client.get(police, answer.id)).status).toBe('PLACED');
    expect((await client.end(police, answer.id, 'moved on')).status).toBe('ENDED');
  });

  it('9 — bad input that used to be a 500 is a clear error naming the field', async () => {
    const coordinator = await token.coordinator();
    const nul = await client.raw(
      `mutation($input: PlacementRequestInput!) { requestPlacement(input: $input) { id } }`,
      coordinator,
      { input: { profile: DUTCH_WOMAN, urgency: 'PLANNED', regionCode: 'RR', clientReference: 'ref\u0000x' } },
    );
    expect(nul.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clientReference' });
    const audit = await client.raw(`{ auditLog(after: "9999999999999999999") { id } }`, await token.admin(), {});
    expect(audit.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('2 — who at a secret facility accepted is "facility staff" to anyone who may not locate it, never its organisation', async () => {
    const coordinator = await token.coordinator();
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    const staff = await tokenFor({
      role: Role.SHELTER_STAFF,
      org: 'blijf-den-helder',
      facilityIds: [vo.id],
      sub: 'staff-1@blijf-den-helder',
    });
    await client.accept(staff, request.id);
    const accepted = (view: { history: { status: string; by: string }[] }) =>
      view.history.find((h) => h.status === 'ACCEPTED')!.by;
    expect(accepted(await client.get(await token.comensha(), request.id))).toBe('facility staff');
    expect(accepted(await client.get(staff, request.id))).toBe('staff-1@blijf-den-helder');
    // The requester may know the place once its staff accepted (domain.md §6).
    expect(accepted(await client.get(coordinator, request.id))).toBe('staff-1@blijf-den-helder');
  });
});
