/**
 * Issue 12, part 2: a secret-address facility is anonymous to everyone who may not locate it, in
 * every field and every channel: no key, name, operator or other field names its town or any Dutch
 * municipality (its region, as the public `regions` query gives it, is what it discloses); its own
 * staff still see everything; and capacityChanged does not follow it live for those who may not
 * locate it, while other facilities' changes still arrive.
 */
import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { loadNationalRegister } from '@opvangplek/composition';
import { matchOrFail } from '../matching/match-client';
import { capacityOf, facilityOf, PlacementClient, startPlacementApp, stopApp, token } from '../placement/support';
import { insertFacilities, newFacility } from '../support/factories';
import { readSecretFacilities, type SecretRegisterRow, secretLeaksOf } from '../support/secret-leaks';
import { collect, gql, wsClient } from '../support/graphql-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';

const FACILITY_FIELDS = `id key name type operator municipality secretAddress address intakePhone latitude longitude placingAuthority
  region { code name centralMunicipality latitude longitude }
  intake { alwaysOpen openNow nextOpeningAt description }
  eligibility { genders minAge maxAge exploitationTypes residenceStatuses b8Statuses acceptsCareNeeds acceptsChildren maxGroupSize foundInRegionCodes }
  maxStayDays updateCadence
  capacity { total occupied held outOfService available updatedAt confirmedAt freshness version }`;

type Shown = Record<string, unknown> & { id: string; key: string; region: { code: string } };

