/**
 * Issue 12: "profiles are encrypted at rest like notes, so a database dump holds no special-category
 * data in clear". Requests (one woman, one group given as its members) go through GraphQL and the
 * worker as usual; then every table of every schema is read as a dump holder would read it, and
 * nothing of the profiles is there in clear, while the API still shows and matches on them. A
 * profile's ciphertext copied to another request does not open there. Rows already stored in clear
 * when the migration runs are sealed by it.
 *
 * The caller's clientReference (free text of the caller's system: it may carry a name or another
 * system's case number) is held to the same: sealed, and found for a retry by a keyed lookup value
 * only (HMAC of organisation and reference), so idempotency still works, per organisation, under
 * concurrent submissions, and across a NOTES_KEY rotation.
 */
import { CareNeed, Gender, ShelterType } from '@opvangplek/domain';
import { SweepJob } from '@opvangplek/placement';
import { FixedClock } from '@opvangplek/platform/clock';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import { FIELD_CIPHER, FieldCipher } from '@opvangplek/platform/crypto/field-cipher';
import { CLIENT_REFERENCE_LOOKUP, sealContext } from '@opvangplek/platform/crypto/request-seal-context';
import { dataSourceOptions, migrateDatabase } from '@opvangplek/platform/database';
import { MIGRATIONS } from '@opvangplek/platform/database/migrations';
import { EncryptedProfiles1796300000000 } from '@opvangplek/platform/database/migrations/1796300000000-EncryptedProfiles';
import { SealedClientReference1796600000000 } from '@opvangplek/platform/database/migrations/1796600000000-SealedClientReference';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { insertFacilities } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { facilityOf, PlacementClient, type RequestView, startPlacementApp, stopApp, token } from '../placement/support';
import { ENTITIES } from '@opvangplek/composition';

/** Wednesday 2 December 2026, 10:00 in Amsterdam. */
const NOW = new Date('2026-12-02T09:00:00.000Z');

/** Distinctive values: none of them may be found anywhere in the database after the requests. */
const WOMAN = {
  gender: 'FEMALE',
  age: 37,
  exploitationTypes: ['SEXUAL'],
  residenceStatus: 'DUTCH',
  careNeeds: ['ADDICTION'],
  languages: ['xq'],
  foundInMunicipality: 'Oudewater',
};
const labour = { exploitationTypes: ['LABOUR'], residenceStatus: 'EU_CITIZEN', languages: ['xq'] };
const MEMBERS = [
  { label: 'Zwaluw7Q', profile: { gender: 'MALE', age: 37, ...labour } },
  { label: 'Merel9X', profile: { gender: 'MALE', age: 41, ...labour } },
  { label: 'Kievit3J', profile: { gender: 'FEMALE', minor: true, ...labour } },
];
/** The callers' own references (another system's case numbers): never in a dump in clear either. */
const REFERENCE = 'RT-COM-Zilvermeeuw4471';
const GROUP_REFERENCE = 'NLA-Zilvermeeuw4471-inval';

/**
 * What a profile, its members or its facts look like in clear, in a column's text with all white
 * space removed: field names (they appear in no other table) and the distinctive values.
 */
const NEEDLES = [
  '"careNeeds"',
  '"languages"',
  '"exploitationTypes"',
  '"residenceStatus"',
  '"foundInMunicipality"',
  '"ageBand"',
  '"withChildren"',
  '"minor"',
  '"age":37',
  '"age":41',
  '"xq"',
  'Zwaluw7Q',
  'Merel9X',
  'Kievit3J',
  'Zilvermeeuw4471',
  'Oudewater',
  'ADDICTION',
  'MINOR',
  '30-39',
];

