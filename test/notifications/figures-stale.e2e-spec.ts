/**
 * FIGURES_STALE (issue 14, "outbound notifications … figures stale"): a shelter whose staff have
 * not confirmed its capacity within the freshness window is told so through its own system, once per
 * stale period, by however many workers sweep at once; and again only after it was fresh again.
 */
import { StaleFiguresJob, SIGNATURE_HEADER, verifyWebhook } from '@opvangplek/notifications';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { dataOf, eventually, HOUR, startPlacementApp, stopApp, token } from '../placement/support';
import { startWebhookReceiver } from '../support/webhook-receiver';

const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }`;
const CONFIRM = `mutation($id: ID!) { confirmCapacity(facilityId: $id) { id capacity { freshness } } }`;
const DELIVERIES = `{ webhookDeliveries { webhookId type requestId facilityId status } }`;

describe('FIGURES_STALE: a shelter is told when its figures went stale', () => {
  const clock = new FixedClock(new Date('2026-12-05T08:00:00.000Z'));
  let database: TestDatabase;
  let api: TestApp;
  let shelter: { id: string };
  let other: { id: string };
  const receivers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    [shelter, other] = await insertFacilities(
      database.dataSource,
      [
        newFacility({ name: 'De Schuilplaats', secretAddress: true, address: 'Geheimstraat 7, Rotterdam' }),
        newFacility({ name: 'Elders' }),
      ],
      { now: clock.now() },
    );
    api = await startPlacementApp(database.url, clock, { WEBHOOK_ALLOW_INSECURE: 'true' });
  }, 60_000);

  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    await stopApp(api, database);
  });

  async function register(input: Record<string, unknown>) {
    return dataOf(
      await gql<Record<string, { secret: string; webhook: { id: string } }>>(api.url, CREATE, {
        token: await token.admin(),
        variables: { input },
      }),
      'createWebhook',
    );
  }

  const sweepBy = (workers: number) =>
    Promise.all(Array.from({ length: workers }, () => api.app.get(StaleFiguresJob).announceAgingAndStaleFigures()));

  it('once per stale period across workers, only to its own system, ids and codes only; again after it was fresh again', async () => {
    const own = await startWebhookReceiver();
    const elsewhere = await startWebhookReceiver();
    receivers.push(own, elsewhere);
    const { secret } = await register({
      organisation: 'schuilplaats',
      url: own.url,
      events: ['FIGURES_STALE'],
      facilityIds: [shelter.id],
    });
    // Another shelter's system, and a region's escalation contact subscribed to it: neither hears of this shelter.
    await register({ organisation: 'elders', url: elsewhere.url, events: ['FIGURES_STALE'], facilityIds: [other.id] });
    await register({
      organisation: 'ovd-rr',
      url: elsewhere.url,
      events: ['FIGURES_STALE', 'ESCALATED'],
      escalationRegions: ['RR'],
    });
    const staff = await token.staff(shelter.id);
    const otherStaff = await token.staff(other.id);

    // Fresh: nothing to say.
    expect(await sweepBy(1)).toEqual([0]);

    // Seven hours on, the other shelter confirms; nine hours on, only this shelter's figures are stale (8 hours for 24/7).
    clock.advance(7 * HOUR);
    dataOf(await gql(api.url, CONFIRM, { token: otherStaff, variables: { id: other.id } }), 'confirmCapacity');
    clock.advance(2 * HOUR);
    const announced = await sweepBy(3);
    expect(announced.reduce((a, b) => a + b, 0)).toBe(1);
    await eventually(async () => expect(own.received).toHaveLength(1), 10_000);

    const [message] = own.received;
    expect(verifyWebhook(secret, message.body, String(message.headers[SIGNATURE_HEADER]), clock.now())).toBe(true);
    const body = JSON.parse(message.body);
    expect(body).toMatchObject({
      type: 'FIGURES_STALE',
      facilityId: shelter.id,
      regionCode: 'RR',
      status: 'STALE',
      requestId: null,
    });
    expect(message.body).not.toMatch(/Geheimstraat|Schuilplaats|Rotterdam/);

    // Still stale an hour later: not again.
    clock.advance(HOUR);
    expect(await sweepBy(2)).toEqual([0, 0]);

    // Staff confirm: fresh again, nothing; stale again nine hours later: told once more.
    dataOf(await gql(api.url, CONFIRM, { token: staff, variables: { id: shelter.id } }), 'confirmCapacity');
    expect(await sweepBy(1)).toEqual([0]);
    clock.advance(9 * HOUR);
    const again = await sweepBy(2);
    // The other shelter went stale too by now: its own system hears of it, ours only of ours.
    expect(again.reduce((a, b) => a + b, 0)).toBe(2);
    await eventually(async () => expect(own.received).toHaveLength(2), 10_000);
    await eventually(async () => expect(elsewhere.received).toHaveLength(1), 10_000);
    expect(JSON.parse(elsewhere.received[0].body)).toMatchObject({ type: 'FIGURES_STALE', facilityId: other.id });

    const deliveries = dataOf(
      await gql<Record<string, { type: string; requestId: string | null; facilityId: string | null }[]>>(api.url, DELIVERIES, {
        token: await token.admin(),
      }),
      'webhookDeliveries',
    );
    expect(deliveries.filter((d) => d.type === 'FIGURES_STALE' && d.facilityId === shelter.id)).toHaveLength(2);
    expect(deliveries.every((d) => d.requestId === null)).toBe(true);
  }, 60_000);
});