describe('secret facilities of the national register, to callers who may not locate them', () => {
  let database: TestDatabase;
  let api: TestApp;
  let secret: SecretRegisterRow[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadNationalRegister(database.dataSource, 1, new Date('2026-11-28T19:00:00Z'));
    secret = await readSecretFacilities(database.dataSource);
    api = await startTestApp(database.url);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  /**
   * Every place name in a shown facility outside its `region`, and any register field shown. The
   * anonymous name says its region in words ("…, regio Rotterdam Rijnmond"): the region is what it
   * discloses (`region { name centralMunicipality }`), so that phrase, and only that, is no leak.
   */
  function leaksOf(row: SecretRegisterRow, shown: Shown): string[] {
    const { region, ...fields } = shown;
    expect(region.code).toBe(row.region_code);
    return secretLeaksOf(row, fields);
  }

  async function facilitiesAs(token: string): Promise<Map<string, Shown>> {
    const response = await gql<{ facilities: Shown[] }>(api.url, `{ facilities { ${FACILITY_FIELDS} } }`, { token });
    expect(response.errors).toBeUndefined();
    return new Map(response.data!.facilities.map((f) => [f.id, f]));
  }

  it('there are dozens to check', () => {
    expect(secret.length).toBeGreaterThanOrEqual(45);
  });

  it('the order of the register gives no hint of a hidden name: within each region and kind, facilities follow the names shown (red team F3)', async () => {
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-rotterdam', regions: ['RR'] });
    const shown = [...(await facilitiesAs(coordinator)).values()] as (Shown & { type: string; name: string })[];
    const secretIds = new Set(secret.map((row) => row.id));
    const groups = new Map<string, string[]>();
    for (const facility of shown) {
      const group = `${facility.region.code}|${facility.type}`;
      groups.set(group, [...(groups.get(group) ?? []), facility.name]);
    }
    // Groups where secret facilities sit beside public ones: there the order could tell.
    const inGroup = (group: string) => shown.filter((f) => `${f.region.code}|${f.type}` === group);
    const mixed = [...groups.keys()].filter(
      (group) => inGroup(group).some((f) => secretIds.has(f.id)) && inGroup(group).some((f) => !secretIds.has(f.id)),
    );
    expect(mixed.length).toBeGreaterThan(20);
    for (const [group, names] of groups) {
      const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect({ group, names }).toEqual({ group, names: sorted });
    }
  });

  it.each<[string, () => Promise<{ token: string; regions: string[] }>]>([
    ['a PLANNER', async () => ({ token: await tokenFor({ role: Role.PLANNER, org: 'planning' }), regions: [] })],
    [
      'a zorgcoördinator of another region',
      async () => ({ token: await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-tw', regions: ['TW'] }), regions: ['TW'] }),
    ],
  ])('facilities and facility(id) show %s no key, name, operator or field naming a town', async (_who, caller) => {
    const { token, regions } = await caller();
    const list = await facilitiesAs(token);
    const leaks: string[] = [];
    const checked = secret.filter((row) => !regions.includes(row.region_code));
    // The region's centre (the public `regions` figures) is all a distance can be measured from.
    const centres = new Map<string, { latitude: number; longitude: number }>(
      (
        await database.dataSource.query<{ code: string; latitude: number; longitude: number }[]>(
          'SELECT code, latitude, longitude FROM regions',
        )
      ).map(({ code, latitude, longitude }) => [code, { latitude, longitude }]),
    );
    for (const row of checked) {
      const listed = list.get(row.id)!;
      expect(listed).toMatchObject({
        secretAddress: true,
        municipality: null,
        address: null,
        intakePhone: null,
        latitude: null,
        longitude: null,
      });
      expect(listed.region).toMatchObject(centres.get(row.region_code)!);
      expect(listed.key).toMatch(/^geheim-\d+$/);
      leaks.push(...leaksOf(row, listed));
      const one = await gql<{ facility: Shown }>(api.url, `query F($id: ID!) { facility(id: $id) { ${FACILITY_FIELDS} } }`, {
        token,
        variables: { id: row.id },
      });
      expect(one.errors).toBeUndefined();
      const single = one.data!.facility;
      leaks.push(...leaksOf(row, single));
      // The same anonymous facility as in the list (intake times are evaluated per answer).
      expect({ ...single, intake: null }).toEqual({ ...listed, intake: null });
    }
    expect(checked.length).toBeGreaterThan(40);
    expect(leaks).toEqual([]);
  });

  it('matchFacilities shows them anonymised too, in matches and exclusions', async () => {
    const token = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-tw', regions: ['TW'] });
    const leaks: string[] = [];
    let seen = 0;
    for (const profile of [
      { gender: 'FEMALE', age: 30, exploitationTypes: ['SEXUAL'], residenceStatus: 'DUTCH' },
      { gender: 'MALE', age: 30, exploitationTypes: ['LABOUR'], residenceStatus: 'NO_LAWFUL_RESIDENCE', b8Status: 'BEDENKTIJD' },
    ]) {
      const result = await matchOrFail(api.url, profile, { first: 500, excludedFirst: 500 }, token);
      for (const { facility } of [...result.matches, ...result.excluded]) {
        const row = secret.find((r) => r.id === facility.id);
        if (!row || row.region_code === 'TW') continue;
        seen++;
        leaks.push(...leaksOf(row, facility as unknown as Shown));
      }
    }
    expect(seen).toBeGreaterThan(40);
    expect(leaks).toEqual([]);
  });

  it("the facility's own staff still see its real key, name, operator, address and intake line", async () => {
    const vries = secret.find((row) => row.key === 'cosm-vries')!;
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'jade', facilityIds: [vries.id] });
    const own = await gql<{ facility: Shown }>(api.url, `query F($id: ID!) { facility(id: $id) { ${FACILITY_FIELDS} } }`, {
      token: staff,
      variables: { id: vries.id },
    });
    expect(own.data!.facility).toMatchObject({
      key: 'cosm-vries',
      name: vries.name,
      operator: vries.operator,
      municipality: 'Tynaarlo',
      address: vries.address,
      intakePhone: vries.intake_phone,
    });
    expect(vries.intake_phone).toMatch(/^\+31\d{9}$/);
    expect(vries.address).toMatch(/ Vries$/);
  });
});

const SUBSCRIPTION = `subscription { capacityChanged { id key name address intakePhone capacity { held version } } }`;
type Changed = {
  capacityChanged: { id: string; key: string; address: string | null; intakePhone: string | null; capacity: { held: number } };
};

/** A zorgcoördinator's ACUTE request for a Dutch woman in Rotterdam, until it holds a place at `facilityId`. */
async function requestOfferedAt(api: TestApp, database: TestDatabase, requester: string, facilityId: string): Promise<void> {
  const submitted = await gql<{ requestPlacement: { id: string } }>(
    api.url,
    'mutation { requestPlacement(input: { urgency: ACUTE, regionCode: "RR", profile: { gender: FEMALE, age: 33, exploitationTypes: [SEXUAL], residenceStatus: DUTCH, foundInMunicipality: "Rotterdam" } }) { id } }',
    { token: requester },
  );
  expect(submitted.errors).toBeUndefined();
  let held = 0;
  for (let i = 0; i < 100 && held === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    [{ held }] = await database.dataSource.query('SELECT held FROM capacity WHERE facility_id = $1', [facilityId]);
  }
  expect(held).toBe(1);
}

describe('capacityChanged over graphql-ws and a secret facility', () => {
  let database: TestDatabase;
  let api: TestApp;
  let secretShelter: { id: string };
  let visible: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    [secretShelter, visible] = await insertFacilities(database.dataSource, [
      newFacility({ secretAddress: true, address: 'Geheimstraat 9, 3000 XX Rotterdam', intakePhone: '010 000 0099' }),
      // Takes men only: the request below can only be offered the secret shelter.
      newFacility({
        type: ShelterType.MAATSCHAPPELIJKE_OPVANG,
        eligibility: { ...newFacility().eligibility, genders: [Gender.MALE] },
      }),
    ]);
    api = await startTestApp(database.url, { withWorker: true, env: { SWEEP_SECONDS: '3600' } });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  async function untilLive(subscriber: ReturnType<typeof collect<Changed>>, poke: () => Promise<unknown>): Promise<void> {
    for (let attempt = 0; attempt < 50 && subscriber.received.length === 0; attempt++) {
      await poke();
      await subscriber.waitFor(1, 200).catch(() => undefined);
    }
    expect(subscriber.received.length).toBeGreaterThan(0);
  }

  it("a PLANNER does not get the secret facility's held count change; its staff do; other facilities still arrive", async () => {
    const planner = await tokenFor({ role: Role.PLANNER, org: 'planning' });
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'blijf', facilityIds: [secretShelter.id] });
    const visibleStaff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [visible.id] });
    const requester = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-rr', regions: ['RR'] });
    const plannerClient = wsClient(api.url, planner);
    const staffClient = wsClient(api.url, staff);
    const confirm = (token: string, id: string) =>
      gql(api.url, 'mutation C($id: ID!) { confirmCapacity(facilityId: $id) { id } }', { token, variables: { id } });
    try {
      const plannerFeed = collect<Changed>(plannerClient, SUBSCRIPTION);
      const staffFeed = collect<Changed>(staffClient, SUBSCRIPTION);
      await untilLive(plannerFeed, () => confirm(visibleStaff, visible.id));
      await untilLive(staffFeed, () => confirm(staff, secretShelter.id));
      const plannerSeen = plannerFeed.received.length;
      const staffSeen = staffFeed.received.length;

      await requestOfferedAt(api, database, requester, secretShelter.id);

      // Its own staff see their facility's held count change live.
      const heldSeen = () =>
        staffFeed.received
          .slice(staffSeen)
          .some((m) => m.data?.capacityChanged.id === secretShelter.id && m.data.capacityChanged.capacity.held === 1);
      for (let count = staffSeen + 1; !heldSeen() && count < staffSeen + 20; count++) {
        await staffFeed.waitFor(count, 3_000);
      }
      expect(heldSeen()).toBe(true);
      const own = staffFeed.received.map((m) => m.data?.capacityChanged).find((f) => f?.id === secretShelter.id);
      expect(own).toMatchObject({ address: 'Geheimstraat 9, 3000 XX Rotterdam', intakePhone: '+31100000099' });

      // A non-secret facility's change still reaches the planner, after the hold was announced.
      await confirm(visibleStaff, visible.id);
      const messages = await plannerFeed.waitFor(plannerSeen + 1, 3_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = plannerFeed.received.slice(plannerSeen).map((m) => m.data!.capacityChanged);
      expect(messages.length).toBeGreaterThan(plannerSeen);
      expect(after.map((f) => f.id)).toContain(visible.id);
      expect(after.map((f) => f.id)).not.toContain(secretShelter.id);
      expect(JSON.stringify(plannerFeed.received)).not.toContain(secretShelter.id);
      expect(JSON.stringify(plannerFeed.received)).not.toContain('+31100000099');
    } finally {
      await Promise.all([plannerClient.dispose(), staffClient.dispose()]);
    }
  });
});

