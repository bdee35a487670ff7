/**
 * The escalation worklist and "who was told" in the browser (issue 14, "escalation reaches people"),
 * as the people on shift live it: at 03:00 an ACUTE request in Rotterdam Rijnmond finds no place,
 * escalates after 30 minutes and is sent to the region's escalation contacts (the OvD
 * bevolkingszorg and the Regionale Tafel, 002:362-364, 003:497). The zorgcoördinator sees it on her
 * escalation list, with how long it waited, why, and who was told — delivered, failed, acknowledged
 * — and opens the case by keyboard; Amsterdam's escalation is not on her list, CoMensha sees both.
 */
import { Role } from '@opvangplek/domain';
import { SIGNATURE_HEADER, signWebhook } from '@opvangplek/notifications';
import { FixedClock } from '@opvangplek/platform/clock';
import { MESSAGES } from '../../apps/console/src/i18n/messages';
import { dataOf, DUTCH_WOMAN, eventually, MINUTE, PlacementClient, startPlacementApp, sweep, token } from '../placement/support';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, focused, screenshot } from './browser';
import { axeViolations } from './axe';
import { useConsoleHarness } from './console-harness';
import { startWebhookReceiver } from '../support/webhook-receiver';

/** Saturday 5 December 2026, 03:00 in Amsterdam. */
const THREE_AT_NIGHT = new Date('2026-12-05T02:00:00.000Z');

