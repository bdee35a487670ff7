import { SweepJob } from '@opvangplek/placement';
import { FIELD_CIPHER, type FieldCipher } from '@opvangplek/platform/crypto/field-cipher';
import { sealContext } from '@opvangplek/platform/crypto/request-seal-context';
import { Role } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { gql } from '../support/graphql-client';
import { insertFacilities, newFacility } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

const DAY = 24 * 3_600_000;
const PROFILE =
  '{ gender: FEMALE, age: 24, exploitationTypes: [SEXUAL], residenceStatus: DUTCH, foundInMunicipality: "Vlaardingen", languages: ["pl"] }';

/** Retention (issue: privacy): profiles and notes are erased 90 days after a request ends; anonymous facts stay. */
describe('retention of personal data', () => {
  const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
  let database: TestDatabase;
  let api: TestApp;
  let coordinator: string;

  const submit = async (reference: string) =>
    (
      await gql<{ requestPlacement: { id: string } }>(
        api.url,
        `mutation { requestPlacement(input: { profile: ${PROFILE}, urgency: PLANNED, regionCode: "RR", clientReference: "${reference}" }) { id } }`,
        { token: coordinator },
      )
    ).data!.requestPlacement.id;
  // The stored row, its sealed columns opened as the application opens them (issue 12: sealed at rest).
  const row = async (id: string) => {
    const [stored] = await database.dataSource.query(
      'SELECT profile, facts, profile_erased_at, client_reference, client_reference_lookup, members FROM placement_requests WHERE id = $1',
      [id],
    );
    const cipher = api.app.get<FieldCipher>(FIELD_CIPHER);
    const open = (column: 'profile' | 'facts' | 'members' | 'client_reference') =>
      stored[column] === null ? null : cipher.openJson(stored[column], sealContext(column, id));
    return {
      ...stored,
      profile: open('profile'),
      facts: open('facts'),
      members: open('members'),
      client_reference: open('client_reference'),
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertFacilities(database.dataSource, [newFacility({ capacity: { total: 1, occupied: 1, held: 0, outOfService: 0 } })]);
    api = await startTestApp(database.url, { clock });
    coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc', regions: ['RR'] });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it("keeps a cancelled request's profile for 90 days, then keeps only the anonymous facts", async () => {
    const cancelled = await submit('r-1');
    const active = await submit('r-2');
    await gql(
      api.url,
      `mutation { cancelPlacementRequest(requestId: "${cancelled}", reason: "naar familie in Schiedam") { id } }`,
      { token: coordinator },
    );
    const sweeper = api.app.get(SweepJob);

    clock.advance(89 * DAY);
    await sweeper.sweep();
    expect((await row(cancelled)).profile).toMatchObject({ foundInMunicipality: 'Vlaardingen' });

    clock.advance(2 * DAY);
    const report = await sweeper.sweep();
    expect(report.erased).toBe(1);
    const erased = await row(cancelled);
    expect(erased.profile).toBeNull();
    // The caller's own free-text reference goes with the profile (issue 12, path 9).
    expect(erased.client_reference).toBeNull();
    expect(erased.client_reference_lookup).toBeNull();
    expect(erased.members).toBeNull();
    expect(erased.facts).toEqual({
      gender: 'FEMALE',
      ageBand: '23-29',
      exploitationTypes: ['SEXUAL'],
      residenceStatus: 'DUTCH',
      careNeeds: [],
      groupSize: 1,
      withChildren: false,
    });
    expect(new Date(erased.profile_erased_at)).toEqual(clock.now());
    const notes: { note: string | null; code: string | null; params: string | null }[] = await database.dataSource.query(
      'SELECT note, note_code AS code, note_params AS params FROM placement_events WHERE request_id = $1',
      [cancelled],
    );
    // The note's values (a typed reason among them) go with it.
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((event) => event.note === null && event.code === null && event.params === null)).toBe(true);
    const statuses = await database.dataSource.query('SELECT status FROM placement_events WHERE request_id = $1 ORDER BY id', [
      cancelled,
    ]);
    expect(statuses.map((event: { status: string }) => event.status)).toEqual(['RECEIVED', 'CANCELLED']); // the history of events stays
    const audit = await database.dataSource.query(
      `SELECT action, detail FROM audit_log WHERE request_id = $1 AND action = 'placement.erasure'`,
      [cancelled],
    );
    expect(audit).toEqual([{ action: 'placement.erasure', detail: 'retention: 90 days' }]);

    // A request still open keeps its profile, however old.
    expect((await row(active)).profile).toMatchObject({ foundInMunicipality: 'Vlaardingen' });
    expect((await row(active)).client_reference).toBe('r-2');
    // Erasing again changes nothing.
    expect((await sweeper.sweep()).erased).toBe(0);
  });
});
