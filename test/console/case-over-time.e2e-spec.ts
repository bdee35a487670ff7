/**
 * The case over time in the browser (issue 14), as the coordinator on shift lives it: what she
 * learns later is recorded on the case page as a profile change with its reason (a new version; a
 * place that no longer fits opens a transfer), and a transfer is asked for with its reason in
 * Dutch; the path between the stay and the transfer can be followed both ways.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import {
  dataOf,
  DUTCH_WOMAN,
  facilityOf,
  MONDAY_OPENING,
  PlacementClient,
  startPlacementApp,
  token,
  WOMAN_IN_BEDENKTIJD,
} from '../placement/support';
import { IN_AMSTERDAM, insertFacilities } from '../support/factories';
import { gql } from '../support/graphql-client';
import { describeInBrowser, focused, screenshot } from './browser';
import { axeViolations } from './axe';
import { useConsoleHarness } from './console-harness';

const ASSIGN = `mutation Assign($requestId: ID!, $facilityId: ID!) {
  assignPlacement(requestId: $requestId, facilityId: $facilityId) { id status }
}`;
const PATH = `query Path($id: ID!) { placementRequest(id: $id) {
  profileVersion transferReason regionCode transfer { id status transferReason regionCode } transferOf { id } } }`;

interface PathView {
  profileVersion: number;
  transferReason: string | null;
  regionCode: string;
  transfer: { id: string; status: string; transferReason: string; regionCode: string } | null;
  transferOf: { id: string } | null;
}

describeInBrowser('the case over time in a browser', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let client: PlacementClient;
  let cosm: { id: string };
  let vo: { id: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      const women = { genders: [Gender.FEMALE] };
      [cosm, vo] = await insertFacilities(
        dataSource,
        [
          facilityOf(ShelterType.COSM, 4, { total: 10, eligibility: women }),
          facilityOf(ShelterType.VROUWENOPVANG, 6, { total: 10, eligibility: women }),
          facilityOf(ShelterType.VROUWENOPVANG, 3, {
            total: 10,
            ...IN_AMSTERDAM,
            eligibility: women,
          }),
        ],
        { now: MONDAY_OPENING },
      );
    },
    startApp: (databaseUrl) => startPlacementApp(databaseUrl, clock),
    clock,
  });
  const { openConsole } = harness;

  beforeAll(() => {
    client = new PlacementClient(harness.api.url);
  });

  /** The path as CoMensha sees it (nationally: both sides, whatever the region). */
  async function pathOf(requestId: string): Promise<PathView> {
    const response = await gql<{ placementRequest: PathView }>(harness.api.url, PATH, {
      token: await token.comensha(),
      variables: { id: requestId },
    });
    return dataOf(response, 'placementRequest');
  }

  /** The coordinator's woman in her bedenktijd, assigned to COSM by CoMensha, arrived there. */
  async function inCosm() {
    const coordinator = await token.coordinator();
    const comensha = await token.comensha();
    const request = await client.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD });
    await client.waitForStatus(comensha, request.id, ['WAITING'], 10_000, (r) => r.waitingForAuthority === 'COMENSHA');
    dataOf(await client.raw(ASSIGN, comensha, { requestId: request.id, facilityId: cosm.id }), 'assignPlacement');
    const staff = await token.staff(cosm.id);
    await client.accept(staff, request.id);
    return client.arrive(staff, request.id);
  }

  it('the coordinator records that she made aangifte and got her B8 permit: a new profile version, and the transfer from COSM to VO it opened (000:2131-2134)', async () => {
    const stay = await inCosm();
    const { page, problems } = await openConsole(await token.coordinator(), `aanvraag/${stay.id}`);
    const overTime = page.getByTestId('case-over-time');
    await overTime.getByRole('heading', { name: 'Verloop van de zaak' }).waitFor();
    expect(await overTime.getByTestId('profile-version').textContent()).toBe('1');
    expect(await overTime.getByTestId('transfer').count()).toBe(0);

    // By keyboard: the button opens the form.
    await overTime.getByRole('button', { name: 'Profiel bijwerken' }).focus();
    await page.keyboard.press('Enter');
    const form = overTime.getByTestId('profile-change-form');
    await form.waitFor();
    const next = form.getByRole('button', { name: 'Verder' });
    // Nothing to record yet, and no reason: nothing goes on.
    expect(await next.isDisabled()).toBe(true);
    expect(await form.textContent()).toContain('Vul ten minste één wijziging in.');

    // A bedenktijd that would start tomorrow is refused at its field, after the confirmation.
    await form.getByLabel('B8/3-status').selectOption({ label: 'Bedenktijd' });
    // A B8 status is sent with her residence status (checked together; hers is shown to no one).
    await form.getByLabel('Start bedenktijd').fill('2026-12-01');
    await form.getByLabel('Reden van de wijziging').fill('gesprek met de zorgcoördinator');
    expect(await next.isDisabled()).toBe(true);
    await form.getByLabel('Verblijfsstatus').selectOption({ label: 'Geen rechtmatig verblijf' });
    await next.click();
    await overTime.getByTestId('profile-change-confirm').waitFor();
    expect(await focused(page, 'tabindex')).toBe('-1');
    await overTime.getByRole('button', { name: 'Ja, bijwerken' }).click();
    await form.getByRole('alert').filter({ hasText: 'Start bedenktijd' }).waitFor();
    expect(await form.getByLabel('Start bedenktijd').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect((await pathOf(stay.id)).profileVersion).toBe(1);

    // What happened: aangifte made and a B8 permit granted.
    await form.getByLabel('Aangifte').selectOption({ label: 'Gedaan' });
    await form.getByLabel('B8/3-status').selectOption({ label: 'B8-vergunning' });
    expect(await form.getByLabel('Start bedenktijd').count()).toBe(0);
    await next.click();
    const confirm = overTime.getByTestId('profile-change-confirm');
    expect(await confirm.textContent()).toContain('zij houdt haar plek tot zij aankomt');
    expect(await axeViolations(page)).toEqual([]);
    await overTime.getByRole('button', { name: 'Ja, bijwerken' }).click();

    // Version 2, and the transfer her COSM place no longer fitting opened, with why in Dutch.
    await overTime.getByTestId('profile-version').filter({ hasText: /^2$/ }).waitFor();
    const transfer = overTime.getByTestId('transfer');
    await transfer.waitFor();
    expect(await transfer.textContent()).toContain('(profiel gewijzigd)');
    // Her history says it in Dutch, without the codes and ids of the API's note.
    const history = page.locator('ol.history');
    await history.getByText('overplaatsing aangevraagd naar Rotterdam Rijnmond; zij blijft hier tot zij daar aankomt').waitFor();
    expect(await history.textContent()).toContain('profiel bijgewerkt');
    expect(await history.textContent()).not.toMatch(/profile changed|transfer requested/);
    const path = await pathOf(stay.id);
    expect(path).toMatchObject({ profileVersion: 2, transfer: { transferReason: 'PROFILE_CHANGED' } });
    // One open transfer at a time: no second one asked from here.
    expect(await overTime.getByRole('button', { name: 'Overplaatsing aanvragen' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'case-over-time-profile-changed');

    // The path, both ways: to the transfer, and from there back to the stay she moves from.
    await transfer.getByRole('link', { name: 'De overplaatsing' }).click();
    await page.waitForURL(`${harness.api.url}/aanvraag/${path.transfer!.id}`);
    const back = page.getByTestId('case-over-time').getByTestId('transfer-of');
    await back.waitFor();
    expect(await back.textContent()).toContain('(profiel gewijzigd)');
    await back.getByRole('link', { name: 'Het verblijf waar zij vandaan komt' }).click();
    await page.waitForURL(`${harness.api.url}/aanvraag/${stay.id}`);
    await page.getByTestId('case-over-time').getByTestId('transfer').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('for her safety the coordinator asks a transfer to another region: the same region is refused at the region field, Amsterdam is asked (004:7085-7089)', async () => {
    const coordinator = await token.coordinator();
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'PLANNED' });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    const staff = await token.staff(vo.id);
    await client.accept(staff, request.id);
    await client.arrive(staff, request.id);

    const { page, problems } = await openConsole(coordinator, `aanvraag/${request.id}`);
    const overTime = page.getByTestId('case-over-time');
    await overTime.getByRole('button', { name: 'Overplaatsing aanvragen' }).click();
    const form = overTime.getByTestId('transfer-form');
    await form.waitFor();
    // The reasons are the contract's, in Dutch.
    expect(await form.locator('select[name=transferReason] option').allTextContents()).toEqual([
      'Kies de reden',
      'veiligheid (naar een andere regio)',
      'zorgbehoefte',
      'doorstroom',
      'profiel gewijzigd',
      'anders',
    ]);
    const submit = form.getByRole('button', { name: 'Overplaatsing aanvragen' });
    expect(await submit.isDisabled()).toBe(true);
    // "Anders" needs a note.
    await form.getByLabel('Reden van de overplaatsing').selectOption({ label: 'anders' });
    expect(await submit.isDisabled()).toBe(true);

    await form.getByLabel('Reden van de overplaatsing').selectOption({ label: 'veiligheid (naar een andere regio)' });
    expect(await form.getByTestId('safety-hint').textContent()).toContain('andere regio');
    await form.getByLabel('Toelichting').fill('uitbuiter gezien in de buurt');
    await submit.click();
    // Left in her own region: refused, said at the region field.
    await form.getByRole('alert').filter({ hasText: 'Regio' }).waitFor();
    expect((await pathOf(request.id)).transfer).toBeNull();
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel('Naar regio').selectOption('AMS');
    await submit.click();
    // Amsterdam's case is not hers to see: she is told it was asked, and who follows it there.
    await overTime.getByTestId('transfer-out-of-sight').filter({ hasText: 'De overplaatsing is aangevraagd' }).waitFor();
    expect(await form.count()).toBe(0);
    expect(await overTime.getByTestId('transfer').count()).toBe(0);
    const path = await pathOf(request.id);
    expect(path.transfer).toMatchObject({ transferReason: 'SAFETY', regionCode: 'AMS' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'case-over-time-transfer');
    expect(problems).toEqual([]);

    // CoMensha sees the whole path: the stay and the Amsterdam transfer, with why.
    const national = await openConsole(await token.comensha(), `aanvraag/${request.id}`);
    const transfer = national.page.getByTestId('case-over-time').getByTestId('transfer');
    await transfer.waitFor();
    expect(await transfer.textContent()).toContain('(veiligheid (naar een andere regio))');
    await transfer.getByRole('link', { name: 'De overplaatsing' }).click();
    await national.page.waitForURL(`${harness.api.url}/aanvraag/${path.transfer!.id}`);
    await national.page.getByTestId('case-over-time').getByTestId('transfer-of').waitFor();
    expect(national.problems).toEqual([]);
  }, 120_000);

  it('the coordinator reports her to CoMensha from the case, with what the case already says filled in, and CoMensha finds it in its list (002:803)', async () => {
    const coordinator = await token.coordinator();
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'PLANNED' });
    const { page, problems } = await openConsole(coordinator, `aanvraag/${request.id}`);
    const section = page.getByTestId('case-registration');
    await section.getByRole('button', { name: 'Melden bij CoMensha' }).click();
    const form = section.getByTestId('registration-form');
    // What the case says: her region and gender; the rest is asked.
    await form
      .locator('select[name=registrationGender] option:checked')
      .filter({ hasText: 'Vrouw' })
      .waitFor({ state: 'attached' });
    await form
      .locator('select[name=registrationRegion] option:checked')
      .filter({ hasText: 'Rotterdam Rijnmond' })
      .waitFor({ state: 'attached' });
    const submit = form.getByRole('button', { name: 'Melden' });
    expect(await submit.isDisabled()).toBe(true);
    await form.getByLabel('Seksueel').check();
    await form.getByLabel('Gesignaleerd door').selectOption({ label: 'politie' });
    expect(await axeViolations(page)).toEqual([]);
    await submit.click();
    await section.getByTestId('registered').filter({ hasText: 'Gemeld bij CoMensha' }).waitFor();
    expect(problems).toEqual([]);

    const national = await openConsole(await token.comensha(), 'dashboard');
    const list = national.page.getByTestId('registrations');
    await list.getByRole('heading', { name: 'Meldingen bij CoMensha' }).waitFor();
    const row = list.locator('li').first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(
      /Rotterdam Rijnmond · Vrouw, .+ · Seksueel · Gesignaleerd door: politie · zc-rijnmond · met een aanvraag$/,
    );
    expect(await axeViolations(national.page)).toEqual([]);
    expect(national.problems).toEqual([]);
  }, 120_000);
});
