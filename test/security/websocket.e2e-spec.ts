import { createServer, type Server } from 'node:http';
import { Role } from '@opvangplek/domain';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import WebSocket from 'ws';
import { freePort } from '@opvangplek/platform/database';
import { collect, errorCodes, gql, wsClient } from '../support/graphql-client';
import { insertFacilities, newFacility } from '../support/factories';
import { type Backend, testEnvironment, uniqueNamespace } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { testRedisUrl } from '../support/test-env';
import { type RunningProcess, startProcess } from '../support/test-processes';
import { tokenFor } from '../support/tokens';

type Message = { type: string; id?: string; payload?: unknown };
type Closed = { code: number; reason: string };

/**
 * A graphql-ws socket driven message by message (graphql-transport-ws), for what the client library
 * hides: close codes, and messages no well-behaved client sends.
 */
class RawSocket {
  readonly closed: Promise<Closed>;
  private readonly socket: WebSocket;
  private readonly inbox: Message[] = [];
  private wake: () => void = () => undefined;

  constructor(baseUrl: string) {
    this.socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    this.socket.on('message', (data: Buffer) => {
      this.inbox.push(JSON.parse(data.toString()) as Message);
      this.wake();
    });
    this.socket.on('error', () => undefined); // the close event says what happened
    this.closed = new Promise((resolve) =>
      this.socket.on('close', (code: number, reason: Buffer) => {
        resolve({ code, reason: reason.toString() });
        this.wake();
      }),
    );
  }

  async open(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) return;
    await new Promise<void>((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('close', () => reject(new Error('the socket closed before it opened')));
    });
  }

  /** Sends connection_init; resolves with the ack, or with how the server closed the socket. */
  async init(token?: string): Promise<Message | Closed> {
    await this.open();
    this.send({ type: 'connection_init', payload: token ? { Authorization: `Bearer ${token}` } : {} });
    return Promise.race([this.next(), this.closed]);
  }

  send(message: Message | Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The next message, or fails after `timeoutMs` or when the socket closes first. */
  async next(timeoutMs = 5_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    while (this.inbox.length === 0) {
      if (this.socket.readyState >= WebSocket.CLOSING) throw new Error('the socket closed');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no message within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, left).unref();
      });
    }
    return this.inbox.shift()!;
  }

  close(): void {
    this.socket.close();
  }
}

/** One operation over graphql-ws through the client library: what a client receives, errors included. */
async function overWebSocket(url: string, token: string, query: string) {
  const client = wsClient(url, token);
  try {
    const operation = collect<Record<string, unknown>>(client, query);
    const [first] = await operation.waitFor(1);
    return first;
  } finally {
    await client.dispose();
  }
}