const LIVE = `subscription { capacityChanged { id capacity { held available version } availability { band } } }`;
const REGION_LIVE = `subscription R($regions: [ID!], $types: [ShelterType!]) {
  regionCapacityChanged(regionCodes: $regions, types: $types) {
    region { code } type facilities secretFacilities total occupied held outOfService available secretAvailability availability staleShare
  }
}`;
const OVERVIEW = `query O($regions: [ID!], $types: [ShelterType!]) {
  capacityOverview(regionCodes: $regions, types: $types) {
    region { code } type facilities secretFacilities total occupied held outOfService available secretAvailability availability staleShare
  }
}`;
const MATCH = `query M($at: DateTime!) {
  matchFacilities(profile: { gender: FEMALE, age: 33, exploitationTypes: [SEXUAL], residenceStatus: DUTCH }, options: { at: $at, first: 50, excludedFirst: 50 }) {
    matches { facility { ${FACILITY_FIELDS} availability { band freshness } } score placeableNow placeableAt reasons freshness distanceKm }
    excluded { facility { id } reasons { code message } }
    matchCount excludedCount exclusionSummary { code facilities }
  }
}`;
const UPDATE_COUNTS = `mutation U($input: UpdateCapacityInput!) { updateCapacity(input: $input) { capacity { version } } }`;
type Live = { capacityChanged: { id: string; capacity: { held: number; available: number; version: number } | null } };
type Summary = Record<string, unknown> & { region: { code: string }; type: string };
type RegionLive = { regionCapacityChanged: Summary };

