import { readFileSync } from 'node:fs';
import { Role, ShelterType } from '@opvangplek/domain';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENS_BY_ROLE } from '../../apps/console/src/shell/navigation';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';

/** axe-core's own build, evaluated in each page (no network, no CSP exception needed). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 level A and AA: what issue 13 asks of every screen. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const LANGUAGES = ['nl', 'en'] as const;
/**
 * Dark mode is checked at both sizes in Dutch only: axe's contrast rule is about the colours, which
 * the language does not change, and the English words are already checked in light mode (a third
 * and fourth full pass would add about 20 s for nothing new).
 */
const RUNS = [
  ...Object.entries(SIZES).map(([size, viewport]) => ({ size, viewport, scheme: 'light' as const, languages: LANGUAGES })),
  ...Object.entries(SIZES).map(([size, viewport]) => ({ size, viewport, scheme: 'dark' as const, languages: ['nl'] as const })),
];
/** The heading each screen starts with (per language), so a run waits for the screen, not a spinner. */
const LOADING = { nl: 'Laden', en: 'Loading' };
const SKIP_LINK = { nl: 'Naar de inhoud', en: 'Skip to content' };

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** The little of the page the page-side checks use (the test project's types have no DOM lib). */
interface PageElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number };
  closest(selector: string): PageElement | null;
  labels?: ArrayLike<unknown> | null;
}
interface PageGlobals {
  document: {
    documentElement: { lang: string; dataset: Record<string, string | undefined> };
    querySelectorAll(selector: string): Iterable<PageElement> & ArrayLike<PageElement>;
  };
  location: { protocol: string };
  localStorage: { setItem(key: string, value: string): void };
  axe?: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
}

