/**
 * Planned actions in the browser (issue 14; 003:493-496: "bij voorbereiding handhavingsactie zorg en
 * opvang slachtoffers expliciet meenemen (via zorgcoördinator)"), as the coordinator preparing an
 * AVIM raid lives it: she plans it with the people expected, sees at once where places are reserved
 * and who falls short and why, and calls it off; the shelter sees only that places are reserved.
 */
import { ExploitationType, Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { facilityOf, startPlacementApp, token } from '../placement/support';
import { insertFacilities } from '../support/factories';
import { describeInBrowser, screenshot } from './browser';
import { axeViolations } from './axe';
import { useConsoleHarness } from './console-harness';

/** Tuesday 1 December 2026, 10:00 in Amsterdam: the raid is being prepared. */
const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z');

describeInBrowser('planned actions in a browser', () => {
  const clock = new FixedClock(TUESDAY_MORNING);
  let haven: { id: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      [haven] = await insertFacilities(
        dataSource,
        [
          facilityOf(ShelterType.VROUWENOPVANG, 4, {
            total: 12,
            eligibility: { genders: [Gender.FEMALE], exploitationTypes: [ExploitationType.SEXUAL] },
          }),
        ],
        { now: TUESDAY_MORNING },
      );
    },
    startApp: (databaseUrl) => startPlacementApp(databaseUrl, clock),
    clock,
  });
  const { openConsole } = harness;

  it('the coordinator plans an AVIM raid for six women: four places reserved, two short with why in Dutch; the shelter sees four reserved, and calling it off gives them back (003:493-496)', async () => {
    const { page, problems } = await openConsole(await token.coordinator(), 'actions');
    await page.getByRole('heading', { name: 'Acties', level: 1 }).waitFor();
    const list = page.getByTestId('planned-actions');
    await list.getByText('Geen geplande acties die u kunt zien.').waitFor();

    const form = page.getByTestId('plan-action-form');
    // Her own region is filled in.
    await form
      .locator('select[name=actionRegion] option:checked')
      .filter({ hasText: 'Rotterdam Rijnmond' })
      .waitFor({ state: 'attached' });
    const submit = form.getByRole('button', { name: 'Plannen en plekken reserveren' });
    expect(await submit.isDisabled()).toBe(true);
    await form.getByLabel('Vanaf (eerste mensen)').fill('2026-12-03T23:00');
    await form.getByLabel('Tot (ongebruikte plekken komen dan vrij)').fill('2026-12-04T06:00');
    await form.getByLabel('Namens').selectOption({ label: 'AVIM (politie)' });
    await form.getByLabel('Organisatiecode van de uitvoerder').fill('avim-rotterdam');
    const outline = form.getByTestId('outline').first();
    await outline.getByLabel('Aantal personen').fill('6');
    await outline.getByLabel('Gender').selectOption({ label: 'Vrouw' });
    expect(await submit.isDisabled()).toBe(true);
    await outline.getByLabel('Seksueel').check();
    // A second outline can be added and removed again.
    await form.getByRole('button', { name: 'Nog een groep toevoegen' }).click();
    expect(await form.getByTestId('outline').count()).toBe(2);
    await form.getByRole('button', { name: 'Groep 2 verwijderen' }).click();
    expect(await form.getByTestId('outline').count()).toBe(1);
    await submit.click();

    // The immediate answer: where the four are reserved, and the two without a place, with why.
    const answer = page.getByTestId('action-answer');
    await answer.waitFor();
    expect(await answer.getByRole('heading').textContent()).toBe('Voor 2 van de 6 verwachte personen is vooraf geen plek.');
    expect(await answer.getByTestId('reserved').textContent()).toMatch(/^4 gereserveerd bij .+ \(Vrouwenopvang\)$/);
    const short = await answer.getByTestId('shortfall').textContent();
    expect(short).toMatch(/^2 zonder plek: /);
    expect(short).not.toMatch(/[A-Z]{2,}_[A-Z]+/);
    const row = list.locator('li[data-status=PLANNED]');
    await row.getByTestId('action-places').filter({ hasText: '4 van 6 plekken gereserveerd' }).waitFor();
    expect(await row.textContent()).toContain('AVIM (politie) (avim-rotterdam)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'planned-action');

    // The shelter's desk card: four places reserved in the window, nothing about who or why.
    const desk = await openConsole(await token.staff(haven.id), 'desk');
    const reserved = desk.page.getByTestId('reservations');
    await reserved.waitFor();
    expect(await reserved.textContent()).toMatch(/^4 plekken gereserveerd voor een geplande actie, .+ – .+$/);
    expect(await reserved.textContent()).not.toContain('avim');
    expect(await axeViolations(desk.page)).toEqual([]);

    // Called off, with why: it leaves the list and the places are given back.
    await row.getByLabel(/^Reden van afblazen/).fill('actie uitgesteld door het OM');
    await row.getByRole('button', { name: /^Actie afblazen/ }).click();
    await list.getByText('Geen geplande acties die u kunt zien.').waitFor();
    await desk.page.reload();
    await desk.page.locator('article.capacity-card').waitFor();
    expect(await desk.page.getByTestId('reservations').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(desk.problems).toEqual([]);
  }, 120_000);
});