/** Every table of every schema, each column as it is stored (text as is, anything else as JSON), per needle: the rows holding it. */
async function dumpHits(dataSource: DataSource): Promise<Map<string, string[]>> {
  const tables: { schema: string; name: string }[] = await dataSource.query(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const hits = new Map<string, string[]>();
  for (const table of tables) {
    const rows: { row: Record<string, unknown> }[] = await dataSource.query(
      `SELECT row_to_json(t) AS row FROM "${table.schema}"."${table.name}" t`,
    );
    rows.forEach(({ row }, i) => {
      for (const [column, value] of Object.entries(row)) {
        const text = (typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s+/g, '');
        for (const needle of NEEDLES) {
          if (!text.includes(needle)) continue;
          const key = String(row.id ?? row.code ?? i);
          hits.set(needle, [...(hits.get(needle) ?? []), `${table.schema}.${table.name}[${key}].${column}`]);
        }
      }
    });
  }
  return hits;
}

const BREAK_GLASS = `mutation B($id: ID!) {
  breakGlassProfile(requestId: $id, reason: "issue 12 test: profile at rest") { gender age careNeeds languages foundInMunicipality }
}`;
const SUMMARY = `query S($id: ID!) { placementRequest(id: $id) {
  id status responsibleMunicipality facility { id } history { note noteCode noteParams { reason } }
  profileSummary { ageBand careNeeds languages members { label ageBand } }
  groupParts { id status profileSummary { members { label ageBand } } }
} }`;

type Summary = {
  id: string;
  status: string;
  responsibleMunicipality: string | null;
  facility: { id: string } | null;
  profileSummary: {
    ageBand: string;
    careNeeds: string[];
    languages: string[];
    members: { label: string; ageBand: string }[];
  } | null;
  groupParts: { id: string; status: string; profileSummary: { members: { label: string; ageBand: string }[] } | null }[];
};

describe('profiles at rest (issue 12)', () => {
  const clock = new FixedClock(NOW);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let addictionCare: { id: string };
  let before: Map<string, string[]>;
  let woman: RequestView;
  let group: Summary;

  const summary = async (id: string, tokenValue: string) =>
    (await gql<{ placementRequest: Summary }>(api.url, SUMMARY, { token: tokenValue, variables: { id } })).data!.placementRequest;

  beforeAll(async () => {
    database = await createTestDatabase();
    [addictionCare] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 2, {
          eligibility: { genders: [Gender.FEMALE], acceptsCareNeeds: [CareNeed.ADDICTION] },
        }),
        facilityOf(ShelterType.VROUWENOPVANG, 5, { eligibility: { genders: [Gender.FEMALE], acceptsCareNeeds: [CareNeed.LVB] } }),
        facilityOf(ShelterType.NLA_CRISIS, 16, { total: 20, maxStayDays: 14, eligibility: { maxGroupSize: 16 } }),
        facilityOf(ShelterType.JEUGDZORG, 2, { eligibility: { minAge: 12, maxAge: 17 } }),
      ],
      { now: NOW },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    before = await dumpHits(database.dataSource);

    const submitted = await client.request(await token.coordinator(), {
      profile: WOMAN,
      urgency: 'URGENT',
      regionCode: 'RR',
      clientReference: REFERENCE,
    });
    woman = await client.waitForStatus(await token.coordinator(), submitted.id, ['OFFERED']);
    const raid = await gql<{ requestPlacement: { id: string } }>(
      api.url,
      `mutation G($input: PlacementRequestInput!) { requestPlacement(input: $input) { id } }`,
      {
        token: await token.nla(),
        variables: {
          input: {
            profile: { ...MEMBERS[0].profile },
            urgency: 'ACUTE',
            regionCode: 'RR',
            members: MEMBERS,
            clientReference: GROUP_REFERENCE,
          },
        },
      },
    );
    const groupId = raid.data!.requestPlacement.id;
    await client.waitForStatus(await token.nla(), groupId, ['OFFERED', 'WAITING']);
    group = await summary(groupId, await token.nla());
    for (const part of group.groupParts) await client.waitForStatus(await token.nla(), part.id, ['OFFERED', 'WAITING']);
  });
  afterAll(() => stopApp(api, database));

  it('issue 12: a dump of every table holds no profile, member, fact or clientReference in clear', async () => {
    const after = await dumpHits(database.dataSource);
    const added = NEEDLES.flatMap((needle) => {
      const was = new Set(before.get(needle) ?? []);
      return (after.get(needle) ?? []).filter((where) => !was.has(where)).map((where) => `${needle} in ${where}`);
    });
    expect(added).toEqual([]);
    // The scan itself finds a profile stored in clear (in a table made for the purpose).
    await database.dataSource.query(
      'CREATE TABLE scan_control (id uuid PRIMARY KEY, profile jsonb, members text, client_reference varchar(120))',
    );
    await database.dataSource.query('INSERT INTO scan_control VALUES ($1, $2, $3, $4)', [
      randomUUID(),
      JSON.stringify(WOMAN),
      JSON.stringify(MEMBERS),
      REFERENCE,
    ]);
    try {
      const control = await dumpHits(database.dataSource);
      expect(NEEDLES.filter((needle) => !control.get(needle)?.some((where) => where.startsWith('public.scan_control')))).toEqual([
        '"ageBand"',
        '"withChildren"',
        'MINOR',
        '30-39',
      ]);
    } finally {
      await database.dataSource.query('DROP TABLE scan_control');
    }
    // And they are really there, sealed: one per request for the profile and the facts.
    const rows: { profile: string; facts: string; members: string | null }[] = await database.dataSource.query(
      'SELECT profile, facts, members FROM placement_requests',
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row.profile).toMatch(/^f1\.[0-9a-f]{8}\./);
      expect(row.facts).toMatch(/^f1\.[0-9a-f]{8}\./);
    }
    expect(rows.filter((row) => row.members !== null).length).toBeGreaterThanOrEqual(2);
    // The references: sealed, and their lookup a keyed value, not one a dump holder can compute
    // from a guess (neither a plain hash of the reference nor of organisation and reference).
    const references: { id: string; org: string; client_reference: string; client_reference_lookup: string }[] =
      await database.dataSource.query(
        `SELECT id, requested_by_org AS org, client_reference, client_reference_lookup FROM placement_requests
          WHERE client_reference IS NOT NULL`,
      );
    expect(references.length).toBeGreaterThanOrEqual(3); // hers, and the group's parts (REFERENCE#2, …)
    const cipher = api.app.get<FieldCipher>(FIELD_CIPHER);
    for (const row of references) {
      expect(row.client_reference).toMatch(/^f1\.[0-9a-f]{8}\./);
      expect(row.client_reference_lookup).toMatch(/^[0-9a-f]{64}$/);
      const reference = cipher.openJson<string>(row.client_reference, sealContext('client_reference', row.id));
      expect(reference).toContain('Zilvermeeuw4471');
      expect(row.client_reference_lookup).toBe(cipher.lookup(CLIENT_REFERENCE_LOOKUP, [row.org, reference]));
      const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
      for (const guess of [reference, `${row.org}${reference}`, JSON.stringify([row.org, reference])])
        expect(row.client_reference_lookup).not.toBe(sha256(guess));
    }
  });

  it('issue 12: a retry of the same organisation with the same clientReference is the same request, its reference shown back', async () => {
    const retry = await client.request(await token.coordinator(), {
      profile: WOMAN,
      urgency: 'URGENT',
      regionCode: 'RR',
      clientReference: REFERENCE,
    });
    expect(retry.id).toBe(woman.id);
    expect(retry.clientReference).toBe(REFERENCE);
    const [lookup] = await database.dataSource.query(
      'SELECT count(*)::int AS n FROM placement_requests WHERE client_reference_lookup = $1',
      [api.app.get<FieldCipher>(FIELD_CIPHER).lookup(CLIENT_REFERENCE_LOOKUP, ['zc-rijnmond', REFERENCE])],
    );
    expect(lookup).toEqual({ n: 1 });
  });

  it('issue 12: another organisation with the same clientReference gets a new request, and nothing of the first', async () => {
    const nla = await token.nla();
    const replay = await client.request(nla, { profile: WOMAN, urgency: 'URGENT', regionCode: 'RR', clientReference: REFERENCE });
    expect(replay.id).not.toBe(woman.id);
    expect(replay.clientReference).toBe(REFERENCE);
    expect(JSON.stringify(replay)).not.toContain(woman.id);
    const lookups: { client_reference_lookup: string }[] = await database.dataSource.query(
      'SELECT client_reference_lookup FROM placement_requests WHERE id IN ($1, $2)',
      [woman.id, replay.id],
    );
    // Equal references of two organisations are not equal in the database either.
    expect(new Set(lookups.map((row) => row.client_reference_lookup)).size).toBe(2);
    await client.cancel(nla, replay.id, 'issue 12 test cleanup');
  });

  it('issue 12: the same clientReference submitted at once through two API processes is one request', async () => {
    // A second API process of the same deployment: the same namespace and data directory, so the same notes key.
    const config = api.app.get<AppConfig>(APP_CONFIG);
    const second = await startTestApp(database.url, {
      clock,
      namespace: config.namespace,
      withWorker: false,
      env: { SWEEP_SECONDS: '3600', DATA_DIR: config.dataDir },
    });
    try {
      const coordinator = await token.coordinator();
      const reference = 'RT-COM-Zilvermeeuw4471-gelijktijdig';
      const clients = [client, new PlacementClient(second.url)];
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          clients[i % 2].request(coordinator, {
            profile: WOMAN,
            urgency: 'PLANNED',
            regionCode: 'RR',
            clientReference: reference,
          }),
        ),
      );
      expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
      const lookup = api.app.get<FieldCipher>(FIELD_CIPHER).lookup(CLIENT_REFERENCE_LOOKUP, ['zc-rijnmond', reference]);
      const rows = await database.dataSource.query('SELECT id FROM placement_requests WHERE client_reference_lookup = $1', [
        lookup,
      ]);
      expect(rows).toEqual([{ id: answers[0].id }]);
      // The eleven refused by the index wrote nothing: no history or audit row of a request never stored.
      const [orphans] = await database.dataSource.query(
        `SELECT (SELECT count(*) FROM placement_events e WHERE NOT EXISTS (SELECT 1 FROM placement_requests r WHERE r.id = e.request_id))::int AS events,
                (SELECT count(*) FROM audit_log a WHERE a.action = 'placement.status' AND NOT EXISTS (SELECT 1 FROM placement_requests r WHERE r.id = a.request_id))::int AS audits`,
      );
      expect(orphans).toEqual({ events: 0, audits: 0 });
      const received = await database.dataSource.query(
        `SELECT count(*)::int AS n FROM placement_events WHERE request_id = $1 AND status = 'RECEIVED'`,
        [answers[0].id],
      );
      expect(received).toEqual([{ n: 1 }]);
      await client.cancel(coordinator, answers[0].id, 'issue 12 test cleanup');
    } finally {
      await second.close();
    }
  });

  it('issue 12: the API still matches on the profile and shows it to those who may see it', async () => {
    // Only the facility that takes her care need was offered.
    expect(woman.facility?.id).toBe(addictionCare.id);
    const shown = await summary(woman.id, await token.coordinator());
    expect(shown.profileSummary).toMatchObject({ ageBand: '30-39', careNeeds: ['ADDICTION'], languages: ['xq'] });
    expect(shown.responsibleMunicipality).toBe('Oudewater');
    const full = await gql<{ breakGlassProfile: Record<string, unknown> }>(api.url, BREAK_GLASS, {
      token: await token.admin(),
      variables: { id: woman.id },
    });
    expect(full.data?.breakGlassProfile).toEqual({
      gender: 'FEMALE',
      age: 37,
      careNeeds: ['ADDICTION'],
      languages: ['xq'],
      foundInMunicipality: 'Oudewater',
    });
    // The group's members, each matched on her own profile: the minor apart, for youth care.
    const labels = [group, ...group.groupParts].flatMap((part) => part.profileSummary?.members ?? []);
    expect(labels).toEqual(
      expect.arrayContaining([
        { label: 'Zwaluw7Q', ageBand: '30-39' },
        { label: 'Merel9X', ageBand: '40+' },
        { label: 'Kievit3J', ageBand: 'MINOR' },
      ]),
    );
  });

  it('issue 12: a profile copied to another request does not open there', async () => {
    const [other] = group.groupParts;
    await database.dataSource.query(
      `UPDATE placement_requests SET profile = (SELECT profile FROM placement_requests WHERE id = $1) WHERE id = $2`,
      [woman.id, other.id],
    );
    const response = await gql<{ breakGlassProfile: Record<string, unknown> }>(api.url, BREAK_GLASS, {
      token: await token.admin(),
      variables: { id: other.id },
    });
    expect(response.data?.breakGlassProfile ?? null).toBeNull();
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(response)).not.toMatch(/ADDICTION|Oudewater|"xq"/);
  });
});

