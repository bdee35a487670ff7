import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { facilityOf, PlacementClient } from '../placement/support';
import { IN_AMSTERDAM, insertFacilities } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, focused, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';

/** Tuesday 1 December 2026, 10:00 in Amsterdam: CoMensha is open (Mon-Fri 09:00-17:00). */
const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z');
/** Friday 4 December, 16:58 and 17:01 in Amsterdam: CoMensha closes at 17:00 for the weekend. */
const FRIDAY_BEFORE_FIVE = new Date('2026-12-04T15:58:00.000Z');
const FRIDAY_AFTER_FIVE = new Date('2026-12-04T16:01:00.000Z');
/** Saturday 5 December, 02:35 in Amsterdam. */
const SATURDAY_NIGHT = new Date('2026-12-05T01:35:00.000Z');

/**
 * The chain's decisions in the browser (domain.md §5a), against the real API and worker on a fixed
 * clock: a zorgcoördinator's request for a woman in bedenktijd waits on CoMensha's worklist, and
 * CoMensha decides it on the worklist screen while the requester watches.
 */
describeInBrowser('the worklist in a browser', () => {
  const clock = new FixedClock(TUESDAY_MORNING);
  let cosmRotterdam: { id: string; name: string };
  let cosmAmsterdam: { id: string; name: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      const women = { genders: [Gender.FEMALE] };
      [cosmRotterdam, cosmAmsterdam] = await insertFacilities(
        dataSource,
        [
          facilityOf(ShelterType.COSM, 3, { name: 'COSM Rotterdam', total: 10, eligibility: women }),
          facilityOf(ShelterType.COSM, 3, {
            name: 'COSM Amsterdam',
            total: 10,
            ...IN_AMSTERDAM,
            eligibility: women,
          }),
        ],
        { now: TUESDAY_MORNING },
      );
    },
    // The worker in this process, on the same clock; no sweeps in between (the test drives it).
    startApp: (databaseUrl) => startTestApp(databaseUrl, { clock, withWorker: true, env: { SWEEP_SECONDS: '3600' } }),
  });

  const openConsole = (token: string, screen: string, viewport?: { width: number; height: number }, at?: Date) =>
    harness.openConsole(token, screen, {
      viewport,
      // The browser's own clock, where the words depend on it ("ma 7 dec" rather than "morgen").
      beforeOpening: ({ page }) => at && page.clock.setFixedTime(at),
    });

  it('a request for a woman in bedenktijd waits for CoMensha; CoMensha assigns COSM on the worklist and the requester sees it offered live', async () => {
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
    const comensha = await tokenFor({ role: Role.COMENSHA, org: 'comensha' });

    // The zorgcoördinator asks for a place, PLANNED, on Tuesday at 10:00.
    const requester = await openConsole(coordinator, 'request');
    const form = requester.page;
    await form.getByRole('heading', { name: 'Aanvraag', level: 1 }).waitFor();
    await form.getByLabel('Vrouw').check();
    await form.getByLabel('Seksueel').check();
    // The OM's route decision is asked for criminal exploitation only.
    expect(await form.locator('input[name=routeDecided]').count()).toBe(0);
    await form.getByLabel('Criminaliteit').check();
    await form.getByLabel('Routebesluit OM genomen').waitFor();
    await form.getByLabel('Criminaliteit').uncheck();
    await form.locator('input[name=routeDecided]').waitFor({ state: 'detached' });
    await form.locator('input[name=age]').fill('24');
    await form.locator('select[name=residenceStatus]').selectOption('NO_LAWFUL_RESIDENCE');
    await form.locator('select[name=b8Status]').selectOption('BEDENKTIJD');
    await form.locator('input[name=bedenktijdStart]').fill('2026-11-27');
    await form.locator('select[name=aangifte]').selectOption('NONE');
    await form.getByLabel('Ingeschreven in gemeente').fill('Rotterdam');
    await form.locator('select[name=urgency]').selectOption('PLANNED');
    await form.locator(`.match-list li[data-facility-id="${cosmRotterdam.id}"]`).waitFor();
    await form.getByRole('button', { name: 'Plaatsing aanvragen' }).click();

    const follow = form.locator('section.follow');
    await follow.waitFor();
    const requestId = (await follow.getAttribute('data-request-id'))!;
    // She waits for CoMensha, and the requester reads who decides and why.
    await follow.locator('h2 [data-status=WAITING]').waitFor({ timeout: 30_000 });
    const why = follow.getByTestId('waiting-why');
    await why.filter({ hasText: 'Wacht op CoMensha (werklijst)' }).waitFor();
    expect(await why.getAttribute('data-waiting')).toBe('AWAITING_AUTHORITY');
    expect(await follow.textContent()).toContain('Rotterdam'); // the responsible municipality
    await screenshot(form, 'request-waits-for-comensha');

    // CoMensha opens its worklist, on a laptop and on a phone.
    const phone = await openConsole(comensha, 'worklist', { width: 390, height: 844 });
    const { page, problems } = await openConsole(comensha, 'worklist', { width: 1280, height: 800 });
    await page.getByRole('heading', { name: 'Werklijst', level: 1 }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual([
      'Werklijst',
      'Escalaties',
      'Acties',
      'Aanvraag',
      'Mijn aanvragen',
      'Beddenbord',
      'Planning',
    ]);
    const item = page.locator(`button.worklist-item[data-request-id="${requestId}"]`);
    await item.waitFor();
    const itemText = await item.textContent();
    expect(itemText).toContain('Gepland');
    expect(itemText).toContain('Rotterdam Rijnmond');
    expect(itemText).toContain('Vrouw');
    expect(itemText).toContain('wacht al');
    // How long, and since when as people say it ("wacht al 3 d 16 u (sinds di 1 dec 10:00)"):
    // no numeric date (05-12-2026) or ISO time.
    const waited = await item.getByTestId('waited').textContent();
    expect(waited).toMatch(/^wacht al \d+ (d|u|min)\b.* \(sinds .*\d\d:\d\d\)$/);
    expect(waited).not.toMatch(/\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{2}-\d{2}/);
    expect(await item.locator('[data-authority-open]').textContent()).toBe('CoMensha is nu open');
    await page.locator('[data-connection=live]').waitFor();
    await screenshot(page, 'worklist');
    await phone.page.locator(`button.worklist-item[data-request-id="${requestId}"]`).waitFor();
    await screenshot(phone.page, 'worklist-phone');

    // From the top of the page, the skip link is the first Tab stop; past the header, the case is
    // two Tabs further (the region filter, then the first case).
    await page.keyboard.press('Tab');
    expect(await focused(page, 'text')).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await focused(page, 'id')).toBe('main');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page, 'data-request-id')).toBe(requestId);

    // She opens it: the places CoMensha may assign, best first. The address names the case.
    expect(await page.title()).toBe('Werklijst — Opvangplek');
    await item.click();
    await page.waitForURL(`${harness.api.url}/worklist/${requestId}`);
    expect(await page.title()).toBe('Werklijst: besluit — Opvangplek');
    const panel = page.locator(`section.decision[data-request-id="${requestId}"]`);
    expect(await panel.getByTestId('case-link').getAttribute('href')).toBe(`/aanvraag/${requestId}`);
    const offers = panel.locator('li.candidate[data-decision=OFFER]');
    await offers.first().waitFor();
    expect(await offers.count()).toBe(2);
    const firstId = (await offers.first().getAttribute('data-facility-id'))!;
    expect(firstId).toBe(cosmRotterdam.id); // nearer to the requester's region
    expect(await offers.first().locator('.first-choice').count()).toBe(1);
    expect(await panel.locator('input[name=facilityId]:checked').getAttribute('value')).toBe(firstId);
    expect(await panel.getByText('Toelichting (niet verplicht)').count()).toBe(1);

    // Another place than the first, without a reason: the field says it is required and why, and
    // the API's refusal is shown at it.
    await panel.locator(`li.candidate[data-facility-id="${cosmAmsterdam.id}"] input`).check();
    await panel.getByText('Reden (verplicht)').waitFor();
    expect(await panel.getByTestId('reason-why').textContent()).toContain('COSM Rotterdam');
    await panel.getByRole('button', { name: 'Toewijzen' }).click();
    const reasonError = panel.locator('.error-box [data-code=BAD_USER_INPUT]');
    await reasonError.waitFor();
    expect(await reasonError.textContent()).toBe('Onjuiste invoer: controleer het veld ‘Reden’.');
    expect(await panel.locator('textarea[name=assignReason]').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'worklist-reason-error');

    // She picks COSM Rotterdam and assigns it; the requester's page turns to "Aangeboden" live.
    await panel.locator(`li.candidate[data-facility-id="${cosmRotterdam.id}"] input`).check();
    await panel.getByText('Toelichting (niet verplicht)').waitFor();
    await panel.getByRole('button', { name: 'Toewijzen' }).click();
    await panel.getByTestId('decided').filter({ hasText: 'Toegewezen: COSM Rotterdam' }).waitFor();
    // The button is gone: the focus is on what happened, not on the page.
    expect(await focused(page, 'data-testid')).toBe('decided');
    await follow.locator('h2 [data-status=OFFERED]').waitFor({ timeout: 10_000 });
    expect(await follow.locator('h2 [data-status]').textContent()).toBe('Aangeboden');
    expect(await follow.getByTestId('offered-facility').textContent()).toContain('COSM Rotterdam');
    // It leaves the worklist, on both of CoMensha's screens.
    await item.waitFor({ state: 'detached', timeout: 10_000 });
    await phone.page
      .locator(`button.worklist-item[data-request-id="${requestId}"]`)
      .waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, 'worklist-assigned');

    const read = await gql<{ placementRequest: { status: string; facility: { id: string } } }>(
      harness.api.url,
      'query($id: ID!) { placementRequest(id: $id) { status facility { id } } }',
      { token: coordinator, variables: { id: requestId } },
    );
    expect(read.data!.placementRequest).toEqual({ status: 'OFFERED', facility: { id: cosmRotterdam.id } });
    expect(problems).toEqual([]);
    expect(phone.problems).toEqual([]);
    expect(requester.problems).toEqual([]);
  }, 120_000);

  it('CoMensha just after closing time: Toewijzen says CoMensha places COSM in office hours and when again; at 02:35 nothing is preselected and the case is found again by its address', async () => {
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
    const comensha = await tokenFor({ role: Role.COMENSHA, org: 'comensha' });
    const client = new PlacementClient(harness.api.url);
    try {
      // A woman in bedenktijd waits on CoMensha's worklist since Tuesday.
      const request = await client.request(coordinator, {
        urgency: 'PLANNED',
        profile: {
          gender: 'FEMALE',
          age: 29,
          exploitationTypes: ['SEXUAL'],
          residenceStatus: 'NO_LAWFUL_RESIDENCE',
          b8Status: 'BEDENKTIJD',
          bedenktijdStart: '2026-11-27',
          aangifte: 'NONE',
          registeredInMunicipality: 'Rotterdam',
        },
      });
      await client.waitForStatus(comensha, request.id, ['WAITING'], 30_000, (r) => r.waitingReason === 'AWAITING_AUTHORITY');

      // Friday 16:58: she opens the case; the best place is preselected, as CoMensha is open.
      clock.set(FRIDAY_BEFORE_FIVE);
      const { page, problems } = await openConsole(comensha, `worklist/${request.id}`, undefined, SATURDAY_NIGHT);
      const panel = page.locator(`section.decision[data-request-id="${request.id}"]`);
      await panel.locator('li.candidate[data-decision=OFFER]').first().waitFor();
      expect(await panel.locator('input[name=facilityId]:checked').getAttribute('value')).toBe(cosmRotterdam.id);
      expect(await panel.getByTestId('not-now').count()).toBe(0);

      // 17:01 when she presses Toewijzen: refused, and said why (not "someone else changed it").
      clock.set(FRIDAY_AFTER_FIVE);
      await panel.getByRole('button', { name: 'Toewijzen' }).click();
      const refusal = panel.locator('.error-box [data-reason=AUTHORITY_CLOSED]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toBe(
        'Nu niet mogelijk: CoMensha plaatst in COSM alleen tijdens kantooruren; weer mogelijk ma 7 dec 09:00',
      );
      expect(await panel.textContent()).not.toContain('iemand anders');
      expect(await focused(page, 'class')).toBe('error-box');
      // The places are read again: none is assignable before Monday, and the button says why.
      await panel.getByTestId('not-now').waitFor();
      expect(await panel.getByRole('button', { name: 'Toewijzen' }).isDisabled()).toBe(true);

      // Saturday 02:35, the same address after a reload: the case is open again, nothing is
      // preselected, Toewijzen waits, and the panel says why and until when.
      clock.set(SATURDAY_NIGHT);
      await page.reload();
      await panel.locator('li.candidate[data-decision=OFFER]').first().waitFor();
      expect(page.url()).toBe(`${harness.api.url}/worklist/${request.id}`);
      expect(await panel.locator('input[name=facilityId]:checked').count()).toBe(0);
      const assign = panel.getByRole('button', { name: 'Toewijzen' });
      expect(await assign.isDisabled()).toBe(true);
      expect(await panel.getByTestId('not-now').textContent()).toBe(
        'CoMensha plaatst in COSM alleen tijdens kantooruren; weer mogelijk ma 7 dec 09:00',
      );
      expect(await assign.getAttribute('aria-describedby')).toBe(await panel.getByTestId('not-now').getAttribute('id'));
      // Choosing a place herself does not make it assignable before Monday.
      await panel.locator(`li.candidate[data-facility-id="${cosmAmsterdam.id}"] input`).check();
      expect(await assign.isDisabled()).toBe(true);
      await screenshot(page, 'worklist-comensha-closed');

      // The case page is one link away.
      await panel.getByTestId('case-link').click();
      await page.waitForURL(`${harness.api.url}/aanvraag/${request.id}`);
      await page.getByRole('heading', { name: /Aanvraag/, level: 1 }).waitFor();
      // Its own tab title: not the form's ("Aanvraag"), not the list's.
      expect(await page.title()).toBe('Stand van de aanvraag — Opvangplek');
      const read = await client.get(comensha, request.id);
      expect(read.status).toBe('WAITING');
      expect(problems).toEqual([]);
    } finally {
      clock.set(TUESDAY_MORNING);
    }
  }, 120_000);

  it('criminal exploitation without the OM route decision waits for it, in words, until the coordinator records it on the case; with it ticked the request records it (003:490)', async () => {
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
    const { page, problems } = await openConsole(coordinator, 'request');
    const fill = async () => {
      await page.getByLabel('Vrouw').check();
      await page.getByLabel('Criminaliteit').check();
      await page.locator('input[name=age]').fill('31');
      await page.locator('select[name=residenceStatus]').selectOption('DUTCH');
      await page.locator('select[name=urgency]').selectOption('PLANNED');
    };
    // Only COSM here, which a Dutch woman does not fit: 0 matches, so the console asks first.
    const submitAnyway = async () => {
      await page.getByRole('button', { name: 'Plaatsing aanvragen' }).click();
      await page.getByTestId('no-match-warning').getByRole('button', { name: 'Toch aanvragen' }).click();
    };
    await fill();
    await submitAnyway();
    const follow = page.locator('section.follow');
    await follow.locator('[data-waiting=AWAITING_ROUTE_DECISION]').waitFor({ timeout: 30_000 });
    expect(await follow.getByTestId('waiting-why').textContent()).toBe(
      'Wacht op het routebesluit (screeningsoverleg met het OM)',
    );
    const waitingId = (await follow.getAttribute('data-request-id'))!;

    // Monday, after the screeningsoverleg: the coordinator records the route on the case's page.
    const casePage = await openConsole(coordinator, `aanvraag/${waitingId}`);
    const overTime = casePage.page.getByTestId('case-over-time');
    await overTime.getByRole('button', { name: 'Routebesluit vastleggen' }).click();
    const routeForm = overTime.getByTestId('route-decision-form');
    const save = routeForm.getByRole('button', { name: 'Vastleggen' });
    expect(await save.isDisabled()).toBe(true);
    await routeForm.getByLabel('Veilige opvangplek: nu plaatsen').check();
    await routeForm.getByLabel('Wat is besloten, en door wie').fill('screeningsoverleg met het OM: veilige opvang');
    await save.click();
    await routeForm.waitFor({ state: 'detached' });
    const decided = await gql<{ placementRequest: { routeDecided: boolean; waitingReason: string | null } }>(
      harness.api.url,
      'query($id: ID!) { placementRequest(id: $id) { routeDecided waitingReason } }',
      { token: coordinator, variables: { id: waitingId } },
    );
    expect(decided.data!.placementRequest.routeDecided).toBe(true);
    expect(decided.data!.placementRequest.waitingReason).not.toBe('AWAITING_ROUTE_DECISION');
    expect(casePage.problems).toEqual([]);

    await page.getByRole('button', { name: 'Nieuwe aanvraag' }).click();
    await fill();
    await page.getByLabel('Routebesluit OM genomen').check();
    await submitAnyway();
    const second = page.locator('section.follow');
    await second.waitFor();
    const id = (await second.getAttribute('data-request-id'))!;
    const read = await gql<{ placementRequest: { routeDecided: boolean } }>(
      harness.api.url,
      'query($id: ID!) { placementRequest(id: $id) { routeDecided } }',
      { token: coordinator, variables: { id } },
    );
    expect(read.data!.placementRequest.routeDecided).toBe(true);
    expect(problems).toEqual([]);
  }, 90_000);
});
