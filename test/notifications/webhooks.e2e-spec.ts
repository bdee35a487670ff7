/**
 * Outbound webhooks (issue 14, "escalation reaches people" and "outbound notifications"), each as
 * the people who live it: an ACUTE request that finds no place at night reaches the region's
 * escalation contact (the OvD bevolkingszorg, 002:362-364, 003:497) as a signed message, tried
 * again while their receiver is down; a shelter's own system hears of an offer; nobody outside the
 * case hears anything; what was never delivered waits as a dead letter for ADMIN.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { SIGNATURE_HEADER, signWebhook, verifyWebhook } from '@opvangplek/notifications';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  dataOf,
  DUTCH_WOMAN,
  eventually,
  facilityOf,
  MINUTE,
  PlacementClient,
  startPlacementApp,
  stopApp,
  sweep,
  token,
  WOMAN_IN_BEDENKTIJD,
} from '../placement/support';
import { startWebhookReceiver } from '../support/webhook-receiver';

const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id organisation events } } }`;
const DELIVERIES = `query($status: WebhookDeliveryStatus) { webhookDeliveries(status: $status) { id webhookId type requestId status attempts lastStatus lastError } }`;

describe('webhooks: the organisations concerned are told, signed, and told again until they hear it', () => {
  const clock = new FixedClock(new Date('2026-12-05T02:00:00.000Z')); // a Saturday, 03:00 in Amsterdam
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  const receivers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Rijnmond and Amsterdam in the register, every place taken.
    const full = { total: 4, occupied: 4, held: 0, outOfService: 0 };
    await insertFacilities(database.dataSource, [
      newFacility({ name: 'Vol in Rijnmond', capacity: full }),
      newFacility({ name: 'Vol in Amsterdam', regionCode: 'AMS', municipality: 'Amsterdam', capacity: full }),
    ]);
    api = await startPlacementApp(database.url, clock, {
      WEBHOOK_ALLOW_INSECURE: 'true',
      WEBHOOK_FIRST_RETRY_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '3',
    });
    client = new PlacementClient(api.url);
  }, 60_000);

  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    await stopApp(api, database);
  });

  async function register(input: Record<string, unknown>) {
    const admin = await token.admin();
    return dataOf(
      await gql<Record<string, { secret: string; webhook: { id: string } }>>(api.url, CREATE, {
        token: admin,
        variables: { input },
      }),
      'createWebhook',
    );
  }

  async function deliveries(status?: string) {
    const admin = await token.admin();
    const response = await gql<{
      webhookDeliveries: {
        id: string;
        webhookId: string;
        type: string;
        status: string;
        attempts: number;
        requestId: string;
        lastStatus: number | null;
      }[];
    }>(api.url, DELIVERIES, { token: admin, variables: { status } });
    expect(response.errors).toBeUndefined();
    return response.data!.webhookDeliveries;
  }

  it("an ACUTE request without a place at 03:00 reaches Rijnmond's escalation contact after 30 minutes, signed, retried while their receiver fails (003:497)", async () => {
    const ovd = await startWebhookReceiver({ answers: [503] });
    const elsewhere = await startWebhookReceiver();
    receivers.push(ovd, elsewhere);
    const { secret, webhook } = await register({
      organisation: 'vr-rotterdam-rijnmond',
      url: ovd.url,
      events: ['ESCALATED'],
      escalationRegions: ['RR'],
    });
    await register({
      organisation: 'vr-amsterdam-amstelland',
      url: elsewhere.url,
      events: ['ESCALATED'],
      escalationRegions: ['AMS'],
    });

    const coordinator = await token.coordinator();
    const request = await client.request(coordinator, { urgency: 'ACUTE', profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinator, request.id, ['WAITING']);
    clock.advance(31 * MINUTE);
    await sweep(api);

    await eventually(async () => expect(ovd.received).toHaveLength(2), 10_000);
    const [first, second] = ovd.received;
    // The same delivery, tried again after the 503.
    expect(second.headers['opvangplek-delivery']).toBe(first.headers['opvangplek-delivery']);
    expect(verifyWebhook(secret, second.body, String(second.headers[SIGNATURE_HEADER]), clock.now())).toBe(true);
    expect(verifyWebhook('whsec_not-theirs', second.body, String(second.headers[SIGNATURE_HEADER]), clock.now())).toBe(false);
    const body = JSON.parse(second.body);
    // Ids and codes only: no profile, no address, no organisation names.
    expect(Object.keys(body).sort()).toEqual([
      'at',
      'deliveryId',
      'facilityId',
      'reason',
      'regionCode',
      'requestId',
      'status',
      'type',
    ]);
    expect(body).toMatchObject({
      type: 'ESCALATED',
      requestId: request.id,
      regionCode: 'RR',
      status: 'WAITING',
      facilityId: null,
    });
    expect(second.body).not.toMatch(/FEMALE|DUTCH|zc-rijnmond/);
    expect(elsewhere.received).toHaveLength(0);

    const [delivery] = (await deliveries()).filter((row) => row.webhookId === webhook.id);
    expect(delivery).toMatchObject({
      type: 'ESCALATED',
      requestId: request.id,
      status: 'DELIVERED',
      attempts: 2,
      lastStatus: 200,
    });
    // The case says who was told: Rijnmond's contact, not Amsterdam's.
    const told = await gql<{ placementRequest: { notifications: { organisation: string; type: string; status: string }[] } }>(
      api.url,
      'query($id: ID!) { placementRequest(id: $id) { notifications { organisation type status } } }',
      { token: coordinator, variables: { id: request.id } },
    );
    expect(told.data!.placementRequest.notifications).toEqual([
      { organisation: 'vr-rotterdam-rijnmond', type: 'ESCALATED', status: 'DELIVERED' },
    ]);
  }, 60_000);

  it("a shelter's own system and the requester hear of an offer; another organisation subscribed to everything hears nothing", async () => {
    const [facility] = await insertFacilities(database.dataSource, [newFacility({ name: 'Vrouwenopvang Webhook' })]);
    const shelter = await startWebhookReceiver();
    const requester = await startWebhookReceiver();
    const stranger = await startWebhookReceiver();
    receivers.push(shelter, requester, stranger);
    const everything = ['OFFER_MADE', 'OFFER_ACCEPTED', 'OFFER_WITHDRAWN', 'ESCALATED', 'STAY_ENDING'];
    await register({ organisation: 'testzorg', url: shelter.url, events: ['OFFER_MADE'], facilityIds: [facility.id] });
    await register({ organisation: 'zc-rijnmond', url: requester.url, events: ['OFFER_MADE', 'OFFER_ACCEPTED'] });
    await register({ organisation: 'zc-elders', url: stranger.url, events: everything });

    const coordinator = await token.coordinator();
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    await eventually(async () => {
      expect(shelter.received.map((r) => JSON.parse(r.body))).toEqual([
        expect.objectContaining({ type: 'OFFER_MADE', requestId: request.id, facilityId: facility.id }),
      ]);
      expect(requester.received.map((r) => JSON.parse(r.body).type)).toEqual(['OFFER_MADE']);
    }, 10_000);

    await client.accept(await token.staff(facility.id), request.id);
    await eventually(
      async () => expect(requester.received.map((r) => JSON.parse(r.body).type)).toEqual(['OFFER_MADE', 'OFFER_ACCEPTED']),
      10_000,
    );
    expect(shelter.received).toHaveLength(1); // it asked for offers only
    expect(stranger.received).toHaveLength(0);
  }, 60_000);

  it('a receiver that keeps failing leaves a dead letter for ADMIN, sent again on request once it is repaired', async () => {
    const broken = await startWebhookReceiver({ answers: [500, 500, 500] });
    receivers.push(broken);
    const { webhook } = await register({
      organisation: 'vr-rotterdam-rijnmond',
      url: broken.url,
      events: ['ESCALATED'],
      escalationRegions: ['RR'],
    });

    const coordinator = await token.coordinator();
    const request = await client.request(coordinator, {
      urgency: 'ACUTE',
      profile: { ...DUTCH_WOMAN, excludedRegionCodes: ['RR'] },
    });
    await client.waitForStatus(coordinator, request.id, ['WAITING']);
    clock.advance(31 * MINUTE);
    await sweep(api);

    const dead = await eventually(async () => {
      const rows = (await deliveries('DEAD')).filter((row) => row.webhookId === webhook.id);
      expect(rows).toHaveLength(1);
      return rows[0];
    }, 10_000);
    expect(dead).toMatchObject({ requestId: request.id, attempts: 3, lastStatus: 500 });
    expect(broken.received).toHaveLength(3);

    // Only ADMIN sees the deliveries.
    const refused = await gql(api.url, DELIVERIES, { token: coordinator, variables: {} });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const admin = await token.admin();
    const again = await gql<{ redeliverWebhook: { status: string } }>(
      api.url,
      'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }',
      {
        token: admin,
        variables: { id: dead.id },
      },
    );
    expect(again.data?.redeliverWebhook.status).toBe('PENDING');
    await eventually(async () => {
      const [row] = (await deliveries()).filter((delivery) => delivery.id === dead.id);
      expect(row).toMatchObject({ status: 'DELIVERED', attempts: 4, lastStatus: 200 });
    }, 10_000);

    // Once the endpoint is disabled, its dead letters are not sent again, and nothing is left pending.
    const disabled = await gql<{ disableWebhook: { active: boolean } }>(
      api.url,
      'mutation($id: ID!) { disableWebhook(id: $id) { active } }',
      {
        token: admin,
        variables: { id: webhook.id },
      },
    );
    expect(disabled.data?.disableWebhook.active).toBe(false);
    const refusedAgain = await gql(api.url, 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }', {
      token: admin,
      variables: { id: dead.id },
    });
    expect(refusedAgain.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deliveryId' });
    expect((await deliveries('PENDING')).filter((row) => row.webhookId === webhook.id)).toEqual([]);
  }, 60_000);

  it("a COSM request waiting on CoMensha's worklist reaches CoMensha's system, not another region's coordinator; the case shows who was told and that they acknowledged it (000:2130)", async () => {
    await insertFacilities(database.dataSource, [
      facilityOf(ShelterType.COSM, 2, {
        regionCode: 'AMS',
        municipality: 'Amsterdam',
        eligibility: { genders: [Gender.FEMALE] },
      }),
    ]);
    const comenshaDesk = await startWebhookReceiver();
    const amsterdam = await startWebhookReceiver();
    const nla = await startWebhookReceiver();
    receivers.push(comenshaDesk, amsterdam, nla);
    const { secret } = await register({
      organisation: 'comensha',
      url: comenshaDesk.url,
      events: ['DECISION_WAITING'],
      deciderRole: 'COMENSHA',
    });
    await register({
      organisation: 'zc-amsterdam',
      url: amsterdam.url,
      events: ['DECISION_WAITING'],
      deciderRole: 'ZORGCOORDINATOR',
      deciderRegions: ['AMS'],
    });
    await register({ organisation: 'nla-toezicht', url: nla.url, events: ['DECISION_WAITING'], deciderRole: 'NLA' });

    const coordinator = await token.coordinator();
    const request = await client.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'PLANNED' });
    const waiting = await client.waitForStatus(coordinator, request.id, ['WAITING']);
    expect(waiting.waitingForAuthority).toBe('COMENSHA');
    // Saturday night: the worklist says CoMensha opens on Monday at 09:00 (Amsterdam), from the API's calendar.
    const opens = await gql<{ placementRequest: { waitingForAuthorityOpensAt: string | null } }>(
      api.url,
      'query($id: ID!) { placementRequest(id: $id) { waitingForAuthorityOpensAt } }',
      { token: coordinator, variables: { id: request.id } },
    );
    expect(opens.data!.placementRequest.waitingForAuthorityOpensAt).toBe('2026-12-07T08:00:00.000Z');
    await eventually(async () => expect(comenshaDesk.received).toHaveLength(1), 10_000);
    const body = JSON.parse(comenshaDesk.received[0].body);
    expect(body).toMatchObject({
      type: 'DECISION_WAITING',
      requestId: request.id,
      status: 'WAITING',
      reason: waiting.waitingReason,
    });
    expect(amsterdam.received).toHaveLength(0);
    expect(nla.received).toHaveLength(0);

    const NOTIFICATIONS =
      'query($id: ID!) { placementRequest(id: $id) { notifications { organisation type status deliveredAt acknowledgedAt } } }';
    const told = async () =>
      dataOf(
        await gql<Record<string, { notifications: Record<string, unknown>[] }>>(api.url, NOTIFICATIONS, {
          token: coordinator,
          variables: { id: request.id },
        }),
        'placementRequest',
      ).notifications;
    await eventually(async () =>
      expect(await told()).toEqual([
        {
          organisation: 'comensha',
          type: 'DECISION_WAITING',
          status: 'DELIVERED',
          deliveredAt: expect.any(String),
          acknowledgedAt: null,
        },
      ]),
    );

    // CoMensha's system says a person has seen it, signed with its secret.
    const acknowledge = (deliveryId: unknown, signature: string | null) =>
      fetch(`${api.url}/webhooks/acknowledge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature ? { [SIGNATURE_HEADER]: signature } : {}) },
        body: JSON.stringify({ deliveryId }),
      });
    const deliveryId = body.deliveryId as string;
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await acknowledge(deliveryId, signWebhook('whsec_someone-else', deliveryId, clock.now()))).status).toBe(401);
    expect((await acknowledge(deliveryId, null)).status).toBe(401);
    expect((await acknowledge(unknown, signWebhook(secret, unknown, clock.now()))).status).toBe(401);
    expect((await acknowledge('not-an-id', null)).status).toBe(400);
    expect((await told())[0].acknowledgedAt).toBeNull();
    expect((await acknowledge(deliveryId, signWebhook(secret, deliveryId, clock.now()))).status).toBe(204);
    expect((await told())[0].acknowledgedAt).toBe(clock.now().toISOString());
  }, 60_000);

  it('refuses a webhook that names no event, an unknown facility or region or a bad organisation, naming the field', async () => {
    const admin = await token.admin();
    const attempt = async (input: Record<string, unknown>) =>
      (
        await gql(api.url, CREATE, {
          token: admin,
          variables: { input: { organisation: 'vr-rr', url: 'https://hooks.example/x', events: ['ESCALATED'], ...input } },
        })
      ).errors?.[0]?.extensions;
    expect(await attempt({ events: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    expect(await attempt({ escalationRegions: ['XX'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'escalationRegions' });
    // Looked up in the register through the registry: one unknown among known ones is enough.
    expect(await attempt({ escalationRegions: ['RR', 'XX'] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'escalationRegions',
    });
    expect(await attempt({ deciderRole: 'ZORGCOORDINATOR', deciderRegions: ['AMS', 'XX'] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'deciderRegions',
    });
    const [known] = (await database.dataSource.query('SELECT id FROM facilities LIMIT 1')) as { id: string }[];
    expect(await attempt({ facilityIds: [known.id, '00000000-0000-4000-8000-000000000000'] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'facilityIds',
    });
    expect(await attempt({ organisation: 'VR Rotterdam!' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisation' });
    expect(await attempt({ url: 'ftp://hooks.example/x' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    const police = await token.police();
    const forbidden = await gql(api.url, CREATE, {
      token: police,
      variables: { input: { organisation: 'x', url: 'https://hooks.example/x', events: ['ESCALATED'] } },
    });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }, 30_000);
});