/** A database as it stood before `migration`: every other migration applied, that one still to run. */
async function migrateAllBut(url: string, migration: (typeof MIGRATIONS)[number]): Promise<void> {
  const earlier = new DataSource({
    ...dataSourceOptions(url, { entities: ENTITIES, poolSize: 2 }),
    migrations: MIGRATIONS.filter((other) => other !== migration),
  });
  await earlier.initialize();
  try {
    await migrateDatabase(earlier);
  } finally {
    await earlier.destroy();
  }
}

describe('the EncryptedProfiles migration (issue 12)', () => {
  let database: TestDatabase;
  const key = randomBytes(32);
  const ids = { live: randomUUID(), erased: randomUUID() };

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(() => database.drop());

  it('issue 12: seals the profiles, members and facts already stored in clear, and derives the facts of live requests', async () => {
    await migrateAllBut(database.url, EncryptedProfiles1796300000000);
    const insert = `INSERT INTO placement_requests (id, status, urgency, region_code, profile, members, facts, responsible_municipality,
                                                    requested_by, requested_by_role, requested_by_org)
                    VALUES ($1, $2, 'URGENT', 'RR', $3, $4, $5, $6, 'zc-1', 'ZORGCOORDINATOR', 'zc')`;
    await database.dataSource.query(insert, [
      ids.live,
      'WAITING',
      JSON.stringify(WOMAN),
      JSON.stringify(MEMBERS),
      null,
      'Oudewater',
    ]);
    const erasedFacts = {
      gender: 'MALE',
      ageBand: 'MINOR',
      exploitationTypes: ['LABOUR'],
      residenceStatus: null,
      careNeeds: [],
      withChildren: false,
      groupSize: 1,
    };
    await database.dataSource.query(insert, [ids.erased, 'ENDED', null, null, JSON.stringify(erasedFacts), null]);

    const previous = process.env.NOTES_KEY;
    process.env.NOTES_KEY = key.toString('base64');
    try {
      expect(await migrateDatabase(database.dataSource)).toEqual(['EncryptedProfiles1796300000000']);
    } finally {
      if (previous === undefined) delete process.env.NOTES_KEY;
      else process.env.NOTES_KEY = previous;
    }

    const rows: Record<string, string | null>[] = await database.dataSource.query(
      'SELECT id, profile, members, facts, responsible_municipality FROM placement_requests ORDER BY id',
    );
    for (const row of rows) {
      for (const column of ['profile', 'members', 'facts', 'responsible_municipality'] as const) {
        if (row[column] !== null) expect(row[column]).toMatch(/^f1\.[0-9a-f]{8}\./);
      }
    }
    const cipher = new FieldCipher([key]);
    const live = rows.find((row) => row.id === ids.live)!;
    const erased = rows.find((row) => row.id === ids.erased)!;
    expect(cipher.openJson(live.profile!, sealContext('profile', ids.live))).toEqual(WOMAN);
    expect(cipher.openJson(live.members!, sealContext('members', ids.live))).toEqual(MEMBERS);
    expect(cipher.openJson(live.responsible_municipality!, sealContext('responsible_municipality', ids.live))).toBe('Oudewater');
    expect(cipher.openJson(live.facts!, sealContext('facts', ids.live))).toMatchObject({
      gender: 'FEMALE',
      ageBand: '30-39',
      careNeeds: ['ADDICTION'],
    });
    expect(cipher.openJson(erased.facts!, sealContext('facts', ids.erased))).toEqual(erasedFacts);
    expect(erased.profile).toBeNull();
    // Bound to its row: the live request's profile does not open as the erased one's.
    expect(() => cipher.open(live.profile!, sealContext('profile', ids.erased))).toThrow();
  });
});