const codesOf = (message: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (message.errors ?? []).map((error) => error.extensions?.code);

const aliasBomb = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { role }`).join(' ')} }`;

function nestedQuery(levels: number): string {
  // placementRequest is level 2 (its selection set), each bridge one more.
  let selection = 'id';
  for (let i = 0; i < levels - 2; i++) selection = `bridge { ${selection} }`;
  return `{ placementRequest(id: "00000000-0000-4000-8000-000000000000") { ${selection} } }`;
}

const CAPACITY_CHANGED = 'subscription { capacityChanged { id capacity { occupied version } } }';

describe('GraphQL over WebSocket has the guards HTTP has (issue 12)', () => {
  let database: TestDatabase;
  let api: TestApp;
  let facility: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    [facility] = await insertFacilities(database.dataSource, [newFacility({ regionCode: 'RR' })]);
    // The default limits (depth 12, 2,000 fields, 100kb, 20 subscriptions); a low rate (HTTP and WS alike).
    api = await startTestApp(database.url, { env: { RATE_LIMIT_PER_MINUTE: '30' } });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  // Each test its own caller: the operation rate is counted per token.
  const caller = (org: string) => tokenFor({ role: Role.ZORGCOORDINATOR, org, regions: ['RR'] });

  it('refuses a 1,500-alias query over WebSocket as over HTTP', async () => {
    const token = await caller('aliases');
    const http = await gql(api.url, aliasBomb(1_500), { token });
    expect(errorCodes(http)).toEqual(['BAD_USER_INPUT']);
    const ws = await overWebSocket(api.url, token, aliasBomb(1_500));
    expect(ws.data ?? null).toBeNull();
    expect(codesOf(ws)).toEqual(['BAD_USER_INPUT']);
    expect(ws.errors![0].message).toBe(http.errors![0].message);
    expect(ws.errors![0].message).toContain('more than 2000 fields');
  });

  it('refuses a 14-level query over WebSocket as over HTTP', async () => {
    const token = await caller('depth');
    const http = await gql(api.url, nestedQuery(14), { token });
    expect(errorCodes(http)).toEqual(['BAD_USER_INPUT']);
    const ws = await overWebSocket(api.url, token, nestedQuery(14));
    expect(codesOf(ws)).toEqual(['BAD_USER_INPUT']);
    expect(ws.errors![0].message).toContain('nested more than 12 levels');
    // Within the limit it runs (a request that does not exist is no refusal of the operation).
    expect(codesOf(await overWebSocket(api.url, token, nestedQuery(12)))).not.toContain('BAD_USER_INPUT');
  });

  it('closes the socket on a message larger than BODY_LIMIT (1009), as HTTP answers 413', async () => {
    const token = await caller('size');
    const socket = new RawSocket(api.url);
    expect(await socket.init(token)).toEqual({ type: 'connection_ack' });
    const query = '{ me { role } }';
    socket.send({ id: 'small', type: 'subscribe', payload: { query, variables: { padding: 'x'.repeat(90_000) } } });
    expect(await socket.next()).toMatchObject({
      id: 'small',
      type: 'next',
      payload: { data: { me: { role: 'ZORGCOORDINATOR' } } },
    });
    socket.send({ id: 'big', type: 'subscribe', payload: { query, variables: { padding: 'x'.repeat(200_000) } } });
    const closed = await Promise.race([socket.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000))]);
    expect(closed?.code).toBe(1009);
  });

  it('refuses connection_init without a valid token (4403), and a subscribe before it (4401)', async () => {
    const without = new RawSocket(api.url);
    expect(await without.init()).toMatchObject({ code: 4403, reason: expect.stringContaining('bearer token') });
    const wrong = new RawSocket(api.url);
    expect(await wrong.init('not-a-token')).toMatchObject({ code: 4403 });
    const expired = new RawSocket(api.url);
    const old = await tokenFor({ role: Role.ADMIN, org: 'beheer', expiresIn: '-1m' });
    expect(await expired.init(old)).toMatchObject({ code: 4403, reason: expect.stringContaining('expired') });

    const early = new RawSocket(api.url);
    await early.open();
    early.send({ id: '1', type: 'subscribe', payload: { query: CAPACITY_CHANGED } });
    expect((await early.closed).code).toBe(4401);
  });

  it('closes the socket when its token expires', async () => {
    const token = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'expiring', regions: ['RR'], expiresIn: '2s' });
    const socket = new RawSocket(api.url);
    expect(await socket.init(token)).toEqual({ type: 'connection_ack' });
    socket.send({ id: 'live', type: 'subscribe', payload: { query: CAPACITY_CHANGED } });
    const closed = await Promise.race([socket.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 4_000))]);
    expect(closed).toEqual({ code: 4403, reason: 'Forbidden: the token has expired' });
  });

  it('refuses the 21st subscription on one socket, naming the limit; a completed one makes room', async () => {
    const token = await caller('many');
    const client = wsClient(api.url, token);
    try {
      const open = Array.from({ length: 20 }, () => collect(client, CAPACITY_CHANGED));
      const extra = collect(client, CAPACITY_CHANGED);
      const [refusal] = await extra.waitFor(1);
      expect(codesOf(refusal)).toEqual(['RATE_LIMITED']);
      expect(refusal.errors![0].message).toContain('At most 20 subscriptions');
      expect(open.flatMap((subscription) => subscription.received)).toEqual([]);

      open[0].unsubscribe();
      const another = collect(client, CAPACITY_CHANGED);
      const admin = await tokenFor({ role: Role.ADMIN, org: 'beheer' });
      // The subscribe is acknowledged by nothing: confirm until the new subscription hears one.
      for (let attempt = 0; attempt < 20 && another.received.length === 0; attempt++) {
        await gql(api.url, `mutation { confirmCapacity(facilityId: "${facility.id}") { id } }`, { token: admin });
        await another.waitFor(1, 250).catch(() => undefined);
      }
      const [event] = await another.waitFor(1);
      expect(event.errors).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });

  it('limits operations per caller per minute (RATE_LIMITED), other callers unaffected', async () => {
    const token = await caller('rate');
    const socket = new RawSocket(api.url);
    expect(await socket.init(token)).toEqual({ type: 'connection_ack' });
    const codes: unknown[] = [];
    for (let i = 0; i < 32; i++) {
      socket.send({ id: `q${i}`, type: 'subscribe', payload: { query: '{ me { role } }' } });
      const answer = (await socket.next()) as { type: string; payload: { extensions?: { code?: string } }[] };
      codes.push(answer.type === 'error' ? answer.payload[0].extensions?.code : 'ok');
      if (answer.type === 'next') await socket.next(); // its complete
    }
    expect(codes.slice(0, 30)).toEqual(Array(30).fill('ok'));
    expect(codes.slice(30)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    socket.close();
    const other = await overWebSocket(api.url, await caller('rate-other'), '{ me { role } }');
    expect(other.data).toEqual({ me: { role: 'ZORGCOORDINATOR' } });
  });

  it("draws the officer on shift's HTTP requests and WebSocket operations from one budget (issue 12)", async () => {
    const token = await caller('one-budget');
    for (let i = 0; i < 20; i++) expect((await gql(api.url, '{ me { role } }', { token })).status).toBe(200);
    const socket = new RawSocket(api.url);
    expect(await socket.init(token)).toEqual({ type: 'connection_ack' });
    const codes: unknown[] = [];
    for (let i = 0; i < 11; i++) {
      socket.send({ id: `q${i}`, type: 'subscribe', payload: { query: '{ me { role } }' } });
      const answer = (await socket.next()) as { type: string; payload: { extensions?: { code?: string }; message?: string }[] };
      codes.push(answer.type === 'error' ? answer.payload[0].extensions?.code : 'ok');
      if (answer.type === 'next') await socket.next(); // its complete
    }
    expect(codes).toEqual([...Array(10).fill('ok'), 'RATE_LIMITED']);
    socket.close();
    const http = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(http.status).toBe(429);
  });

  it('still delivers capacityChanged to a subscriber', async () => {
    const token = await caller('subscriber');
    const admin = await tokenFor({ role: Role.ADMIN, org: 'beheer-2' });
    const client = wsClient(api.url, token);
    try {
      const subscriber = collect<{ capacityChanged: { id: string } }>(client, CAPACITY_CHANGED);
      for (let attempt = 0; attempt < 50 && subscriber.received.length === 0; attempt++) {
        await gql(api.url, `mutation { confirmCapacity(facilityId: "${facility.id}") { id } }`, { token: admin });
        await subscriber.waitFor(1, 200).catch(() => undefined);
      }
      expect(subscriber.received[0]).toEqual({ data: { capacityChanged: expect.objectContaining({ id: facility.id }) } });
    } finally {
      await client.dispose();
    }
  });
});

