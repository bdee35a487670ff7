import { verifyAuditLog } from '@opvangplek/access/audit/audit-sealer';
import { Role } from '@opvangplek/domain';
import { errorCodes, gql } from '../support/graphql-client';
import { insertFacilities, newFacility } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_AUDIT_KEY } from '../support/test-config';
import { tokenFor } from '../support/tokens';

type Entry = {
  action: string;
  actorRole: string;
  actorOrg: string;
  facilityId: string | null;
  detail: string | null;
  sealed: boolean;
};

describe('audit log', () => {
  let database: TestDatabase;
  let api: TestApp;
  let facility: { id: string };
  let admin: string;
  // The app's own key: it signs each row it writes with a key derived from it.
  const chain = { key: Buffer.from(TEST_AUDIT_KEY, 'base64'), anchorFile: null };

  const entries = async (filter: Record<string, unknown> = {}) =>
    (
      await gql<{ auditLog: Entry[] }>(
        api.url,
        'query A($f: AuditLogFilter) { auditLog(filter: $f, first: 100) { action actorRole actorOrg facilityId detail sealed } }',
        {
          token: admin,
          variables: { f: filter },
        },
      )
    ).data!.auditLog;

  beforeAll(async () => {
    database = await createTestDatabase();
    [facility] = await insertFacilities(database.dataSource, [newFacility()]);
    api = await startTestApp(database.url);
    admin = await tokenFor({ role: Role.ADMIN, org: 'beheer' });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('records every capacity change with who, role and organisation, in the same transaction', async () => {
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [facility.id] });
    await gql(api.url, 'mutation { confirmCapacity(facilityId: "' + facility.id + '") { id } }', { token: staff });
    expect(await entries({ action: 'capacity.confirm' })).toEqual([
      expect.objectContaining({
        action: 'capacity.confirm',
        actorRole: 'SHELTER_STAFF',
        actorOrg: expect.stringMatching(/^shelter-/),
        facilityId: facility.id,
      }),
    ]);
  });

  it("shows a secret shelter's staff to ADMIN by pseudonym only, and a guessed organisation name finds none of their rows (issue 12: audit views)", async () => {
    const [secret] = await insertFacilities(database.dataSource, [newFacility({ secretAddress: true })]);
    const staff = await tokenFor({
      role: Role.SHELTER_STAFF,
      org: 'blijf-den-helder',
      sub: 'staff-1@blijf-den-helder',
      facilityIds: [secret.id],
    });
    await gql(api.url, `mutation { confirmCapacity(facilityId: "${secret.id}") { id } }`, { token: staff });
    const rows = (await entries({ action: 'capacity.confirm' })).filter((row) => row.facilityId === secret.id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(await entries())).not.toMatch(/helder/i);

    // The organisation's real name, guessed, matches nothing; its pseudonym finds its rows.
    expect(await entries({ actorOrg: 'blijf-den-helder' })).toEqual([]);
    expect((await entries({ actorOrg: rows[0].actorOrg })).map((row) => row.facilityId)).toEqual([secret.id]);
    expect(await entries({ actorOrg: 'shelter-nonexistent0' })).toEqual([]);
    expect(await entries({ actorOrg: 'testzorg' })).toEqual([]);
  });

  it("withholds a secret-address facility's counts from ADMIN in capacity rows; a public facility's are shown (issue 12, F5)", async () => {
    const [secret, open] = await insertFacilities(database.dataSource, [
      newFacility({ secretAddress: true }),
      newFacility({ secretAddress: false }),
    ]);
    for (const target of [secret, open]) {
      const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: `zorg-${target.id.slice(0, 4)}`, facilityIds: [target.id] });
      const [{ version }] = await database.dataSource.query('SELECT version FROM capacity WHERE facility_id = $1', [target.id]);
      const updated = await gql(
        api.url,
        `mutation { updateCapacity(input: { facilityId: "${target.id}", expectedVersion: ${version}, total: 14, occupied: 10, outOfService: 0 }) { id } }`,
        { token: staff },
      );
      expect(updated.errors).toBeUndefined();
      await gql(api.url, `mutation { confirmCapacity(facilityId: "${target.id}") { id } }`, { token: staff });
    }
    const rows = (await entries()).filter((row) => row.action.startsWith('capacity.'));
    const at = (id: string) => rows.filter((row) => row.facilityId === id).map((row) => [row.action, row.detail]);
    expect(at(secret.id)).toEqual([
      ['capacity.confirm', 'counts withheld (secret address)'],
      ['capacity.update', 'counts withheld (secret address)'],
    ]);
    expect(JSON.stringify(at(secret.id))).not.toMatch(/total=|occupied=|14|10/);
    expect(at(open.id)).toEqual([
      ['capacity.confirm', expect.stringMatching(/^v\d+ total=14 occupied=10 held=0 outOfService=0$/)],
      ['capacity.update', expect.stringMatching(/^v\d+ total=14 occupied=10 held=0 outOfService=0$/)],
    ]);
    // The stored row is unchanged: it is chained as written.
    const [stored] = await database.dataSource.query(
      "SELECT detail FROM audit_log WHERE facility_id = $1 AND action = 'capacity.update'",
      [secret.id],
    );
    expect(stored.detail).toMatch(/total=14 occupied=10/);
  });

  it('records failed authentications and FORBIDDEN refusals, without the token', async () => {
    await gql(api.url, '{ me { role } }', { token: 'not-a-token' });
    const police = await tokenFor({ role: Role.POLICE, org: 'avim-rotterdam' });
    expect(
      errorCodes(await gql(api.url, 'mutation { confirmCapacity(facilityId: "' + facility.id + '") { id } }', { token: police })),
    ).toEqual(['FORBIDDEN']);
    await new Promise((resolve) => setTimeout(resolve, 200)); // refusals are written after the answer
    const failures = await entries({ action: 'auth.failure' });
    expect(failures[0]).toMatchObject({ actorRole: 'NONE', detail: expect.stringContaining('me:') });
    expect(JSON.stringify(failures)).not.toContain('not-a-token');
    expect(await entries({ action: 'access.forbidden' })).toEqual([
      expect.objectContaining({
        actorRole: 'POLICE',
        actorOrg: 'avim-rotterdam',
        detail: expect.stringContaining('confirmCapacity'),
      }),
    ]);
  });

  it('records that a profile was matched, by whom, but never the profile', async () => {
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc', regions: ['RR'] });
    await gql(
      api.url,
      '{ matchFacilities(profile: { gender: FEMALE, age: 31, exploitationTypes: [SEXUAL], foundInMunicipality: "Schiedam" }) { matchCount } }',
      {
        token: coordinator,
      },
    );
    const [row] = await entries({ action: 'profile.match' });
    expect(row).toMatchObject({ actorRole: 'ZORGCOORDINATOR', actorOrg: 'zc' });
    const everything = JSON.stringify(await database.dataSource.query('SELECT * FROM audit_log'));
    expect(everything).not.toMatch(/Schiedam|"31"|SEXUAL/);
  });

  it('records every placement state change with the actor, and not the free-text notes', async () => {
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rr', regions: ['RR'] });
    const submitted = await gql<{ requestPlacement: { id: string } }>(
      api.url,
      'mutation { requestPlacement(input: { profile: { gender: FEMALE, age: 30, exploitationTypes: [SEXUAL], residenceStatus: DUTCH }, urgency: PLANNED, regionCode: "RR" }) { id } }',
      { token: coordinator },
    );
    const requestId = submitted.data!.requestPlacement.id;
    await gql(
      api.url,
      `mutation { cancelPlacementRequest(requestId: "${requestId}", reason: "de vrouw is naar familie in Gouda") { id } }`,
      { token: coordinator },
    );
    const rows = await entries({ requestId });
    expect(rows.map((row) => [row.action, row.detail, row.actorRole, row.actorOrg])).toEqual([
      ['placement.status', 'CANCELLED', 'ZORGCOORDINATOR', 'zorgcoordinatie-rr'],
      ['placement.status', 'RECEIVED', 'ZORGCOORDINATOR', 'zorgcoordinatie-rr'],
    ]);
    expect(JSON.stringify(await database.dataSource.query('SELECT * FROM audit_log'))).not.toContain('Gouda');

    // The note itself is encrypted at rest, and readable again in the request's history.
    const stored: { note: string }[] = await database.dataSource.query(
      'SELECT note FROM placement_events WHERE request_id = $1 AND note IS NOT NULL',
      [requestId],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].note).toMatch(/^v1\./);
    expect(stored[0].note).not.toContain('Gouda');
    const history = await gql<{ placementRequest: { history: { note: string | null }[] } }>(
      api.url,
      `{ placementRequest(id: "${requestId}") { history { note } } }`,
      {
        token: coordinator,
      },
    );
    expect(history.data!.placementRequest.history.map((event) => event.note)).toContain(
      'cancelled: de vrouw is naar familie in Gouda',
    );
  });

  it('is only for ADMIN', async () => {
    const planner = await tokenFor({ role: Role.PLANNER, org: 'gemeente' });
    expect(errorCodes(await gql(api.url, '{ auditLog { action } }', { token: planner }))).toEqual(['FORBIDDEN']);
  });

  it('is append-only: the database refuses to change or delete a row', async () => {
    await expect(database.dataSource.query(`UPDATE audit_log SET detail = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(database.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(database.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it("chains every row; verification finds a row changed or removed behind the trigger's back", async () => {
    const intact = await verifyAuditLog(database.dataSource, chain);
    expect(intact.broken).toBeNull();
    expect(intact.rows).toBeGreaterThanOrEqual(5);
    expect((await entries()).every((entry) => entry.sealed)).toBe(true);

    // Someone with the power to disable triggers edits a row: the chain shows it.
    await database.dataSource.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    const [{ id, actor_org: original }] = await database.dataSource.query('SELECT id, actor_org FROM audit_log WHERE seq = 2');
    await database.dataSource.query(`UPDATE audit_log SET actor_org = 'someone-else' WHERE id = $1`, [id]);
    expect((await verifyAuditLog(database.dataSource, chain)).broken).toEqual({
      id,
      problem: expect.stringContaining('content does not match'),
    });

    await database.dataSource.query('UPDATE audit_log SET actor_org = $2 WHERE id = $1', [id, original]);
    expect((await verifyAuditLog(database.dataSource, chain)).broken).toBeNull();
    await database.dataSource.query('DELETE FROM audit_log WHERE seq = 3');
    expect((await verifyAuditLog(database.dataSource, chain)).broken?.problem).toMatch(/removed/);
    await database.dataSource.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  });
});