describe('rotating NOTES_KEY (issue 12)', () => {
  const clock = new FixedClock(NOW);
  const [oldKey, newKey] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
  let database: TestDatabase;
  let api: TestApp | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertFacilities(database.dataSource, [facilityOf(ShelterType.VROUWENOPVANG, 0)], { now: NOW });
  });
  afterAll(() => stopApp(api, database));

  const restart = async (env: Record<string, string>) => {
    await api?.close();
    api = await startPlacementApp(database.url, clock, env);
    return new PlacementClient(api.url);
  };
  const stored = async (id: string) =>
    (await database.dataSource.query('SELECT profile, facts FROM placement_requests WHERE id = $1', [id]))[0] as {
      profile: string;
      facts: string;
    };
  const keyIdOf = (sealed: string) => sealed.split('.')[1];
  /** Her care needs (break-glass) and the history's note, as the API opens them. */
  const readable = async (id: string) => {
    const profile = await gql<{ breakGlassProfile: { careNeeds: string[] } }>(api!.url, BREAK_GLASS, {
      token: await token.admin(),
      variables: { id },
    });
    type Step = { note: string | null; noteParams: { reason: string | null } | null };
    const history = await gql<{ placementRequest: Summary & { history: Step[] } }>(api!.url, SUMMARY, {
      token: await token.coordinator(),
      variables: { id },
    });
    expect([profile.errors, history.errors]).toEqual([undefined, undefined]);
    return {
      careNeeds: profile.data!.breakGlassProfile.careNeeds,
      note: history.data!.placementRequest.history.find((entry) => entry.note)?.note,
      reason: history.data!.placementRequest.history.find((entry) => entry.note)?.noteParams?.reason,
    };
  };

  it('issue 12: the previous key still opens, the sweep reseals under the new one, and then the old key can go', async () => {
    const client = await restart({ NOTES_KEY: oldKey });
    const { id } = await client.request(await token.coordinator(), { profile: WOMAN, urgency: 'PLANNED', regionCode: 'RR' });
    const oldKeyId = keyIdOf((await stored(id)).profile);
    // A note in its history, sealed under the old key too.
    await gql(api!.url, `mutation { cancelPlacementRequest(requestId: "${id}", reason: "naar familie in Schiedam") { id } }`, {
      token: await token.coordinator(),
    });

    await restart({ NOTES_KEY: newKey, NOTES_KEY_PREVIOUS: oldKey });
    expect(await readable(id)).toEqual({
      careNeeds: ['ADDICTION'],
      note: 'cancelled: naar familie in Schiedam',
      reason: 'naar familie in Schiedam',
    });
    expect((await api!.app.get(SweepJob).sweep()).resealed).toBeGreaterThanOrEqual(1);
    const resealed = await stored(id);
    expect(keyIdOf(resealed.profile)).not.toBe(oldKeyId);
    expect(keyIdOf(resealed.facts)).toBe(keyIdOf(resealed.profile));
    const notes: { note: string; params: string }[] = await database.dataSource.query(
      'SELECT note, note_params AS params FROM placement_events WHERE request_id = $1 AND note IS NOT NULL',
      [id],
    );
    expect(notes.length).toBeGreaterThan(0);
    for (const { note, params } of notes) {
      expect(note.startsWith(`v1.${keyIdOf(resealed.profile)}.`)).toBe(true);
      // The note's values hold the typed reason too: resealed with it.
      expect(params.startsWith(`v1.${keyIdOf(resealed.profile)}.`)).toBe(true);
    }
    expect(await api!.app.get(SweepJob).sweep()).toMatchObject({ resealed: 0 });

    await restart({ NOTES_KEY: newKey });
    expect(await readable(id)).toEqual({
      careNeeds: ['ADDICTION'],
      note: 'cancelled: naar familie in Schiedam',
      reason: 'naar familie in Schiedam',
    });
  });

  it('issue 12: a clientReference stored under the previous key is still found for a retry, and moves to the new key with the sweep', async () => {
    const reference = async (id: string) =>
      (
        await database.dataSource.query(
          'SELECT client_reference AS sealed, client_reference_lookup AS lookup FROM placement_requests WHERE id = $1',
          [id],
        )
      )[0] as { sealed: string; lookup: string };
    const count = async () =>
      (await database.dataSource.query('SELECT count(*)::int AS n FROM placement_requests'))[0].n as number;
    const input = { profile: WOMAN, urgency: 'PLANNED', regionCode: 'RR', clientReference: 'RT-COM-rotatie-0007' };
    const coordinator = await token.coordinator();

    let client = await restart({ NOTES_KEY: oldKey });
    const first = await client.request(coordinator, input);
    await client.waitForStatus(coordinator, first.id, ['WAITING']);
    const before = await reference(first.id);
    const rows = await count();

    client = await restart({ NOTES_KEY: newKey, NOTES_KEY_PREVIOUS: oldKey });
    // Still under the old key's lookup, which the unique index does not compare with the new key's: found by looking.
    expect((await reference(first.id)).lookup).toBe(before.lookup);
    const retry = await client.request(coordinator, input);
    expect([retry.id, retry.clientReference, await count()]).toEqual([first.id, 'RT-COM-rotatie-0007', rows]);

    expect((await api!.app.get(SweepJob).sweep()).resealed).toBeGreaterThanOrEqual(1);
    const after = await reference(first.id);
    expect(keyIdOf(after.sealed)).not.toBe(keyIdOf(before.sealed));
    expect(after.lookup).not.toBe(before.lookup);
    expect(after.lookup).toBe(
      new FieldCipher([Buffer.from(newKey, 'base64')]).lookup(CLIENT_REFERENCE_LOOKUP, ['zc-rijnmond', input.clientReference]),
    );

    client = await restart({ NOTES_KEY: newKey });
    const again = await client.request(coordinator, input);
    expect([again.id, again.clientReference, await count()]).toEqual([first.id, 'RT-COM-rotatie-0007', rows]);
    await client.cancel(coordinator, first.id, 'issue 12 test cleanup');
  });
});