/** An organisation's receiver: answers every call with `status`, and keeps what it got. */
describeInBrowser('the escalation worklist in a browser', () => {
  const clock = new FixedClock(THREE_AT_NIGHT);
  let client: PlacementClient;
  const receivers: { close(): Promise<void> }[] = [];

  // The browser's clock is the API's: "wacht al 36 min" is counted from the same moment.
  const harness = useConsoleHarness({
    async register(dataSource) {
      // Every place in Rijnmond and Amsterdam taken: an ACUTE request waits, and escalates.
      const full = { total: 4, occupied: 4, held: 0, outOfService: 0 };
      await insertFacilities(
        dataSource,
        [
          newFacility({ name: 'Vol in Rijnmond', capacity: full }),
          newFacility({ name: 'Vol in Amsterdam', regionCode: 'AMS', municipality: 'Amsterdam', capacity: full }),
        ],
        { now: THREE_AT_NIGHT },
      );
    },
    startApp: (databaseUrl) =>
      startPlacementApp(databaseUrl, clock, {
        WEBHOOK_ALLOW_INSECURE: 'true',
        WEBHOOK_FIRST_RETRY_MS: '50',
        WEBHOOK_MAX_ATTEMPTS: '2',
      }),
    clock,
  });
  const { openConsole } = harness;

  beforeAll(() => {
    client = new PlacementClient(harness.api.url);
  });

  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
  });

  async function register(input: Record<string, unknown>) {
    const response = await gql<Record<string, { secret: string; webhook: { id: string } }>>(
      harness.api.url,
      'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }',
      { token: await token.admin(), variables: { input } },
    );
    return dataOf(response, 'createWebhook');
  }

  it("the OvD-facing coordinator at 03:00 sees the escalated ACUTE requests of her region, most urgent and longest waiting first, and that Rijnmond's OvD acknowledged it while the Regionale Tafel's system failed (002:362-364, 003:497)", async () => {
    const ovd = await startWebhookReceiver();
    const tafel = await startWebhookReceiver({ status: 503 });
    const amsterdamContact = await startWebhookReceiver();
    receivers.push(ovd, tafel, amsterdamContact);
    const { secret: ovdSecret } = await register({
      organisation: 'vr-rotterdam-rijnmond',
      url: ovd.url,
      events: ['ESCALATED'],
      escalationRegions: ['RR'],
      contactFunction: 'OVD_BEVOLKINGSZORG',
    });
    await register({
      organisation: 'regionale-tafel-rijnmond',
      url: tafel.url,
      events: ['ESCALATED'],
      escalationRegions: ['RR'],
      contactFunction: 'REGIONALE_TAFEL',
    });
    await register({
      organisation: 'vr-amsterdam-amstelland',
      url: amsterdamContact.url,
      events: ['ESCALATED'],
      escalationRegions: ['AMS'],
    });

    // Before anything escalates, her list says so plainly.
    const coordinator = await token.coordinator();
    const { page, problems } = await openConsole(coordinator, 'escalations');
    await page.getByRole('heading', { name: 'Escalaties', level: 1 }).waitFor();
    await page.getByTestId('escalations-empty').filter({ hasText: 'Geen escalaties in uw regio’s.' }).waitFor();
    expect(await page.getByTestId('escalation-count').textContent()).toBe('0');
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual([
      'Aanvraag',
      'Mijn aanvragen',
      'Werklijst',
      'Escalaties',
      'Acties',
      'Beddenbord',
      'Planning',
    ]);
    await page.locator('[data-connection=live]').waitFor();

    // 03:00 and 03:05: two ACUTE requests in Rijnmond; Amsterdam has one of its own.
    const first = await client.request(coordinator, { urgency: 'ACUTE', profile: DUTCH_WOMAN });
    clock.advance(5 * MINUTE);
    const second = await client.request(coordinator, { urgency: 'ACUTE', profile: DUTCH_WOMAN });
    const amsterdamCoordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-amsterdam', regions: ['AMS'] });
    const amsterdam = await client.request(amsterdamCoordinator, { urgency: 'ACUTE', profile: DUTCH_WOMAN, regionCode: 'AMS' });
    for (const [who, request] of [
      [coordinator, first],
      [coordinator, second],
      [amsterdamCoordinator, amsterdam],
    ] as const)
      await client.waitForStatus(who, request.id, ['WAITING']);
    const waiting = await client.get(coordinator, first.id);

    // 03:36: the sweep escalates all three; her list shows Rijnmond's two, live, the oldest first.
    clock.advance(31 * MINUTE);
    await page.clock.setFixedTime(clock.now());
    await sweep(harness.api);
    const rows = page.locator('ol.escalations > li');
    await page.locator(`li[data-request-id="${second.id}"]`).waitFor({ timeout: 20_000 });
    const order: (string | null)[] = [];
    for (const item of await rows.all()) order.push(await item.getAttribute('data-request-id'));
    expect(order).toEqual([first.id, second.id]);
    expect(await page.locator(`li[data-request-id="${amsterdam.id}"]`).count()).toBe(0);
    expect(await page.getByTestId('escalation-count').textContent()).toBe('2');

    const row = page.locator(`li[data-request-id="${first.id}"]`);
    expect(await row.locator('[data-urgency]').textContent()).toBe('Acuut');
    expect(await row.textContent()).toContain('Rotterdam Rijnmond');
    // Why, in Dutch, from the waiting reason's code.
    const why = row.getByTestId('escalation-why');
    expect(await why.getAttribute('data-waiting')).toBe(waiting.waitingReason);
    expect(await why.textContent()).toBe(
      `Waarom: Wacht: ${(MESSAGES.nl as Record<string, string>)[`waiting.${waiting.waitingReason}`]}`,
    );

    // The OvD's system took it and a person there acknowledged it; the Tafel's system never answered.
    await eventually(async () => expect(ovd.received.length).toBeGreaterThanOrEqual(2), 10_000);
    const toOvd = ovd.received.map(({ body }) => JSON.parse(body) as { deliveryId: string; requestId: string });
    const deliveryId = toOvd.find((body) => body.requestId === first.id)!.deliveryId;
    const acknowledged = await fetch(`${harness.api.url}/webhooks/acknowledge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhook(ovdSecret, deliveryId, clock.now()) },
      body: JSON.stringify({ deliveryId }),
    });
    expect(acknowledged.status).toBeLessThan(300);
    await eventually(async () => expect(tafel.received.length).toBeGreaterThanOrEqual(4), 10_000);

    // Within the list's re-read (15 s): acknowledged, in words, and the failure in words too.
    const ovdLine = row.locator('li[data-organisation="vr-rotterdam-rijnmond"]');
    await row.locator('li[data-organisation="vr-rotterdam-rijnmond"][data-acknowledged=true]').waitFor({ timeout: 25_000 });
    await row.locator('li[data-organisation="regionale-tafel-rijnmond"][data-status=DEAD]').waitFor({ timeout: 25_000 });
    expect(await ovdLine.textContent()).toMatch(
      /^vr-rotterdam-rijnmond \(OvD bevolkingszorg\) — escalatie, verstuurd vandaag 03:\d\d · afgeleverd .+ · gezien door een medewerker .+$/,
    );
    const tafelLine = row.locator('li[data-organisation="regionale-tafel-rijnmond"]');
    expect(await tafelLine.textContent()).toContain('niet afgeleverd (mislukt) · nog niet bevestigd');
    // Who was reached, by function: the Regionale Tafel as well as the OvD bevolkingszorg (002:362-364).
    expect(await tafelLine.textContent()).toMatch(/^regionale-tafel-rijnmond \(Regionale Tafel\) — escalatie/);
    expect(
      await page.locator(`li[data-request-id="${second.id}"] li[data-organisation="vr-rotterdam-rijnmond"]`).textContent(),
    ).toContain('nog niet bevestigd');
    // How long it waited, counted on (the list's clock moves each half minute).
    await row
      .getByTestId('waited')
      .filter({ hasText: /^wacht al 36 min \(sinds vandaag 03:00\)$/ })
      .waitFor({ timeout: 35_000 });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'escalations');

    // By keyboard: past the header, the first case's link, and Enter opens the case with who was told.
    await page.keyboard.press('Tab');
    expect(await focused(page, 'text')).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(page, 'data-testid')).toBe('escalation-case-link');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${harness.api.url}/aanvraag/${first.id}`);
    const told = page.getByTestId('case-notifications');
    await told.getByRole('heading', { name: 'Wie is ingelicht' }).waitFor();
    await told.locator('li[data-organisation="vr-rotterdam-rijnmond"][data-acknowledged=true]').waitFor();
    expect(await told.locator('li[data-organisation="vr-rotterdam-rijnmond"]').textContent()).toContain(
      'gezien door een medewerker',
    );
    expect(await told.locator('li[data-organisation="regionale-tafel-rijnmond"]').textContent()).toContain(
      'niet afgeleverd (mislukt)',
    );
    expect(await told.locator('li').count()).toBe(2);
    expect((await told.getByTestId('contact-function').allTextContents()).sort()).toEqual([
      ' (OvD bevolkingszorg)',
      ' (Regionale Tafel)',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'case-who-was-told');

    // CoMensha, nationally: Amsterdam's escalation too, and a region to narrow the list to.
    const comensha = await openConsole(await token.comensha(), 'escalations');
    await comensha.page.locator(`li[data-request-id="${amsterdam.id}"]`).waitFor();
    expect(await comensha.page.getByTestId('escalation-count').textContent()).toBe('3');
    await comensha.page.locator('select[name=escalationRegion]').selectOption('AMS');
    await comensha.page.locator(`li[data-request-id="${first.id}"]`).waitFor({ state: 'detached' });
    expect(await comensha.page.locator('ol.escalations > li').count()).toBe(1);
    expect(
      await comensha.page
        .locator(`li[data-request-id="${amsterdam.id}"] li[data-organisation="vr-amsterdam-amstelland"]`)
        .count(),
    ).toBe(1);
    // A contact registered without a function (OTHER) is named by its organisation only.
    expect(
      await comensha.page
        .locator(`li[data-request-id="${amsterdam.id}"] li[data-organisation="vr-amsterdam-amstelland"]`)
        .getByTestId('contact-function')
        .count(),
    ).toBe(0);

    expect(problems).toEqual([]);
    expect(comensha.problems).toEqual([]);
  }, 120_000);
});