/**
 * Issue 12: at most N sockets and M subscriptions per caller, counted over every API process
 * (Redis, else PostgreSQL), so a second process behind the balancer is no second allowance.
 */
describe.each<Backend>(['postgres', 'redis'])(
  'per-caller socket and subscription caps across two API processes (%s store)',
  (backend) => {
    const skip = backend === 'redis' && !testRedisUrl();
    const maybe = skip ? it.skip : it;
    let database: TestDatabase;
    let a: RunningProcess;
    let b: RunningProcess;
    const opened: RawSocket[] = [];
    const socketOn = (process: RunningProcess) => {
      const socket = new RawSocket(process.url);
      opened.push(socket);
      return socket;
    };

    beforeAll(async () => {
      if (skip) return;
      database = await createTestDatabase();
      const env = {
        ...testEnvironment(database.url, backend, uniqueNamespace()),
        WS_MAX_SOCKETS_PER_CALLER: '2',
        WS_MAX_SUBSCRIPTIONS_PER_CALLER: '3',
      };
      [a, b] = await Promise.all([
        startProcess('api', env, { port: await freePort() }),
        startProcess('api', env, { port: await freePort() }),
      ]);
    }, 90_000);
    afterAll(async () => {
      if (skip) return;
      opened.forEach((socket) => socket.close());
      await Promise.all([a?.stop(), b?.stop()]);
      await database?.drop();
    });

    const officer = (name: string) => tokenFor({ role: Role.ZORGCOORDINATOR, org: `zc-${name}-${backend}`, regions: ['RR'] });

    maybe("refuses the attacker's third socket on either process (4429) and admits one once a socket closes", async () => {
      const token = await officer('sockets');
      const first = socketOn(a);
      expect(await first.init(token)).toEqual({ type: 'connection_ack' });
      expect(await socketOn(b).init(token)).toEqual({ type: 'connection_ack' });
      for (const process of [a, b]) {
        expect(await socketOn(process).init(token)).toEqual({
          code: 4429,
          reason: 'Too many connections: at most 2 open per caller; close one first',
        });
      }
      // Another caller is not affected.
      expect(await socketOn(b).init(await officer('bystander'))).toEqual({ type: 'connection_ack' });
      // A closed socket gives its place back to the caller, on the other process too.
      first.close();
      await first.closed;
      let again: Message | Closed = { code: 0, reason: '' };
      for (let attempt = 0; attempt < 20 && !('type' in again); attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        again = await socketOn(b).init(token);
      }
      expect(again).toEqual({ type: 'connection_ack' });
    });

    maybe('caps subscriptions per caller over both processes, not only per socket; a completed one makes room', async () => {
      const token = await officer('subscriptions');
      const onA = socketOn(a);
      const onB = socketOn(b);
      expect(await onA.init(token)).toEqual({ type: 'connection_ack' });
      expect(await onB.init(token)).toEqual({ type: 'connection_ack' });
      for (const id of ['s1', 's2']) onA.send({ id, type: 'subscribe', payload: { query: CAPACITY_CHANGED } });
      onB.send({ id: 's3', type: 'subscribe', payload: { query: CAPACITY_CHANGED } });
      // Accepted subscriptions answer nothing until an event; a refusal would come at once.
      await expect(onA.next(500)).rejects.toThrow('no message');
      await expect(onB.next(500)).rejects.toThrow('no message');
      onB.send({ id: 's4', type: 'subscribe', payload: { query: CAPACITY_CHANGED } });
      const refusal = (await onB.next()) as {
        id: string;
        type: string;
        payload: { message: string; extensions: { code: string } }[];
      };
      expect(refusal).toMatchObject({ id: 's4', type: 'error' });
      expect(refusal.payload[0].extensions.code).toBe('RATE_LIMITED');
      expect(refusal.payload[0].message).toContain('At most 3 subscriptions may be open at once for one caller');

      onA.send({ id: 's1', type: 'complete' });
      let accepted = false;
      for (let attempt = 0; attempt < 20 && !accepted; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        onB.send({ id: `s5-${attempt}`, type: 'subscribe', payload: { query: CAPACITY_CHANGED } });
        accepted = await onB.next(500).then(
          () => false,
          () => true,
        );
      }
      expect(accepted).toBe(true);
    });
  },
);

