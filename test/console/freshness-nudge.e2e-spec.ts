/**
 * Freshness enforced in the browser (issue 18): at 04:00 the night shift of a 24/7 shelter whose
 * figures are five hours old is asked on its phone "uw cijfers zijn 5 uur oud — klopt het nog?",
 * says so with one tap, and the question goes; an organisation's night shift with three facilities
 * confirms all three with one button; the planner's dashboard shows the stale share over time.
 */
import { Role } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { startPlacementApp, token } from '../placement/support';
import { insertFacilities, newFacility } from '../support/factories';
import { tokenFor } from '../support/tokens';
import { describeInBrowser } from './browser';
import { useConsoleHarness } from './console-harness';

/** 23:00 on Monday 30 November 2026 in Amsterdam: the figures are confirmed when the register is loaded. */
const MONDAY_NIGHT = new Date('2026-11-30T22:00:00.000Z');
const HOUR = 3_600_000;
const PHONE = { width: 390, height: 844 };

describeInBrowser('a shelter is asked whether its figures still hold', () => {
  const clock = new FixedClock(MONDAY_NIGHT);
  let deVeste: { id: string };
  let zorgTwente: { id: string }[];

  const harness = useConsoleHarness({
    async register(dataSource) {
      const twente = { regionCode: 'TW', municipality: 'Enschede', address: 'Teststraat 1, 7511 AA Enschede' };
      [deVeste, ...zorgTwente] = await insertFacilities(
        dataSource,
        [
          newFacility({ ...twente, name: 'De Veste', key: 'tw-de-veste' }),
          newFacility({ ...twente, name: 'Zorg Twente Hengelo', key: 'tw-zt-hengelo' }),
          newFacility({ ...twente, name: 'Zorg Twente Almelo', key: 'tw-zt-almelo' }),
          newFacility({ ...twente, name: 'Zorg Twente Oldenzaal', key: 'tw-zt-oldenzaal' }),
        ],
        { now: MONDAY_NIGHT },
      );
    },
    startApp: (databaseUrl) => startPlacementApp(databaseUrl, clock),
    clock,
  });

  const confirmedAt = async (facilityId: string): Promise<Date> =>
    (await harness.database.dataSource.query('SELECT confirmed_at FROM capacity WHERE facility_id = $1', [facilityId]))[0]
      .confirmed_at;

  it('at 04:00 the night shift on its phone is asked "klopt het nog?", taps once, and the question goes', async () => {
    clock.set(new Date(MONDAY_NIGHT.getTime() + 5 * HOUR));
    const { page, problems } = await harness.openConsole(await token.staff(deVeste.id), 'desk', { viewport: PHONE });
    const nudge = page.getByTestId('figures-nudge').locator(`p[data-facility="${deVeste.id}"]`);
    await nudge.waitFor();
    expect(await nudge.textContent()).toContain('Uw cijfers zijn 5 uur oud — klopt het nog?');
    expect(await nudge.getAttribute('data-freshness')).toBe('AGING');

    await nudge.getByRole('button', { name: 'Klopt nog' }).click();
    await nudge.waitFor({ state: 'detached' });
    expect(await confirmedAt(deVeste.id)).toEqual(clock.now());
    // A shelter with one facility has no "alles" to confirm.
    expect(await page.getByTestId('confirm-all').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);

  it("Zorg Twente's night shift confirms its three facilities with one button", async () => {
    clock.set(new Date(MONDAY_NIGHT.getTime() + 9 * HOUR));
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'zorg-twente', facilityIds: zorgTwente.map((f) => f.id) });
    const { page, problems } = await harness.openConsole(staff, 'desk', { viewport: PHONE });
    const banner = page.getByTestId('figures-nudge');
    await banner.locator('p[data-freshness="STALE"]').first().waitFor();
    expect(await banner.locator('p[data-freshness="STALE"]').count()).toBe(3);

    await page.getByTestId('confirm-all').click();
    await page.getByTestId('confirm-all-result').waitFor();
    expect(await page.getByTestId('confirm-all-result').textContent()).toBe('3 locaties bevestigd.');
    await banner.locator('p[data-freshness]').first().waitFor({ state: 'detached' });
    for (const facility of zorgTwente) expect(await confirmedAt(facility.id)).toEqual(clock.now());
    // De Veste (another organisation) was not confirmed by them.
    expect(await confirmedAt(deVeste.id)).toEqual(new Date(MONDAY_NIGHT.getTime() + 5 * HOUR));
    expect(problems).toEqual([]);
  }, 60_000);

  it("the Twente planner's dashboard charts the stale share, with its figures as a table", async () => {
    const planner = await tokenFor({ role: Role.PLANNER, org: 'regio-twente', regions: ['TW'] });
    const { page, problems } = await harness.openConsole(planner, 'dashboard');
    const panel = page.locator('section[data-chart="stale-share"]');
    await panel.waitFor();
    await panel.getByTestId('stale-share-table').waitFor();
    const rows = panel.locator('tr[data-stale-percent]');
    expect(await rows.count()).toBeGreaterThan(0);
    // By day: the last day's bucket ends now (08:00, after the confirmations), when none of the four is stale.
    expect(await rows.last().getAttribute('data-stale-percent')).toBe('0');
    expect(problems).toEqual([]);
  }, 60_000);
});
