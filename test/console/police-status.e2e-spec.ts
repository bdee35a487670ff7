import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { ANY_ADULT, insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';
import { REWORDED, rewordNotes } from './reworded';

/** Polls `check` until it holds, or fails after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Issue 13, item 9, in Chromium against the real API and worker: the officer's open status page
 * says plainly when the shelter declines and the place moves to another region (on screen and in
 * the live region), says what comes next, and the onward request reads as a sentence.
 */
describeInBrowser("the police officer's status page", () => {
  let rotterdam: { id: string; name: string };
  let amsterdam: { id: string; name: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      // Two noodbedden (the bridge), and a COSM place CoMensha decides on (the onward request).
      const women = { ...ANY_ADULT, genders: [Gender.FEMALE] };
      [rotterdam, amsterdam] = await insertFacilities(dataSource, [
        // About 6 km from the centre of Rotterdam Rijnmond (51.92, 4.48), where she was found.
        newFacility({
          name: 'Opvang Maasoever',
          type: ShelterType.NOODBED,
          eligibility: women,
          regionCode: 'RR',
          latitude: 51.95,
          longitude: 4.55,
          intakePhone: '010 000 0456',
        }),
        newFacility({
          name: 'Opvang Amstelkade',
          type: ShelterType.NOODBED,
          eligibility: women,
          regionCode: 'AMS',
          municipality: 'Amsterdam',
          address: 'Amstelkade 1, 1078 AA Amsterdam',
          // About 58 km from the centre of Rotterdam Rijnmond; its intake line is simulated, like the seed's.
          latitude: 52.37,
          longitude: 4.9,
          intakePhone: '020 000 0123',
        }),
        newFacility({
          name: 'COSM Twente',
          type: ShelterType.COSM,
          eligibility: women,
          regionCode: 'TW',
          municipality: 'Enschede',
        }),
      ]);
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl, { withWorker: true }),
  });

  const police = () => tokenFor({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
  const staff = () => tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [rotterdam.id, amsterdam.id] });

  async function offeredAt(id: string, token: string): Promise<{ status: string; facility: { id: string } | null }> {
    const response = await gql<{ placementRequest: { status: string; facility: { id: string } | null } }>(
      harness.api.url,
      'query($id: ID!) { placementRequest(id: $id) { status facility { id } } }',
      { token, variables: { id } },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.placementRequest;
  }

  it('a decline moves the offer to another region: said plainly, announced, with the onward request as a sentence', async () => {
    const token = await police();
    const created = await gql<{ requestNoodbed: { id: string } }>(
      harness.api.url,
      'mutation($input: NoodbedRequestInput!) { requestNoodbed(input: $input) { id } }',
      {
        token,
        variables: {
          input: {
            profile: {
              gender: 'FEMALE',
              age: 24,
              exploitationTypes: ['SEXUAL'],
              residenceStatus: 'NO_LAWFUL_RESIDENCE',
              b8Status: 'BEDENKTIJD',
              bedenktijdStart: new Date().toISOString().slice(0, 10),
            },
            regionCode: 'RR',
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const requestId = created.data!.requestNoodbed.id;
    await until(async () => (await offeredAt(requestId, token)).status === 'OFFERED');
    // The nearest place first: in Rotterdam, where she was found.
    expect((await offeredAt(requestId, token)).facility?.id).toBe(rotterdam.id);

    const { page, problems } = await harness.newPage();
    const subscribed = new Promise<void>((resolve) =>
      page.on('websocket', (socket) =>
        socket.on('framesent', (frame) => {
          if (String(frame.payload).includes('placementRequestUpdated')) resolve();
        }),
      ),
    );
    await page.goto(`${harness.api.url}/aanvraag/${requestId}#token=${encodeURIComponent(token)}`);
    const follow = page.locator(`section.follow[data-request-id="${requestId}"]`);
    await follow.locator('h2 [data-status=OFFERED]').waitFor({ timeout: 20_000 });
    await subscribed;
    await new Promise((resolve) => setTimeout(resolve, 500)); // the server registers what the socket asked
    expect(await follow.getByTestId('offered-facility').textContent()).toContain('Opvang Maasoever');
    expect(await follow.getByTestId('offered-distance').textContent()).toBe(' · afstand ca. 6 km');
    expect(await follow.getByTestId('place-changed').count()).toBe(0);
    // What comes next: the shelter decides; no number to call until it accepts.
    expect(await follow.getByTestId('next-step').textContent()).toContain('Opvang Maasoever beslist over het aanbod');
    expect(await follow.locator('a[href^="tel:"]').count()).toBe(0);
    // The onward request reads as a sentence, not "Vervolgaanvraag: Ontvangen".
    const followUp = follow.getByTestId('follow-up');
    await followUp.waitFor();
    expect(await followUp.textContent()).toMatch(
      /^Vervolgaanvraag voor een vaste plek: (ontvangen|aangeboden|geaccepteerd)\b.{6,}/,
    );

    // Shelter A's staff decline through the API; the worker offers the place in Amsterdam.
    const declined = await gql(
      harness.api.url,
      'mutation($input: OfferResponseInput!) { respondToOffer(input: $input) { id status } }',
      {
        token: await staff(),
        variables: { input: { requestId, accept: false, declineReason: 'Geen kamer vrij' } },
      },
    );
    expect(declined.errors).toBeUndefined();

    const changed = follow.getByTestId('place-changed');
    await changed.waitFor({ timeout: 30_000 });
    expect(await follow.getByTestId('offered-facility').textContent()).toContain('Opvang Amstelkade');
    const said = (await changed.textContent()) ?? '';
    // How far she now has to be driven, as the matcher measures it: no longer "afstand onbekend".
    expect(said).toContain('De opvang heeft afgewezen; nu aangeboden: Opvang Amstelkade (Amsterdam), afstand ca. 58 km');
    expect(said).not.toContain('onbekend');
    expect(await follow.getByTestId('offered-distance').textContent()).toBe(' · afstand ca. 58 km');
    expect(said).toContain('eerder: Opvang Maasoever (Rotterdam Rijnmond)');
    await until(async () =>
      ((await follow.getByTestId('status-announcement').textContent()) ?? '').includes(
        'De opvang heeft afgewezen; nu aangeboden: Opvang Amstelkade (Amsterdam), afstand ca. 58 km',
      ),
    );
    expect(await follow.getByTestId('next-step').textContent()).toContain('Opvang Amstelkade beslist over het aanbod');
    expect(await follow.getByTestId('follow-up').textContent()).toMatch(/^Vervolgaanvraag voor een vaste plek: /);
    await screenshot(page, 'police-status-place-changed');

    // In English too; and after a reload the change is still told (from the history).
    await page.getByRole('button', { name: 'English' }).click();
    await changed.getByText('The facility declined; now offered: Opvang Amstelkade (Amsterdam), distance about 58 km').waitFor();
    expect(await follow.getByTestId('follow-up').textContent()).toMatch(/^Onward request for a longer-term place: /);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    // After a reload the change is read from the history's codes: not from the English notes,
    // which the server may word differently.
    expect(await rewordNotes(harness.api, harness.database, requestId)).toBeGreaterThanOrEqual(2);
    await page.reload();
    await follow.getByTestId('place-changed').getByText('De opvang heeft afgewezen').waitFor();
    const history = follow.locator('ol.history');
    await history.getByText('afgewezen: Geen kamer vrij').waitFor();
    expect(await history.innerText()).toMatch(/Aangeboden\s+Opvang Amstelkade \(1 plek\)/);
    expect(await history.innerText()).not.toContain(REWORDED);

    // Accepted: the address, once the facility's staff accepted.
    const accepted = await gql(
      harness.api.url,
      'mutation($input: OfferResponseInput!) { respondToOffer(input: $input) { id status } }',
      {
        token: await staff(),
        variables: { input: { requestId, accept: true } },
      },
    );
    expect(accepted.errors).toBeUndefined();
    await follow.locator('h2 [data-status=ACCEPTED]').waitFor({ timeout: 20_000 });
    const nextStep = follow.getByTestId('next-step');
    await nextStep.getByText('Geaccepteerd: breng haar naar Amstelkade 1, 1078 AA Amsterdam.', { exact: false }).waitFor();
    // Beside the address, the intake line to call on the way: one tap on the officer's phone.
    const call = nextStep.getByRole('link', { name: 'Bel Opvang Amstelkade: 020 000 0123' });
    expect(await call.getAttribute('href')).toBe('tel:+31200000123');
    expect(await call.textContent()).toBe('020 000 0123');
    expect(await nextStep.textContent()).toContain('Intake bellen: 020 000 0123');
    await page.getByRole('button', { name: 'English' }).click();
    await nextStep.getByRole('link', { name: 'Call Opvang Amstelkade: 020 000 0123' }).waitFor();
    expect(await nextStep.textContent()).toContain('Call the intake: 020 000 0123');
    await page.getByRole('button', { name: 'Nederlands' }).click();

    // On the officer's phone the number is a target of at least 44 × 44 px.
    await page.setViewportSize({ width: 390, height: 844 });
    const box = (await call.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'police-status-accepted-phone');
    expect(problems).toEqual([]);
  });
});
