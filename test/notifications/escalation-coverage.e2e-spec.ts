/**
 * Escalation contacts per region (issue 14): "every region has configured escalation contacts (OvD
 * bevolkingszorg, regional chain director / Regionale Tafel, 002:362-364, 003:497)". ADMIN sees
 * which regions an escalation would reach nobody in, the service says so in its log, and a case
 * says which function was told.
 */
import { Logger } from '@nestjs/common';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  dataOf,
  DUTCH_WOMAN,
  eventually,
  MINUTE,
  PlacementClient,
  startPlacementApp,
  stopApp,
  sweep,
  token,
} from '../placement/support';
import { startWebhookReceiver } from '../support/webhook-receiver';

const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id contactFunction } } }`;
const COVERAGE = `{ escalationCoverage { regionCode regionName covered missingFunctions contacts { id organisation contactFunction active reachable } } }`;

type Coverage = {
  regionCode: string;
  regionName: string;
  covered: boolean;
  missingFunctions: string[];
  contacts: { id: string; organisation: string; contactFunction: string | null; active: boolean; reachable: boolean }[];
};

describe('escalation contacts per region', () => {
  const clock = new FixedClock(new Date('2026-12-05T02:00:00.000Z')); // Saturday 03:00 in Amsterdam
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let warnings: jest.SpyInstance;
  const receivers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const full = { total: 4, occupied: 4, held: 0, outOfService: 0 };
    await insertFacilities(database.dataSource, [
      newFacility({ name: 'Vol in Rijnmond', capacity: full }),
      newFacility({ name: 'Vol in Amsterdam', regionCode: 'AMS', municipality: 'Amsterdam', capacity: full }),
    ]);
    warnings = jest.spyOn(Logger.prototype, 'warn');
    api = await startPlacementApp(database.url, clock, {
      WEBHOOK_ALLOW_INSECURE: 'true',
      // Quick retries, so that an endpoint nobody answers is a dead letter within the test.
      WEBHOOK_FIRST_RETRY_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '3',
    });
    client = new PlacementClient(api.url);
  }, 60_000);

  afterAll(async () => {
    warnings.mockRestore();
    for (const receiver of receivers) await receiver.close();
    await stopApp(api, database);
  });

  async function create(input: Record<string, unknown>) {
    return gql<{ createWebhook: { webhook: { id: string; contactFunction: string | null } } }>(api.url, CREATE, {
      token: await token.admin(),
      variables: { input },
    });
  }

  async function coverage(): Promise<Coverage[]> {
    return dataOf(await gql<Record<string, Coverage[]>>(api.url, COVERAGE, { token: await token.admin() }), 'escalationCoverage');
  }

  it('at start, with no contact anywhere, the service warns that escalations in Rijnmond and Amsterdam reach nobody', () => {
    const said = warnings.mock.calls
      .map((call) => String(call[0]))
      .find((message) => message.includes('No active escalation contact'));
    expect(said).toMatch(/2 region\(s\): AMS, RR/);
  });

  it('ADMIN sees every region covered or not, and which function a covered region still lacks (002:362-364, 003:497)', async () => {
    const before = await coverage();
    expect(before.map((r) => [r.regionCode, r.covered])).toEqual([
      ['AMS', false],
      ['RR', false],
    ]);

    const ovd = await create({
      organisation: 'vr-rotterdam-rijnmond',
      url: 'http://127.0.0.1:9/ovd',
      events: ['ESCALATED'],
      escalationRegions: ['RR'],
      contactFunction: 'OVD_BEVOLKINGSZORG',
    });
    expect(ovd.errors).toBeUndefined();
    expect(ovd.data!.createWebhook.webhook.contactFunction).toBe('OVD_BEVOLKINGSZORG');
    const tafel = await create({
      organisation: 'regionale-tafel-rijnmond',
      url: 'http://127.0.0.1:9/tafel',
      events: ['ESCALATED'],
      escalationRegions: ['RR'],
      contactFunction: 'REGIONALE_TAFEL',
    });
    // Without a function an escalation contact is OTHER: it covers the region, but neither expected function.
    const other = await create({
      organisation: 'gemeente-amsterdam',
      url: 'http://127.0.0.1:9/ams',
      events: ['ESCALATED'],
      escalationRegions: ['AMS'],
    });
    expect(other.data!.createWebhook.webhook.contactFunction).toBe('OTHER');

    const after = await coverage();
    const rr = after.find((r) => r.regionCode === 'RR')!;
    expect(rr).toMatchObject({ covered: true, missingFunctions: [], regionName: expect.any(String) });
    expect(rr.contacts.map((c) => [c.organisation, c.contactFunction, c.active])).toEqual([
      ['vr-rotterdam-rijnmond', 'OVD_BEVOLKINGSZORG', true],
      ['regionale-tafel-rijnmond', 'REGIONALE_TAFEL', true],
    ]);
    expect(after.find((r) => r.regionCode === 'AMS')).toMatchObject({
      covered: true,
      missingFunctions: ['OVD_BEVOLKINGSZORG', 'REGIONALE_TAFEL'],
    });

    // Disabling Rijnmond's Regionale Tafel leaves the function missing, the disabled endpoint still listed.
    await gql(api.url, 'mutation($id: ID!) { disableWebhook(id: $id) { id } }', {
      token: await token.admin(),
      variables: { id: tafel.data!.createWebhook.webhook.id },
    });
    const disabled = (await coverage()).find((r) => r.regionCode === 'RR')!;
    expect(disabled.missingFunctions).toEqual(['REGIONALE_TAFEL']);
    expect(disabled.contacts.find((c) => c.organisation === 'regionale-tafel-rijnmond')?.active).toBe(false);

    // Disabling Amsterdam's only contact leaves it uncovered, and the log says so.
    warnings.mockClear();
    await gql(api.url, 'mutation($id: ID!) { disableWebhook(id: $id) { id } }', {
      token: await token.admin(),
      variables: { id: other.data!.createWebhook.webhook.id },
    });
    expect((await coverage()).find((r) => r.regionCode === 'AMS')!.covered).toBe(false);
    expect(warnings.mock.calls.map((call) => String(call[0])).join('\n')).toMatch(/1 region\(s\): AMS\./);
    // Clean up the unreachable endpoint for the next test.
    await gql(api.url, 'mutation($id: ID!) { disableWebhook(id: $id) { id } }', {
      token: await token.admin(),
      variables: { id: ovd.data!.createWebhook.webhook.id },
    });
  });

  it("an escalated case says which function was told: Rijnmond's OvD bevolkingszorg (003:497)", async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    expect(
      (
        await create({
          organisation: 'ovd-rijnmond',
          url: receiver.url,
          events: ['ESCALATED'],
          escalationRegions: ['RR'],
          contactFunction: 'OVD_BEVOLKINGSZORG',
        })
      ).errors,
    ).toBeUndefined();
    const coordinator = await token.coordinator();
    const request = await client.request(coordinator, { urgency: 'ACUTE', profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinator, request.id, ['WAITING']);
    clock.advance(31 * MINUTE);
    await sweep(api);
    await eventually(async () => expect(receiver.received).toHaveLength(1), 10_000);
    // The body carries ids and codes, not the function or the organisation.
    expect(receiver.received[0].body).not.toMatch(/OVD_BEVOLKINGSZORG|ovd-rijnmond/);

    const told = await gql<{
      placementRequest: { notifications: { organisation: string; contactFunction: string | null; type: string }[] };
    }>(api.url, 'query($id: ID!) { placementRequest(id: $id) { notifications { organisation contactFunction type } } }', {
      token: coordinator,
      variables: { id: request.id },
    });
    expect(told.errors).toBeUndefined();
    expect(told.data!.placementRequest.notifications).toEqual([
      { organisation: 'ovd-rijnmond', contactFunction: 'OVD_BEVOLKINGSZORG', type: 'ESCALATED' },
    ]);
  }, 60_000);

  it('refuses a function for an endpoint that is no escalation contact, naming the field; only ADMIN sees the coverage', async () => {
    const response = await create({
      organisation: 'ovd-zonder-regio',
      url: 'http://127.0.0.1:9/x',
      events: ['ESCALATED'],
      contactFunction: 'OVD_BEVOLKINGSZORG',
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactFunction' });
    const bad = await create({
      organisation: 'ovd',
      url: 'http://127.0.0.1:9/x',
      events: ['ESCALATED'],
      escalationRegions: ['RR'],
      contactFunction: 'BURGEMEESTER',
    });
    expect(JSON.stringify(bad.errors)).toMatch(/contactFunction/);

    const coordinator = await token.coordinator();
    const refused = await gql(api.url, COVERAGE, { token: coordinator });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a facility id that is no UUID is called that, not "at most 200" (red team F14)', async () => {
    const response = await create({
      organisation: 'testzorg',
      url: 'http://127.0.0.1:9/x',
      events: ['OFFER_MADE'],
      facilityIds: ['nonsense'],
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'facilityIds' });
    expect(response.errors?.[0]?.message).toMatch(/facility ids \(UUIDs/);
    expect(response.errors?.[0]?.message).not.toMatch(/at most 200/);
  });

  it("Rijnmond's only contact, whose escalations all end as dead letters, is shown unreachable and leaves Rijnmond uncovered (red team F14)", async () => {
    const admin = await token.admin();
    // Rijnmond's working contact goes; an endpoint nobody listens at (port 9) takes its place.
    for (const contact of (await coverage()).find((r) => r.regionCode === 'RR')!.contacts.filter((c) => c.active))
      await gql(api.url, 'mutation($id: ID!) { disableWebhook(id: $id) { id } }', {
        token: admin,
        variables: { id: contact.id },
      });
    const unreachable = await create({
      organisation: 'ovd-rijnmond-oud',
      url: 'http://127.0.0.1:9/escalations',
      events: ['ESCALATED'],
      escalationRegions: ['RR'],
      contactFunction: 'OVD_BEVOLKINGSZORG',
    });
    expect(unreachable.errors).toBeUndefined();
    const id = unreachable.data!.createWebhook.webhook.id;
    // Nothing was sent to it yet: it is believed until it fails.
    expect((await coverage()).find((r) => r.regionCode === 'RR')).toMatchObject({ covered: true });

    const coordinator = await token.coordinator();
    const request = await client.request(coordinator, { urgency: 'ACUTE', profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinator, request.id, ['WAITING']);
    clock.advance(31 * MINUTE);
    await sweep(api);
    await eventually(async () => {
      const dead = await gql<{ webhookDeliveries: { webhookId: string }[] }>(
        api.url,
        'query { webhookDeliveries(status: DEAD) { webhookId } }',
        { token: admin },
      );
      expect(dead.data!.webhookDeliveries.map((d) => d.webhookId)).toContain(id);
    }, 15_000);

    const rr = (await coverage()).find((r) => r.regionCode === 'RR')!;
    expect(rr.covered).toBe(false);
    expect(rr.missingFunctions).toContain('OVD_BEVOLKINGSZORG');
    expect(rr.contacts.find((c) => c.id === id)).toMatchObject({ active: true, reachable: false });

    // The warning (here on disabling another endpoint) names Rijnmond, and why.
    const other = await create({
      organisation: 'extra',
      url: 'http://127.0.0.1:9/x',
      events: ['ESCALATED'],
      escalationRegions: ['AMS'],
    });
    warnings.mockClear();
    await gql(api.url, 'mutation($id: ID!) { disableWebhook(id: $id) { id } }', {
      token: admin,
      variables: { id: other.data!.createWebhook.webhook.id },
    });
    const said = warnings.mock.calls.map((call) => String(call[0])).join('\n');
    expect(said).toMatch(/No active escalation contact for 2 region\(s\): AMS, RR\./);
    expect(said).toMatch(/In RR the contacts cannot be reached/);
  }, 60_000);
});
