import { Role } from '@opvangplek/domain';
import type { Page, WebSocketRoute } from 'playwright-core';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { DUTCH_WOMAN, REQUEST_PLACEMENT } from '../placement/support';
import { describeInBrowser } from './browser';
import { useConsoleHarness } from './console-harness';

interface Message {
  id?: string;
  type: string;
  payload?: { query?: string; variables?: Record<string, unknown>; data?: Record<string, Record<string, unknown>> };
}

/**
 * The page's subscription socket, routed through the test (Playwright's routeWebSocket): every
 * message both ways is recorded and passed on, and the test can drop the socket as a sleeping
 * laptop or a restarted API would. graphql-ws in the console then reconnects by itself.
 */
class RoutedSocket {
  readonly sent: { at: number; message: Message }[] = [];
  readonly received: { at: number; message: Message }[] = [];
  private readonly routes: WebSocketRoute[] = [];

  async attach(page: Page): Promise<void> {
    await page.routeWebSocket(/\/graphql$/, (route) => {
      this.routes.push(route);
      const server = route.connectToServer();
      route.onMessage((text) => {
        this.sent.push({ at: Date.now(), message: JSON.parse(String(text)) as Message });
        server.send(text);
      });
      server.onMessage((text) => {
        this.received.push({ at: Date.now(), message: JSON.parse(String(text)) as Message });
        route.send(text);
      });
    });
  }

  get connections(): number {
    return this.routes.length;
  }

  /** Closes the page's side with "service restart" (1012), a code graphql-ws retries after. */
  async drop(): Promise<void> {
    await this.routes.at(-1)!.close({ code: 1012, reason: 'the test drops the socket' });
  }

  subscribes(field: string): { at: number; variables: Record<string, unknown> }[] {
    return this.sent
      .filter(({ message }) => message.type === 'subscribe' && message.payload?.query?.includes(field))
      .map(({ at, message }) => ({ at, variables: message.payload?.variables ?? {} }));
  }

  results(field: string): { at: number; value: Record<string, unknown> }[] {
    return this.received
      .filter(({ message }) => message.type === 'next' && message.payload?.data?.[field])
      .map(({ at, message }) => ({ at, value: message.payload!.data![field] }));
  }
}

async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Issue 15, item 6: "a reconnecting client gets no missed updates". The console now resubscribes
 * with `after` (the last `sequence` it saw) and `capacityChanged(current: true)`, in Chromium against
 * the real API and worker, its socket dropped mid-shift.
 */
describeInBrowser('the console resumes its subscriptions after a dropped socket (issue 15)', () => {
  let coordinator: string;

  const harness = useConsoleHarness({
    async register(dataSource) {
      await insertFacilities(dataSource, [
        newFacility({ name: 'Vrouwenopvang De Haven', capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
      ]);
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl, { withWorker: true }),
  });

  beforeAll(async () => {
    coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
  });

  async function openConsole(screen: string): Promise<{ page: Page; socket: RoutedSocket; problems: string[] }> {
    const socket = new RoutedSocket();
    const { page, problems } = await harness.openConsole(coordinator, screen, {
      beforeOpening: ({ page }) => socket.attach(page),
    });
    return { page, socket, problems };
  }

  it('Mijn aanvragen: after the drop it asks for what changed since the last sequence it saw, and gets the cancellation it missed', async () => {
    const { socket, problems } = await openConsole('cases');
    await until('the first subscribe', () => socket.subscribes('placementRequestUpdated').length > 0);
    expect(socket.subscribes('placementRequestUpdated')[0].variables).not.toHaveProperty('after');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the server registers what the socket asked

    const submitted = await gql<{ requestPlacement: { id: string } }>(harness.api.url, REQUEST_PLACEMENT, {
      token: coordinator,
      variables: { input: { urgency: 'URGENT', regionCode: 'RR', profile: DUTCH_WOMAN, types: ['VROUWENOPVANG'] } },
    });
    const id = submitted.data!.requestPlacement.id;
    await until('the offer, live', () =>
      socket.results('placementRequestUpdated').some(({ value }) => value.id === id && value.status === 'OFFERED'),
    );
    const lastSeen = socket
      .results('placementRequestUpdated')
      .map(({ value }) => BigInt(value.sequence as string))
      .reduce((a, b) => (a > b ? a : b));

    await socket.drop();
    // While the console is away: the request is cancelled elsewhere.
    const cancelled = await gql(
      harness.api.url,
      `mutation { cancelPlacementRequest(requestId: "${id}", reason: "naar familie") { id } }`,
      {
        token: coordinator,
      },
    );
    expect(cancelled.errors).toBeUndefined();
    const cancelledAt = Date.now();

    const [resubscribe] = await until('the resubscribe', () => {
      const again = socket.subscribes('placementRequestUpdated').slice(1);
      return again.length > 0 && again;
    });
    expect(socket.connections).toBe(2);
    // Made after the cancellation: what follows is what it missed, not a live update.
    expect(resubscribe.at).toBeGreaterThan(cancelledAt);
    expect(resubscribe.variables).toMatchObject({ after: lastSeen.toString() });
    await until('the missed cancellation', () =>
      socket
        .results('placementRequestUpdated')
        .some(({ at, value }) => at > resubscribe.at && value.id === id && value.status === 'CANCELLED'),
    );
    expect(problems).toEqual([]);
  });

  it('Beddenbord: after the drop it resubscribes with current: true and the API sends the followed facilities as they are', async () => {
    const { socket, problems } = await openConsole('beds');
    await until('the first subscribe', () => socket.subscribes('capacityChanged').length > 0);
    expect(socket.subscribes('capacityChanged')[0].variables).not.toHaveProperty('current');
    expect(socket.results('capacityChanged')).toHaveLength(0);

    await socket.drop();
    const [resubscribe] = await until('the resubscribe', () => {
      const again = socket.subscribes('capacityChanged').slice(1);
      return again.length > 0 && again;
    });
    expect(resubscribe.variables).toMatchObject({ current: true });
    const current = await until('the facilities as they are', () => {
      const results = socket.results('capacityChanged');
      return results.length > 0 && results;
    });
    expect(current.map(({ value }) => value.name)).toContain('Vrouwenopvang De Haven');
    expect(problems).toEqual([]);
  });
});