describe('issue 12: capacity of a secret facility reaches those who may not locate it only as a region × kind aggregate', () => {
  let database: TestDatabase;
  let api: TestApp;
  let secretShelter: { id: string };
  let publicShelter: { id: string };
  // A fixed moment for matchFacilities, so two answers differ only in what changed.
  const at = new Date(Date.now() + 3_600_000).toISOString();

  beforeAll(async () => {
    database = await createTestDatabase();
    [secretShelter, publicShelter] = await insertFacilities(database.dataSource, [
      // Two free places: the offer below takes one and leaves one, so its band stays AVAILABLE.
      newFacility({
        secretAddress: true,
        address: 'Geheimstraat 9, 3000 XX Rotterdam',
        capacity: { total: 10, occupied: 8, held: 0, outOfService: 0 },
      }),
      // The same region × kind, for men only: the request below can only be offered the secret shelter.
      newFacility({
        eligibility: { ...newFacility().eligibility, genders: [Gender.MALE] },
        capacity: { total: 6, occupied: 2, held: 0, outOfService: 0 },
      }),
    ]);
    api = await startTestApp(database.url, { withWorker: true, env: { SWEEP_SECONDS: '3600' } });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('after an offer at the secret facility, nothing a PLANNER, police officer or another shelter receives (graphql-ws or polling) singles it out; its own staff see their exact counts live; the aggregate arrives and is correct', async () => {
    const requester = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-rr', regions: ['RR'] });
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'blijf', facilityIds: [secretShelter.id] });
    const publicStaff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [publicShelter.id] });
    const observers = {
      planner: await tokenFor({ role: Role.PLANNER, org: 'planning' }),
      police: await tokenFor({ role: Role.POLICE, org: 'avim-rr', regions: ['RR'] }),
      otherShelter: publicStaff,
    };
    let publicVersion = (
      await database.dataSource.query('SELECT version FROM capacity WHERE facility_id = $1', [publicShelter.id])
    )[0].version as number;
    let outOfService = 0;
    /** A change everyone may see: the public shelter's staff take a place out of service, or back. */
    const publicChange = async () => {
      outOfService = 1 - outOfService;
      const response = await gql<{ updateCapacity: { capacity: { version: number } } }>(api.url, UPDATE_COUNTS, {
        token: publicStaff,
        variables: {
          input: { facilityId: publicShelter.id, total: 6, occupied: 2, outOfService, expectedVersion: publicVersion },
        },
      });
      expect(response.errors).toBeUndefined();
      publicVersion = response.data!.updateCapacity.capacity.version;
    };

    const clients = [...Object.values(observers), staff].map((token) => wsClient(api.url, token));
    try {
      const feeds = Object.values(observers).map((_, i) => ({
        live: collect<Live>(clients[i], LIVE),
        region: collect<RegionLive>(clients[i], REGION_LIVE, { regions: ['RR'] }),
      }));
      const staffFeed = collect<Live>(clients[3], LIVE);
      for (let attempt = 0; attempt < 50; attempt++) {
        const all = [...feeds.flatMap((f) => [f.live, f.region]), staffFeed];
        if (all.every((feed) => feed.received.length > 0)) break;
        await publicChange();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      for (const feed of feeds) {
        expect(feed.live.received.length).toBeGreaterThan(0);
        expect(feed.region.received.length).toBeGreaterThan(0);
      }
      // Every non-locating observer polls what they may poll, before and after.
      const poll = async (token: string) => {
        const list = await gql<{ facilities: Shown[] }>(
          api.url,
          `{ facilities { ${FACILITY_FIELDS} availability { band freshness } } }`,
          {
            token,
          },
        );
        const one = await gql<{ facility: Shown }>(
          api.url,
          `query F($id: ID!) { facility(id: $id) { ${FACILITY_FIELDS} availability { band freshness } } }`,
          { token, variables: { id: secretShelter.id } },
        );
        const overview = await gql<{ capacityOverview: Summary[] }>(api.url, OVERVIEW, { token, variables: { regions: ['RR'] } });
        expect([list.errors, one.errors, overview.errors]).toEqual([undefined, undefined, undefined]);
        // Intake is evaluated at each answer's own moment; everything else must be equal.
        const withoutIntake = (f: Shown | undefined) => f && { ...f, intake: null };
        return {
          listed: withoutIntake(list.data!.facilities.find((f) => f.id === secretShelter.id)),
          single: withoutIntake(one.data!.facility),
          overview: overview.data!.capacityOverview,
        };
      };
      const matchAs = async (token: string) => {
        const response = await gql<{ matchFacilities: { matches: { facility: { id: string } }[] } }>(api.url, MATCH, {
          token,
          variables: { at },
        });
        expect(response.errors).toBeUndefined();
        return response.data!.matchFacilities;
      };
      const before = {
        planner: await poll(observers.planner),
        police: await poll(observers.police),
        other: await poll(publicStaff),
      };
      const matchBefore = await matchAs(observers.police);
      expect(before.planner.listed).toMatchObject({ capacity: null, availability: { band: 'AVAILABLE' } });
      expect(matchBefore.matches.map((m) => m.facility.id)).toContain(secretShelter.id);
      const seen = feeds.map((f) => ({ live: f.live.received.length, region: f.region.received.length }));
      const staffSeen = staffFeed.received.length;

      await requestOfferedAt(api, database, requester, secretShelter.id);

      // Its own staff see their exact counts change live, and in facility(id).
      const staffSaw = () =>
        staffFeed.received
          .slice(staffSeen)
          .some((m) => m.data?.capacityChanged.id === secretShelter.id && m.data.capacityChanged.capacity?.held === 1);
      for (let count = staffSeen + 1; !staffSaw() && count < staffSeen + 20; count++) await staffFeed.waitFor(count, 3_000);
      expect(staffSaw()).toBe(true);
      const own = await gql<{ facility: { capacity: { held: number; available: number } } }>(
        api.url,
        'query F($id: ID!) { facility(id: $id) { capacity { held available } } }',
        { token: staff, variables: { id: secretShelter.id } },
      );
      expect(own.data!.facility.capacity).toEqual({ held: 1, available: 1 });

      // A marker everyone may see, after the hold was announced: each process handles events in
      // order, so whatever the hold sent an observer has arrived once the marker has.
      await publicChange();
      for (const [i, feed] of feeds.entries()) {
        await feed.live.waitFor(seen[i].live + 1, 5_000);
        await feed.region.waitFor(seen[i].region + 1, 5_000);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      const overviewNow = (
        await gql<{ capacityOverview: Summary[] }>(api.url, OVERVIEW, {
          token: observers.planner,
          variables: { regions: ['RR'] },
        })
      ).data!.capacityOverview;
      const expected = {
        region: { code: 'RR' },
        type: 'VROUWENOPVANG',
        facilities: 2,
        secretFacilities: 1,
        // The public shelter's counts alone: 6 places, 2 occupied, `outOfService` out of service.
        total: 6,
        occupied: 2,
        held: 0,
        outOfService,
        available: 4 - outOfService,
        secretAvailability: 'AVAILABLE',
        availability: 'AVAILABLE',
        staleShare: 0,
      };
      expect(overviewNow).toEqual([expected]);
      for (const [i, feed] of feeds.entries()) {
        const live = feed.live.received.slice(seen[i].live).map((m) => m.data!.capacityChanged);
        expect(live.map((f) => f.id)).toEqual([publicShelter.id]);
        expect(JSON.stringify(feed.live.received)).not.toContain(secretShelter.id);
        // The hold changed nothing in the aggregate (a place is still free there): nothing was sent for it.
        const region = feed.region.received.slice(seen[i].region).map((m) => m.data!.regionCapacityChanged);
        expect(region).toEqual([expected]);
      }

      // Polling shows the same as before the offer (the public change put back: outOfService twice).
      await publicChange();
      const after = {
        planner: await poll(observers.planner),
        police: await poll(observers.police),
        other: await poll(publicStaff),
      };
      for (const who of ['planner', 'police', 'other'] as const) {
        expect(after[who].listed).toEqual(before[who].listed);
        expect(after[who].single).toEqual(before[who].single);
        expect(after[who].overview).toEqual(before[who].overview);
      }
      const matchAfter = await matchAs(observers.police);
      const secretMatch = (answer: typeof matchBefore) => answer.matches.find((m) => m.facility.id === secretShelter.id);
      expect(secretMatch(matchAfter)).toEqual(secretMatch(matchBefore));
      expect(JSON.stringify(secretMatch(matchAfter))).not.toMatch(/\d+ free place/);
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });
});

const PROBE = `query P($profile: VictimProfileInput!) {
  matchFacilities(profile: $profile, options: { first: 50, excludedFirst: 50 }) {
    matches { facility { id capacity { available } availability { band } } score placeableNow reasons reasonCodes { code params { places groupSize } } }
    excluded { facility { id } reasons { code message } }
    matchCount excludedCount exclusionSummary { code facilities }
    groupSplit { facility { id capacity { available } } places }
  }
}`;
interface Probed {
  matches: {
    facility: { id: string; capacity: unknown; availability: { band: string } };
    score: number;
    reasons: string[];
    reasonCodes: { code: string; params: { places: number | null; groupSize: number | null } }[];
  }[];
  excluded: { facility: { id: string }; reasons: { code: string; message: string }[] }[];
  matchCount: number;
  excludedCount: number;
  exclusionSummary: { code: string; facilities: number }[];
  groupSplit: { facility: { id: string; capacity: unknown }; places: number }[];
}

describe('issue 12: a zorgcoördinator probing group sizes cannot count a secret facility’s free places', () => {
  const raid = new Date('2026-12-02T05:00:00.000Z');
  const labourer = { gender: 'MALE', age: 30, exploitationTypes: ['LABOUR'], residenceStatus: 'NO_LAWFUL_RESIDENCE' };
  let clock: FixedClock;
  let database: TestDatabase;
  let api: TestApp;
  let secretCrisis: { id: string };
  let publicCrisis: { id: string };

  beforeAll(async () => {
    clock = new FixedClock(raid);
    database = await createTestDatabase();
    [secretCrisis, publicCrisis] = await insertFacilities(
      database.dataSource,
      [
        // Takes groups of up to 8 and has exactly 5 free places.
        facilityOf(ShelterType.NLA_CRISIS, 5, { total: 9, secretAddress: true, eligibility: { maxGroupSize: 8 } }),
        // A public one with 3 free: the real request below is split over the two.
        facilityOf(ShelterType.NLA_CRISIS, 3, { total: 7, eligibility: { maxGroupSize: 8 } }),
      ],
      { now: raid },
    );
    api = await startPlacementApp(database.url, clock);
  }, 60_000);

  afterAll(() => stopApp(api, database));

  const probe = async (token: string, groupSize: number): Promise<Probed> => {
    const response = await gql<{ matchFacilities: Probed }>(api.url, PROBE, {
      token,
      variables: { profile: { ...labourer, groupSize } },
    });
    expect(response.errors).toBeUndefined();
    return response.data!.matchFacilities;
  };

  it('groups of 1 to 8 all fit the secret NLA crisis shelter (maxGroupSize 8, 5 free), the exclusion summary does not move from 5 to 6, splits are not sized by its count, and a real group of 6 holds no more than 5 there', async () => {
    const zorgcoordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-rr', regions: ['RR'] });
    const answers = new Map<number, Probed>();
    for (let n = 1; n <= 16; n++) answers.set(n, await probe(zorgcoordinator, n));

    const secretIn = (answer: Probed) => {
      const match = answer.matches.find((m) => m.facility.id === secretCrisis.id);
      // Without the line naming the group (it names the group, never the facility's places).
      return (
        match && {
          ...match,
          reasons: match.reasons.filter((r) => !r.startsWith('a group of')),
          reasonCodes: match.reasonCodes.filter((r) => r.code !== 'GROUP_CHECKED_WHEN_PLACING'),
        }
      );
    };
    const fit = secretIn(answers.get(1)!);
    expect(fit).toMatchObject({ facility: { capacity: null, availability: { band: 'AVAILABLE' } } });
    expect(fit!.reasons).toContain('a place free (count withheld: secret address)');
    // The codes withhold the count as the sentences do: no FREE_PLACES, no number of places anywhere.
    expect(fit!.reasonCodes.map((r) => r.code)).toContain('PLACE_FREE_COUNT_WITHHELD');
    expect(fit!.reasonCodes.map((r) => r.code)).not.toContain('FREE_PLACES');
    expect(fit!.reasonCodes.every((r) => r.params.places === null)).toBe(true);
    for (let n = 1; n <= 8; n++) {
      const answer = answers.get(n)!;
      expect({ n, secret: secretIn(answer) }).toEqual({ n, secret: fit });
      expect(answer.excluded.map((e) => e.facility.id)).not.toContain(secretCrisis.id);
      expect(secretIn(answer)!.reasons.join(' ')).not.toMatch(/\b5\b|free places/);
      if (n > 1)
        expect(answer.matches.find((m) => m.facility.id === secretCrisis.id)!.reasons).toContain(
          `a group of ${n}: whether all fit here is checked when placing`,
        );
    }
    // The public shelter (3 free, counts shown to all) drops out from 4 on, as it should; the secret one never moves.
    const [five, six] = [answers.get(5)!, answers.get(6)!];
    expect(six.exclusionSummary).toEqual(five.exclusionSummary);
    expect([six.excludedCount, six.matchCount]).toEqual([five.excludedCount, five.matchCount]);
    // From 9 on it is excluded for its maxGroupSize alone (register data), never for its room.
    for (let n = 9; n <= 16; n++) {
      const excluded = answers.get(n)!.excluded.find((e) => e.facility.id === secretCrisis.id)!;
      expect(excluded.reasons.map((r) => r.code)).toEqual(['GROUP_SIZE']);
    }

    // An NLA officer (who places NLA crisis places) is shown a split for groups of 9 and 10: the
    // share at the secret shelter is its maxGroupSize, not its 5 free places.
    const nla = await token.nla();
    for (const [n, rest] of [
      [9, 1],
      [10, 2],
    ]) {
      const split = (await probe(nla, n)).groupSplit;
      expect(split).toEqual([
        { facility: { id: secretCrisis.id, capacity: null }, places: 8 },
        { facility: { id: publicCrisis.id, capacity: { available: 3 } }, places: rest },
      ]);
    }

    // The real request for a group of 6 is decided on the real counts: 5 there at most, never 6.
    const client = new PlacementClient(api.url);
    const submitted = await client.request(nla, { profile: labourer, urgency: 'ACUTE', groupSize: 6 });
    const decided = await client.waitForStatus(nla, submitted.id, ['OFFERED', 'WAITING']);
    const secretCounts = await capacityOf(database.dataSource, secretCrisis.id);
    expect(secretCounts.held).toBeLessThanOrEqual(5);
    expect(secretCounts.occupied + secretCounts.held + secretCounts.outOfService).toBeLessThanOrEqual(secretCounts.total);
    // What the workflow does: split 5 + 1 over the two shelters, all held at once.
    expect(decided.status).toBe('OFFERED');
    expect(decided.allocations.map((a) => [a.facility.id, a.places]).sort()).toEqual(
      [
        [secretCrisis.id, 5],
        [publicCrisis.id, 1],
      ].sort(),
    );
    expect(secretCounts).toEqual({ total: 9, occupied: 4, held: 5, outOfService: 0 });
  });
});
