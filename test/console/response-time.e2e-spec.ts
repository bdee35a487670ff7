/**
 * "Uw reactietijd" on the shelter desk (issue 18), as the shelter's staff live it on a phone: she
 * declines an offer, choosing the kind of reason from the list (contra-indicatie, 002:741-742) and
 * typing a note; the desk then shows her facility's own median and p90 time to answer and how many
 * offers were accepted, declined and let lapse, over the last 30 days.
 */
import { Gender } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DUTCH_WOMAN, MINUTE, PlacementClient, startPlacementApp, token } from '../placement/support';
import { ANY_ADULT, insertFacilities, newFacility } from '../support/factories';
import { describeInBrowser, screenshot } from './browser';
import { axeViolations } from './axe';
import { useConsoleHarness } from './console-harness';

/** Tuesday 1 December 2026, 14:00 in Amsterdam. */
const TUESDAY_AFTERNOON = new Date('2026-12-01T13:00:00.000Z');
const PHONE = { width: 390, height: 844 };
/** Earlier offers this month, accepted after these many minutes. */
const EARLIER = [5, 10, 12, 30];

describeInBrowser('the shelter desk shows "uw reactietijd"', () => {
  const clock = new FixedClock(TUESDAY_AFTERNOON);
  let client: PlacementClient;
  let haven: { id: string };
  let other: { id: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      [haven, other] = await insertFacilities(
        dataSource,
        [
          newFacility({ name: 'Vrouwenopvang De Haven', eligibility: { ...ANY_ADULT, genders: [Gender.FEMALE] } }),
          newFacility({
            name: 'Vrouwenopvang Elders',
            regionCode: 'AMS',
            municipality: 'Amsterdam',
            capacity: { total: 4, occupied: 4, held: 0, outOfService: 0 },
          }),
        ],
        { now: TUESDAY_AFTERNOON },
      );
      for (const [day, minutes] of EARLIER.entries()) {
        const at = new Date(TUESDAY_AFTERNOON.getTime() - (day + 2) * 24 * 60 * MINUTE);
        await dataSource.query(
          `INSERT INTO placement_holds (request_id, facility_id, places, state, created_at, accepted_at, answer, answered_at)
           VALUES ($1, $2, 1, 'RELEASED', $3, $4, 'ACCEPTED', $4)`,
          [randomUUID(), haven.id, at, new Date(at.getTime() + minutes * MINUTE)],
        );
      }
      // Another shelter's slow answers are not hers to see.
      await dataSource.query(
        `INSERT INTO placement_holds (request_id, facility_id, places, state, created_at, answer) VALUES ($1, $2, 1, 'RELEASED', $3, 'LAPSED')`,
        [randomUUID(), other.id, new Date(TUESDAY_AFTERNOON.getTime() - 24 * 60 * MINUTE)],
      );
    },
    startApp: (databaseUrl) => startPlacementApp(databaseUrl, clock),
    clock,
  });

  beforeAll(() => {
    client = new PlacementClient(harness.api.url);
  });

  it('she declines for a contra-indication, chosen from the list, and sees her median and p90 on the desk', async () => {
    const coordinator = await token.coordinator();
    const staff = await token.staff(haven.id);
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'URGENT' });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    clock.advance(7 * MINUTE);

    const { page, problems } = await harness.openConsole(staff, 'desk', { viewport: PHONE });
    const card = page.locator(`article.offer-card[data-request-id="${request.id}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: /^Afwijzen/ }).click();
    expect(await card.locator('select[name=declineReasonCode] option').allTextContents()).toEqual([
      '—',
      'toch geen plek vrij',
      'buiten onze doelgroep',
      'contra-indicatie (zorg die wij niet kunnen bieden)',
      'veiligheidsrisico',
      'anders',
    ]);
    await card.getByLabel('Soort reden').selectOption({ label: 'contra-indicatie (zorg die wij niet kunnen bieden)' });
    await card.getByLabel('Reden van afwijzen').fill("actieve verslaving, geen begeleiding 's nachts");
    expect(await axeViolations(page)).toEqual([]);
    await card.getByRole('button', { name: /^Afwijzen/ }).click();
    await client.waitForStatus(coordinator, request.id, ['WAITING', 'MATCHING']);
    const [hold] = await harness.database.dataSource.query(
      'SELECT answer, decline_reason FROM placement_holds WHERE request_id = $1',
      [request.id],
    );
    expect(hold).toEqual({ answer: 'DECLINED', decline_reason: 'CONTRA_INDICATION' });

    // Back at the desk: five offers, answered after 5, 7, 10, 12 and 30 minutes.
    await page.reload();
    const figures = page.getByTestId('response-figures');
    await figures.waitFor();
    expect(await figures.locator('h2').textContent()).toBe('Uw reactietijd (30 dagen)');
    expect(await figures.locator('li').textContent()).toBe(
      'mediaan 10 min, 90% binnen 30 min · 5 aanbiedingen: 4 geaccepteerd, 1 afgewezen, 0 verlopen',
    );
    expect(await figures.locator(`li[data-facility-id="${other.id}"]`).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'response-time-phone');
    expect(problems).toEqual([]);
  }, 60_000);

  it('CoMensha on the planning dashboard: each public facility by name with its figures, a small one suppressed in words', async () => {
    const { page, problems } = await harness.openConsole(await token.comensha(), 'dashboard');
    const section = page.locator('[data-chart=response-figures]');
    await section.locator('table').waitFor();
    const rows: string[][] = [];
    for (const row of await section.locator('tbody tr').all()) {
      rows.push((await row.locator('th, td').allTextContents()).map((cell) => cell.trim()));
    }
    const haven = rows.find((cells) => cells[0].startsWith('Vrouwenopvang De Haven'))!;
    // Five offers by now (the four earlier ones and the one declined in the test before this one):
    // shown, with their median; 4 accepted and 1 declined are below the floor of 5, in words.
    expect(haven.slice(1)).toEqual(['5', 'onderdrukt (te klein)', 'onderdrukt (te klein)', '0', '10 min', '30 min']);
    const elders = rows.find((cells) => cells[0].startsWith('Vrouwenopvang Elders'))!;
    expect(elders.slice(1, 5)).toEqual(Array(4).fill('onderdrukt (te klein)'));
    expect(elders[5]).toBe('—');
    // The same for Dutch Excel: the suppressed cells empty, never a 0.
    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'CSV voor Excel' }).click(),
    ]);
    expect(excel.suggestedFilename()).toBe('offer-responses-excel.csv');
    const lines = readFileSync((await excel.path())!)
      .subarray(3)
      .toString('utf8')
      .trim()
      .split('\r\n');
    const columns = lines[0].split(';');
    const havenLine = lines.find((line) => line.includes('Vrouwenopvang De Haven'))!.split(';');
    expect(havenLine[columns.indexOf('aanbiedingen')]).toBe('5');
    expect(havenLine[columns.indexOf('geaccepteerd')]).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'response-figures-dashboard');
    expect(problems).toEqual([]);
  }, 60_000);
});