/** A violation as a line a person can act on: rule, impact, what it asks, and where. */
function readable(where: string, violations: AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${where}: ${violation.id} (${violation.impact}) ${violation.help} at ${node.target.join(' ')}` +
        (node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''),
    ),
  );
}

/**
 * axe-core's WCAG 2.1 A/AA rules on every screen of every role (the role → screens table of
 * apps/console/src/shell/navigation.ts, plus one case at its address), in Dutch and English, at
 * 1280×800 and on a 390×844 phone: any violation fails, listed per screen. Also checked on each
 * screen: `<html lang>` is the chosen language (kept across a reload in localStorage), every field has
 * a label (axe accepts a placeholder), and on the phone every control is a 44 px touch target.
 */
/**
 * Each role's screens at both sizes, in Dutch and the light theme, kept for review as they are
 * checked: test/artifacts/console/screens-<size>-<role>-<screen>.png (the folder is not committed;
 * every run of the browser tests, `npm run test:all`, writes it anew).
 */
function screenName(size: string, role: Role, screen: string): string {
  return `screens-${size}-${role.toLowerCase()}-${screen || 'start'}`;
}

describeInBrowser('the console passes axe (WCAG 2.1 AA) on every screen', () => {
  const tokens = new Map<Role, string>();
  let caseId: string;
  let haven: { id: string };
  let anker: { id: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      [haven, anker] = await insertFacilities(dataSource, [
        newFacility({ name: 'Vrouwenopvang De Haven', capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
        newFacility({ name: 'Het Anker', type: ShelterType.COSM, capacity: { total: 6, occupied: 2, held: 0, outOfService: 0 } }),
        // Secret addresses: anonymous names on the bed board, "not shown" and "totals leave out" in planning.
        newFacility({ name: 'Vrouwenopvang Geheim', secretAddress: true }),
        newFacility({ name: 'OMM Geheim', type: ShelterType.OMM, secretAddress: true }),
      ]);
      // Full, and its figures two days old: the bed board shows "call to verify" with its intake line (a tel: link).
      await insertFacilities(
        dataSource,
        [
          newFacility({
            name: 'Opvang Oude Haven',
            intakePhone: '010 000 0321',
            capacity: { total: 4, occupied: 4, held: 0, outOfService: 0 },
          }),
        ],
        { confirmedHoursAgo: 48 },
      );
    },
    // Four passes over every role's screens reuse one token per role, within a minute on a quiet
    // machine: more than the per-caller budget (RATE_LIMIT_PER_MINUTE, 600), which then answers 429
    // (test/security/limits.e2e-spec.ts is about that budget; this spec is about the screens).
    startApp: (databaseUrl) => startTestApp(databaseUrl, { withWorker: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } }),
  });

  beforeAll(async () => {
    const claims: Record<Role, { org: string; regions?: string[]; facilityIds?: string[] }> = {
      POLICE: { org: 'avim-rotterdam', regions: ['RR'] },
      ZORGCOORDINATOR: { org: 'zorgcoordinatie-rotterdam', regions: ['RR'] },
      COMENSHA: { org: 'comensha' },
      NLA: { org: 'nla' },
      JEUGDBESCHERMING: { org: 'jeugdbescherming-rotterdam', regions: ['RR'] },
      SHELTER_STAFF: { org: 'testzorg', facilityIds: [haven.id, anker.id] },
      PLANNER: { org: 'gemeente-rotterdam', regions: ['RR'] },
      ADMIN: { org: 'beheer' },
    };
    for (const role of Object.keys(SCREENS_BY_ROLE) as Role[]) tokens.set(role, await tokenFor({ role, ...claims[role] }));
    // One case, so "Mijn aanvragen" has a row and a case has its own screen.
    const response = await gql<{ requestNoodbed: { id: string } }>(
      harness.api.url,
      'mutation($input: NoodbedRequestInput!) { requestNoodbed(input: $input) { id } }',
      {
        token: tokens.get(Role.POLICE)!,
        variables: { input: { profile: { gender: 'FEMALE', exploitationTypes: ['LABOUR'], age: 30 }, regionCode: 'RR' } },
      },
    );
    expect(response.errors).toBeUndefined();
    caseId = response.data!.requestNoodbed.id;
    // Escalated (as the sweep does after 30 minutes without a place), so the escalation list of the
    // region's coordinator and CoMensha has a row to check, with its "who was told".
    await harness.database.dataSource.query(
      'UPDATE placement_requests SET escalated = true, escalated_at = now() WHERE id = $1',
      [caseId],
    );
  });

  /** Waits for the screen to be drawn (its heading, nothing still loading), then runs axe on it. */
  async function check(
    page: Page,
    where: string,
    language: 'nl' | 'en',
    phone: boolean,
    scheme: 'light' | 'dark',
  ): Promise<string[]> {
    await page.locator('main h1, main h2').first().waitFor();
    await page.waitForFunction(
      (loading) =>
        !Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('main *')).some(
          (element) => element.textContent?.trim() === loading,
        ),
      `${LOADING[language]}…`,
    );
    // Evaluated, not `page.addScriptTag({ content })`: the console's CSP (script-src 'self') rightly
    // refuses inline scripts, and the test should not weaken it (bypassCSP would hide CSP faults).
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
    const found: string[] = [];
    const lang = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang);
    if (lang !== language) found.push(`${where}: <html lang="${lang}">, the console is in ${language}`);
    // The device's colour scheme is followed: a dark phone gets the dark theme, checked as such.
    const theme = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.dataset.theme);
    if (theme !== scheme) found.push(`${where}: data-theme="${theme}" on a ${scheme} device`);
    const violations = await page.evaluate(
      (tags) =>
        (globalThis as unknown as PageGlobals)
          .axe!.run((globalThis as unknown as PageGlobals).document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          })
          .then((result) => result.violations),
      WCAG_21_AA,
    );
    found.push(...readable(where, violations));
    // Beyond axe, which accepts a placeholder as a field's name: every field has a label (the
    // placeholder is gone once typing starts), or a name given on purpose (aria-label/-labelledby).
    const unlabelled = await page.evaluate(() =>
      Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('input:not([type=hidden]), select, textarea'))
        .filter((field) => !field.labels?.length && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'))
        .map((field) => `${field.tagName.toLowerCase()} name="${field.getAttribute('name')}"`),
    );
    found.push(...unlabelled.map((field) => `${where}: field without a label: ${field}`));
    if (phone) {
      // 44 px touch targets on the phone (WCAG 2.5.5, beyond AA): controls, not links inside running text.
      const small = await page.evaluate(() =>
        Array.from(
          (globalThis as unknown as PageGlobals).document.querySelectorAll('button, input, select, nav a, summary, .touch'),
        )
          .filter((element) => {
            const box = element.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) return false; // not shown
            const target = element.closest('label') ?? element; // a checkbox's label is its target
            const area = target.getBoundingClientRect();
            return Math.min(area.width, area.height) < 44 - 0.5;
          })
          .map((element) => {
            const box = (element.closest('label') ?? element).getBoundingClientRect();
            const name = element.getAttribute('aria-label') ?? element.getAttribute('name') ?? element.textContent?.trim();
            return `${element.tagName.toLowerCase()} "${(name ?? '').slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`;
          }),
      );
      found.push(...small.map((target) => `${where}: touch target below 44 px: ${target}`));
    }
    // The first Tab stop skips the header ("Naar de inhoud"), and the tab's title names the screen.
    const firstStop = await page.evaluate(() => {
      const [first] = Array.from(
        (globalThis as unknown as PageGlobals).document.querySelectorAll(
          'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
        ),
      );
      return first?.textContent?.trim() ?? null;
    });
    if (firstStop !== SKIP_LINK[language]) found.push(`${where}: the first Tab stop is "${firstStop}", not the skip link`);
    const title = await page.title();
    if (!/^(\(\d+\) )?.+ — Opvangplek$/.test(title)) found.push(`${where}: the title "${title}" does not name the screen`);
    return found;
  }

  it('after submitting, the focus is on the result (or the error); a status change is announced', async () => {
    const { context, page, problems } = await harness.newPage({ viewport: SIZES.phone });
    try {
      await page.goto(`${harness.api.url}/request#token=${encodeURIComponent(tokens.get(Role.POLICE)!)}`);
      await page.getByLabel('Vrouw').check();
      await page.getByLabel('Seksueel').check();
      await page.locator('input[name=age]').fill('24');
      await page.getByTestId('match-count').waitFor();
      const submit = page.getByRole('button', { name: 'Noodbed aanvragen' });

      // The API fails once: the focus goes to the error, not to the body.
      await page.route('**/graphql', (route) =>
        route.request().postData()?.includes('requestNoodbed')
          ? route.fulfill({
              contentType: 'application/json',
              body: JSON.stringify({ errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
            })
          : route.continue(),
      );
      await submit.click();
      await page.locator('.error-box[role=alert]').waitFor();
      const focused = () =>
        page.evaluate(() => {
          const active = (globalThis as unknown as { document: { activeElement: PageElement | null } }).document.activeElement;
          return active
            ? `${active.tagName.toLowerCase()}${active.getAttribute('role') ? `[role=${active.getAttribute('role')}]` : ''}`
            : '';
        });
      expect(await focused()).toBe('div[role=alert]');
      await page.unroute('**/graphql');

      // Sent: the focus is on the request's status.
      await submit.click();
      await page.getByTestId('follow-heading').waitFor();
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { document: { activeElement: PageElement | null } }).document.activeElement?.getAttribute(
            'data-testid',
          ) === 'follow-heading',
      );
      expect(await page.getByTestId('status-announcement').textContent()).toBe('');

      // Withdrawn through its labelled reason field: the new status is announced in the live region.
      await page.getByLabel('Reden van intrekken').fill('Dubbel ingevoerd');
      await page.getByRole('button', { name: 'Intrekken' }).click();
      await page
        .getByTestId('status-announcement')
        .filter({ hasText: /^Status van de aanvraag: / })
        .waitFor();
      const badge = await page.locator('[data-testid=follow-heading] [data-status]').textContent();
      expect(await page.getByTestId('status-announcement').textContent()).toBe(`Status van de aanvraag: ${badge}`);
      expect(await page.getByTestId('status-announcement').getAttribute('aria-live')).toBe('polite');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const { size, viewport, scheme, languages } of RUNS) {
    const inWords = languages.length === 2 ? 'in Dutch and English' : 'in Dutch';
    it(`at ${size} size (${viewport.width}×${viewport.height}), ${scheme}, ${inWords}, every role's screens`, async () => {
      const found: string[] = [];
      let runs = 0;
      for (const language of languages) {
        let context: BrowserContext | undefined;
        try {
          const opened = await harness.newPage({ viewport, colorScheme: scheme });
          context = opened.context;
          // The chosen language, as a reload finds it (i18n.tsx keeps it in localStorage).
          await context.addInitScript((chosen) => {
            // Not on about:blank, which has no storage.
            const page = globalThis as unknown as PageGlobals;
            if (page.location.protocol.startsWith('http')) page.localStorage.setItem('opvangplek.language', chosen);
          }, language);
          const page = opened.page;
          for (const [role, screens] of Object.entries(SCREENS_BY_ROLE) as [Role, string[]][]) {
            // A fresh document per role (about:blank first: a hash-only change would not reload).
            await page.goto('about:blank');
            await page.goto(`${harness.api.url}/${screens[0]}#token=${encodeURIComponent(tokens.get(role)!)}`);
            for (const screen of screens) {
              if (screen !== screens[0]) {
                await page.locator(`nav a[href="/${screen}"]`).click();
                await page.waitForURL(`${harness.api.url}/${screen}`);
              }
              const where = `${language} ${size} ${scheme} ${role} /${screen}`;
              found.push(...(await check(page, where, language, size === 'phone', scheme)));
              if (language === 'nl' && scheme === 'light') await screenshot(page, screenName(size, role, screen));
              runs++;
            }
            if (role === Role.POLICE) {
              await page.goto(`${harness.api.url}/aanvraag/${caseId}`);
              // Still open, so the withdraw form (and its reason field) is on the screen.
              await page.locator('input[name=cancelReason]').waitFor();
              const where = `${language} ${size} ${scheme} ${role} /aanvraag/<id>`;
              found.push(...(await check(page, where, language, size === 'phone', scheme)));
              if (language === 'nl' && scheme === 'light') await screenshot(page, screenName(size, role, 'aanvraag'));
              runs++;
            }
            if (role === Role.ZORGCOORDINATOR) {
              // The same case as the region's coordinator sees it, with the case-over-time forms open.
              await page.goto(`${harness.api.url}/aanvraag/${caseId}`);
              await page.getByTestId('profile-change-open').click();
              await page.getByTestId('profile-change-form').waitFor();
              await page.getByTestId('registration-open').click();
              await page
                .getByTestId('registration-form')
                .locator('select[name=registrationRegion] option')
                .nth(1)
                .waitFor({ state: 'attached' });
              const where = `${language} ${size} ${scheme} ${role} /aanvraag/<id> (profile change, registration)`;
              found.push(...(await check(page, where, language, size === 'phone', scheme)));
              if (language === 'nl' && scheme === 'light') await screenshot(page, screenName(size, role, 'aanvraag'));
              runs++;
            }
          }
          found.push(...opened.problems);
        } finally {
          await context?.close();
        }
      }
      // Every screen of every role and the case (as the police and as the coordinator), in each language.
      const screens = Object.values(SCREENS_BY_ROLE).reduce((sum, list) => sum + list.length, 0) + 2;
      expect({ runs, found }).toEqual({ runs: languages.length * screens, found: [] });
    }, 120_000);
  }
});