describe('GraphQL over WebSocket in production (issue 12)', () => {
  let database: TestDatabase;
  let api: TestApp;
  let jwks: Server;
  let token: string;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    token = await new SignJWT({ role: 'ADMIN', org: 'beheer', regions: [], facilityIds: [] })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
      .setSubject('beheerder@opvangplek.example')
      .setIssuer('https://idp.example')
      .setAudience('opvangplek')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    database = await createTestDatabase();
    api = await startTestApp(database.url, {
      env: {
        NODE_ENV: 'production',
        NOTES_KEY: Buffer.alloc(32, 7).toString('base64'),
        JWT_JWKS_URL: `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks.json`,
        JWT_ISSUER: 'https://idp.example',
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('refuses connection_init without a token', async () => {
    expect(await new RawSocket(api.url).init()).toMatchObject({ code: 4403 });
    // With the provider's token the same socket is accepted.
    const socket = new RawSocket(api.url);
    expect(await socket.init(token)).toEqual({ type: 'connection_ack' });
    socket.close();
  });

  it('answers no introspection over WebSocket, not even 20 aliased __schema blocks', async () => {
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`;
    const http = await gql(api.url, query, { token });
    expect(http.data ?? null).toBeNull();
    const ws = await overWebSocket(api.url, token, query);
    expect(ws.data ?? null).toBeNull();
    expect(new Set(codesOf(ws))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(JSON.stringify(ws)).not.toContain('Facility');
    expect(codesOf(await overWebSocket(api.url, token, '{ __type(name: "Facility") { name } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('suggests no field names ("Did you mean") over WebSocket or HTTP', async () => {
    const query = '{ me { rol } }';
    const http = await gql(api.url, query, { token });
    const ws = await overWebSocket(api.url, token, query);
    for (const answer of [http, ws]) {
      expect(answer.errors![0].message).toContain('Cannot query field "rol"');
      expect(answer.errors![0].message).not.toContain('Did you mean');
    }
  });
});
