import { readFileSync } from 'node:fs';
import { Role, ShelterType } from '@opvangplek/domain';
import type { Locator, Page } from 'playwright-core';
import { insertFacilities, newFacility } from '../support/factories';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';

const DAY = 24 * 3_600_000;

/**
 * Issue 13 item 11, "Planning tells the truth", in a real browser: the occupancy history draws no
 * zeros where there is no history (the table under the chart says "geen gegevens"), the yearly
 * statistics hide their rows of zeros behind one line, and the CSV buttons offer a file Dutch Excel
 * opens (semicolons, BOM, Amsterdam times, words) beside the standard one.
 */
describeInBrowser('planning tells the truth', () => {
  const harness = useConsoleHarness({
    async register(dataSource) {
      // One women's shelter in the register since three days ago, a second one since today: before
      // three days ago there is no history at all, and until today only half of it.
      await insertFacilities(
        dataSource,
        [newFacility({ name: 'Vrouwenopvang Oud', capacity: { total: 14, occupied: 6, held: 0, outOfService: 0 } })],
        { now: new Date(Date.now() - 3 * DAY) },
      );
      await insertFacilities(dataSource, [
        newFacility({ name: 'Vrouwenopvang Nieuw', capacity: { total: 10, occupied: 2, held: 0, outOfService: 0 } }),
      ]);
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl),
  });

  async function openDashboard(beforeOpening?: (page: Page) => Promise<unknown>) {
    const planner = await tokenFor({ role: Role.PLANNER, org: 'gemeente-rotterdam', regions: ['RR'] });
    const opened = await harness.openConsole(planner, 'dashboard', { beforeOpening: ({ page }) => beforeOpening?.(page) });
    await opened.page.getByRole('heading', { name: 'Planning', level: 1 }).waitFor();
    return opened;
  }

  it('draws no zeros where there is no history, but a gap with "geen gegevens"', async () => {
    const { page, problems } = await openDashboard();
    const panel = page.locator('section.chart-panel[data-chart=occupancy]');
    await panel.locator('canvas').waitFor();
    const buckets = Number(await panel.getAttribute('data-points'));
    expect(buckets).toBeGreaterThanOrEqual(30); // the last 30 days and today, by day
    // Only today has every facility's figures: every other day is a gap, and says so.
    const note = panel.getByTestId('occupancy-gaps');
    expect(await note.getAttribute('data-gaps')).toBe(String(buckets - 1));
    expect(await note.textContent()).toBe(
      `Voor ${buckets - 1} van de ${buckets} tijdvakken zijn er geen (volledige) gegevens: daar staat een gat, geen nul.`,
    );
    await panel.getByText('Cijfers als tabel').click();
    const rows = panel.locator('[data-testid=occupancy-table] tbody tr');
    expect(await rows.count()).toBe(buckets);
    const cells = await rows.evaluateAll((elements) =>
      elements.map((row) => (row as unknown as { textContent: string }).textContent),
    );
    // A month ago: no history. Yesterday: one of the two shelters. Today: 8 occupied, 16 free.
    expect(cells[0]).toMatch(/geen gegevens$/);
    expect(cells.filter((text) => text.endsWith('geen gegevens')).length).toBeGreaterThanOrEqual(buckets - 5);
    expect(cells[buckets - 2]).toMatch(/onvolledig \(1 van 2 locaties\)$/);
    const today = await rows
      .last()
      .locator('td')
      .evaluateAll((elements) => elements.map((cell) => (cell as unknown as { textContent: string }).textContent));
    expect(today).toEqual(['8', '0', '0', '16']); // bezet, gereserveerd, buiten gebruik, vrij
    expect(await panel.locator('[data-complete=false]').count()).toBe(buckets - 1);
    await screenshot(page, 'planning-no-false-zeros');
    expect(problems).toEqual([]);
  }, 60_000);

  it('says a count too small to show in a sentence that reads: "moesten wachten: onderdrukt (te klein)"', async () => {
    // A quiet month: fewer requests waited than may be shown, so the API gives no number (null).
    const { page, problems } = await openDashboard((page) =>
      page.route('**/graphql', async (route) => {
        const response = await route.fetch();
        if (!route.request().postData()?.includes('unmetDemand')) return route.fulfill({ response });
        const json = (await response.json()) as { data: { unmetDemand: Record<string, unknown> } };
        Object.assign(json.data.unmetDemand, { waited: null, escalated: null });
        await route.fulfill({ response, json });
      }),
    );
    const facts = page.getByTestId('unmet-facts');
    await facts.waitFor();
    expect(await facts.textContent()).toBe(
      '0 aanvragen · moesten wachten: onderdrukt (te klein) · geëscaleerd: onderdrukt (te klein) · 0 noodbed te lang · 0 buiten de regio geplaatst',
    );
    await page.getByRole('button', { name: 'English' }).click();
    await facts.getByText('had to wait: suppressed (too few)').waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  it('collapses the statistics rows without placements, and shows them on request', async () => {
    const { page, problems } = await openDashboard();
    const section = page.locator('[data-chart=statistics]');
    await section.locator('table').waitFor();
    const line = section.getByTestId('hidden-rows');
    const hidden = Number(await line.getAttribute('data-hidden'));
    expect(hidden).toBeGreaterThan(20); // nobody was placed this year: every row is a zero
    expect(await line.textContent()).toBe(`${hidden} rijen zonder plaatsingen verborgen — toon`);
    expect(await section.locator('tbody tr').count()).toBe(0);
    await line.getByRole('button', { name: 'toon' }).click();
    expect(await section.locator('tbody tr').count()).toBe(hidden);
    await section.getByRole('button', { name: 'verberg rijen zonder plaatsingen' }).click();
    expect(await section.locator('tbody tr').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);

  it('downloads a CSV that Dutch Excel opens (semicolons, BOM, Amsterdam times, words), and the standard one', async () => {
    const { page, problems } = await openDashboard();
    const panel = page.locator('section.chart-panel[data-chart=occupancy]');
    await panel.locator('canvas').waitFor();
    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'CSV voor Excel' }).click(),
    ]);
    expect(excel.suggestedFilename()).toBe('occupancy-history-excel.csv');
    const bytes = readFileSync((await excel.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0].split(';')).toEqual([
      'begin (Amsterdamse tijd)',
      'regio',
      'regionaam',
      'type',
      'soort',
      'totaal',
      'bezet',
      'gereserveerd',
      'buiten gebruik',
      'vrij',
      'hoogste bezetting',
      'locaties',
      'locaties met gegevens',
      'volledig',
    ]);
    // Midnight in Amsterdam, not 23:00 UTC; words beside the codes; the day without history says so.
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} 00:00;RR;Rotterdam Rijnmond;VROUWENOPVANG;Vrouwenopvang;0;0;0;0;0;0;2;0;nee$/);
    expect(lines[lines.length - 1]).toMatch(/;VROUWENOPVANG;Vrouwenopvang;24;8;0;0;16;\d+;2;2;ja$/);

    const [standard] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'CSV (standaard)' }).click(),
    ]);
    expect(standard.suggestedFilename()).toBe('occupancy-history.csv');
    const text = readFileSync((await standard.path())!, 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe('bucketStart,region,type,total,occupied,held,outOfService,available,peakOccupied');
    expect(problems).toEqual([]);
  }, 60_000);
});