describe('the SealedClientReference migration (issue 12)', () => {
  let database: TestDatabase;
  const key = randomBytes(32);
  const ids = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(() => database.drop());

  it('issue 12: seals the clientReferences stored in clear and gives each its keyed lookup, unique per organisation', async () => {
    await migrateAllBut(database.url, SealedClientReference1796600000000);
    const insert = `INSERT INTO placement_requests (id, status, urgency, region_code, client_reference, requested_by, requested_by_role, requested_by_org)
                    VALUES ($1, 'WAITING', 'URGENT', 'RR', $2, 'x-1', $3, $4)`;
    // The same reference from two organisations, and one request without a reference.
    await database.dataSource.query(insert, [ids[0], REFERENCE, 'ZORGCOORDINATOR', 'zc-rijnmond']);
    await database.dataSource.query(insert, [ids[1], REFERENCE, 'POLICE', 'avim-rotterdam']);
    await database.dataSource.query(insert, [ids[2], null, 'POLICE', 'avim-rotterdam']);

    const previous = process.env.NOTES_KEY;
    process.env.NOTES_KEY = key.toString('base64');
    try {
      expect(await migrateDatabase(database.dataSource)).toEqual(['SealedClientReference1796600000000']);
    } finally {
      if (previous === undefined) delete process.env.NOTES_KEY;
      else process.env.NOTES_KEY = previous;
    }

    const rows: { id: string; org: string; sealed: string | null; lookup: string | null }[] = await database.dataSource.query(
      `SELECT id, requested_by_org AS org, client_reference AS sealed, client_reference_lookup AS lookup FROM placement_requests`,
    );
    const cipher = new FieldCipher([key]);
    for (const id of ids.slice(0, 2)) {
      const row = rows.find((candidate) => candidate.id === id)!;
      expect(row.sealed).toMatch(/^f1\.[0-9a-f]{8}\./);
      expect(cipher.openJson(row.sealed!, sealContext('client_reference', id))).toBe(REFERENCE);
      expect(row.lookup).toBe(cipher.lookup(CLIENT_REFERENCE_LOOKUP, [row.org, REFERENCE]));
    }
    expect(rows.find((row) => row.id === ids[2])).toMatchObject({ sealed: null, lookup: null });
    expect(new Set(rows.map((row) => row.lookup)).size).toBe(3);
    expect(JSON.stringify(rows)).not.toContain('Zilvermeeuw4471');
    // The unique index is on the lookup now: a second row with the same organisation and lookup is refused.
    const [zc] = rows.filter((row) => row.id === ids[0]);
    await expect(
      database.dataSource.query(
        `INSERT INTO placement_requests (id, status, urgency, region_code, client_reference_lookup, requested_by, requested_by_role, requested_by_org)
         VALUES ($1, 'WAITING', 'URGENT', 'RR', $2, 'x-1', 'ZORGCOORDINATOR', 'zc-rijnmond')`,
        [randomUUID(), zc.lookup],
      ),
    ).rejects.toThrow(/placement_requests_client_reference_uq/);
  });
});