/**
 * A planner in Rotterdam checks on Monday morning what is free per kind. Some places have a secret
 * address: their counts are their own staff's only, so the overview cannot add them up. It must not
 * show them as zeros (a "0 vrij" noodbed reads as "full" when one is free), but say "not shown" with
 * whether a place is free, and where a kind mixes both, how many locations its totals leave out.
 */
describeInBrowser('secret-address places: no false zeros in planning, and named in words', () => {
  const harness = useConsoleHarness({
    async register(dataSource) {
      const counts = (total: number, occupied: number) => ({ total, occupied, held: 0, outOfService: 0 });
      await insertFacilities(dataSource, [
        newFacility({ name: 'Vrouwenopvang Open', capacity: counts(10, 6) }),
        newFacility({ name: 'Vrouwenopvang Geheim', secretAddress: true, capacity: counts(8, 8) }),
        newFacility({ type: ShelterType.NOODBED, secretAddress: true, capacity: counts(2, 1) }),
        newFacility({ type: ShelterType.NOODBED, secretAddress: true, capacity: counts(1, 1) }),
        newFacility({ type: ShelterType.COSM, secretAddress: true, capacity: counts(4, 4) }),
      ]);
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl),
  });

  it('says "niet getoond (geheim adres)" and whether a place is free, never zeros, in the table, in English and in the Excel file', async () => {
    const planner = await tokenFor({ role: Role.PLANNER, org: 'gemeente-rotterdam', regions: ['RR'] });
    const { page, problems } = await harness.newPage();
    try {
      await page.goto(`${harness.api.url}/dashboard#token=${encodeURIComponent(planner)}`);
      const panel = page.locator('section.chart-panel[data-chart=capacity]');
      await panel.locator('canvas').waitFor();
      await expectNoteAndRows(panel, 'nl', {
        note: 'Locaties met een geheim adres tellen niet mee in de aantallen',
        rows: [
          'Vrouwenopvang (totalen zonder 1 locatie met een geheim adres: vol)|6|0|0|4',
          'COSM|niet getoond (geheim adres): vol',
          'Noodbed|niet getoond (geheim adres): ≥ 1 vrij',
        ],
      });
      await screenshot(page, 'planning-secret-addresses');

      const [excel] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name: 'CSV voor Excel' }).click(),
      ]);
      const lines = readFileSync((await excel.path())!, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      const noodbed = lines.find((line) => line.includes(';NOODBED;'))!.split(';');
      // Its places are in no sum: the zeros now stand beside "2 secret-address locations, ≥ 1 free".
      expect(noodbed.slice(4, 10)).toEqual(['2', '0', '0', '0', '0', '0']);
      // …and the places expected free in 24 h and 72 h count public-address places only (none here).
      expect(noodbed.slice(-5)).toEqual(['2', 'AVAILABLE', '≥ 1 vrij', '0', '0']);

      await page.getByRole('button', { name: 'English' }).click();
      await expectNoteAndRows(panel, 'en', {
        note: 'Locations with a secret address are not in the counts',
        rows: [
          "Women's shelter (totals leave out 1 location with a secret address: full)|6|0|0|4",
          'COSM|not shown (secret address): full',
          'Emergency bed|not shown (secret address): ≥ 1 free',
        ],
      });
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  // An AVIM officer at 03:00, reading the console in English, looks for a bed in Rotterdam: the
  // places with a secret address are named by their kind and region in her language, not in Dutch
  // and not by a region code.
  it('names a secret-address place on the bed board by its kind and region, in the chosen language', async () => {
    const police = await tokenFor({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
    const { page, problems } = await harness.newPage();
    try {
      await page.goto(`${harness.api.url}/beds#token=${encodeURIComponent(police)}`);
      const names = async () => {
        await page.locator('li.facility').first().waitFor();
        return (await page.locator('li.facility .facility-name').allTextContents()).sort();
      };
      expect(await names()).toEqual([
        'COSM (geheim adres), regio Rotterdam Rijnmond',
        'Noodbed (geheim adres), regio Rotterdam Rijnmond',
        'Noodbed (geheim adres), regio Rotterdam Rijnmond',
        'Vrouwenopvang (geheim adres), regio Rotterdam Rijnmond',
        'Vrouwenopvang Open',
      ]);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText("Women's shelter (secret address), region Rotterdam Rijnmond").waitFor();
      expect(await names()).toEqual([
        'COSM (secret address), region Rotterdam Rijnmond',
        'Emergency bed (secret address), region Rotterdam Rijnmond',
        'Emergency bed (secret address), region Rotterdam Rijnmond',
        'Vrouwenopvang Open',
        "Women's shelter (secret address), region Rotterdam Rijnmond",
      ]);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  /** The note above the chart, and each table row as "header|cell|cell…" (opening the table if needed). */
  async function expectNoteAndRows(panel: Locator, language: 'nl' | 'en', expected: { note: string; rows: string[] }) {
    await panel.getByTestId('capacity-secret-note').getByText(expected.note).waitFor();
    const table = panel.getByTestId('capacity-table');
    if ((await table.getAttribute('open')) === null) await table.locator('summary').click();
    const rows = await table.locator('tbody tr').evaluateAll((elements) =>
      elements.map((row) =>
        Array.from((row as unknown as { children: ArrayLike<{ textContent: string }> }).children)
          .map((cell) => cell.textContent)
          .join('|'),
      ),
    );
    expect({ language, rows }).toEqual({ language, rows: expected.rows });
  }
});
