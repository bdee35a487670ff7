import { ConfigError, loadConfig } from './app-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs with no environment at all: zero-config defaults with the PostgreSQL queue backend', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.queueBackend).toBe('postgres');
    expect(config.eventsBackend).toBe('postgres');
    expect(config.dataDir.endsWith('.data')).toBe(true);
    expect(config.freshness.roundTheClockStaleHours).toBe(8);
    expect(config.freshness.workingDaysStale).toBe(2);
    expect(config.placement.holdMinutes).toBe(120);
  });

  it('escalates an ACUTE request without a place to go after 10 minutes by default: the chain’s 15 count from her being found, and the call to the service and the telling of the contacts fit in the rest (issue 19, 003:497)', () => {
    const config = loadConfig({});
    expect(config.placement.escalateAfterMinutes).toBe(10);
    expect(config.placement.sweepSeconds).toBe(30);
    // Even a lost deadline job (the sweep is the net) escalates with minutes to spare.
    expect(config.placement.escalateAfterMinutes * 60 + config.placement.sweepSeconds).toBeLessThanOrEqual(11 * 60);
  });

  it("configures the console's identity provider only when both issuer and client id are given", () => {
    expect(loadConfig({}).console).toEqual({ dir: undefined, oidc: null });
    expect(
      loadConfig({ OIDC_ISSUER: 'https://login.example.nl/realms/ketenpartners/', OIDC_CLIENT_ID: 'opvangplek-console' }).console
        .oidc,
    ).toEqual({
      issuer: 'https://login.example.nl/realms/ketenpartners',
      clientId: 'opvangplek-console',
      scope: 'openid profile',
    });
  });

  it('gives WebSocket the HTTP limits: messages up to BODY_LIMIT; 20 subscriptions a socket, 5 sockets and 40 subscriptions a caller', () => {
    expect(loadConfig({}).websocket).toEqual({
      maxPayloadBytes: 100 * 1024,
      maxSubscriptions: 20,
      maxSocketsPerCaller: 5,
      maxSubscriptionsPerCaller: 40,
    });
    expect(loadConfig({ BODY_LIMIT: '1mb' }).websocket).toMatchObject({ maxPayloadBytes: 1024 * 1024 });
    expect(
      loadConfig({
        BODY_LIMIT: '65536',
        WS_MAX_SUBSCRIPTIONS: '5',
        WS_MAX_SOCKETS_PER_CALLER: '2',
        WS_MAX_SUBSCRIPTIONS_PER_CALLER: '8',
      }).websocket,
    ).toEqual({ maxPayloadBytes: 65_536, maxSubscriptions: 5, maxSocketsPerCaller: 2, maxSubscriptionsPerCaller: 8 });
    expect(problemsOf({ BODY_LIMIT: 'lots', WS_MAX_SUBSCRIPTIONS: '0', WS_MAX_SOCKETS_PER_CALLER: 'five' })).toEqual([
      'BODY_LIMIT is "lots"; allowed: a size such as 100kb, 1mb or 65536 (bytes)',
      'WS_MAX_SUBSCRIPTIONS is "0"; allowed: a whole number from 1 to 10000',
      'WS_MAX_SOCKETS_PER_CALLER is "five"; allowed: a whole number from 1 to 1000',
    ]);
  });

  it('has one rate budget for HTTP and WebSocket (issue 12): WS_OPERATIONS_PER_MINUTE is refused, naming its replacement', () => {
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '40' }).http.rateLimitPerMinute).toBe(40);
    expect(problemsOf({ WS_OPERATIONS_PER_MINUTE: '90' })).toEqual([
      'WS_OPERATIONS_PER_MINUTE is no longer used: WebSocket operations draw from the same per-caller budget as HTTP (RATE_LIMIT_PER_MINUTE); remove it',
    ]);
  });

  it('caps the cost of one operation at MAX_QUERY_COST, 2500 by default (issue 12)', () => {
    expect(loadConfig({}).graphql.maxCost).toBe(2_500);
    expect(loadConfig({ MAX_QUERY_COST: '5000' }).graphql.maxCost).toBe(5_000);
    expect(problemsOf({ MAX_QUERY_COST: '10' })).toEqual([
      'MAX_QUERY_COST is "10"; allowed: a whole number from 100 to 10000000',
    ]);
  });

  it('trusts no proxy unless TRUST_PROXY names them: a hop count or addresses, never "true" (issue 12)', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).http.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
    expect(problemsOf({ TRUST_PROXY: 'true' }).join('\n')).toContain(
      'TRUST_PROXY is "true", which would let any client choose its address',
    );
    expect(problemsOf({ TRUST_PROXY: '11' }).join('\n')).toContain(
      'TRUST_PROXY is "11"; allowed: false, a number of proxy hops from 1 to 10',
    );
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33,proxy.local' })).toEqual([
      'TRUST_PROXY is "10.0.0.0/33,proxy.local"; allowed: false, a number of proxy hops from 1 to 10, or a comma-separated list of IP addresses, CIDR ranges and loopback, linklocal, uniquelocal (not: "10.0.0.0/33", "proxy.local")',
    ]);
  });

  it('lets a deployment give a kind its usual stay for capacity ahead (issue 18): days, or 0 for none', () => {
    expect(loadConfig({}).placement.usualStayDaysByType).toEqual({});
    expect(
      loadConfig({ USUAL_STAY_DAYS_VROUWENOPVANG: '90', USUAL_STAY_DAYS_NOODBED: '0' }).placement.usualStayDaysByType,
    ).toEqual({ VROUWENOPVANG: 90, NOODBED: null });
  });

  it('uses Redis for queues and events once REDIS_URL is set', () => {
    const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(config.queueBackend).toBe('redis');
    expect(config.eventsBackend).toBe('redis');
  });

  it("migrates as the owner (DATABASE_MIGRATION_URL) when given, else with the application's own DATABASE_URL", () => {
    const app = 'postgres://opvangplek_api:a@db:5432/opvangplek';
    const owner = 'postgres://opvangplek:o@db:5432/opvangplek';
    expect(loadConfig({ DATABASE_URL: app, DATABASE_MIGRATION_URL: owner })).toMatchObject({
      databaseUrl: app,
      databaseMigrationUrl: owner,
    });
    expect(loadConfig({ DATABASE_URL: app }).databaseMigrationUrl).toBeUndefined();
  });

  it('respects PORT and DATA_DIR so two instances can run side by side', () => {
    const config = loadConfig({ PORT: '3001', DATA_DIR: '/tmp/second' });
    expect(config.http.port).toBe(3001);
    expect(config.dataDir).toBe('/tmp/second');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT is "eighty"; allowed: a whole number from 0 to 65535'],
    [{ PORT: '70000' }, 'PORT is "70000"'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV is "staging"; allowed: development, test, production'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a URL starting with postgres:// or postgresql://'],
    [{ DATABASE_MIGRATION_URL: 'mysql://x' }, 'DATABASE_MIGRATION_URL must be a URL starting with postgres://'],
    [{ DATABASE_MIGRATION_URL: 'postgres://o@db/opvangplek' }, 'DATABASE_MIGRATION_URL is set but DATABASE_URL is not'],
    [{ QUEUE_BACKEND: 'redis' }, 'QUEUE_BACKEND is "redis" but REDIS_URL is not set'],
    [{ QUEUE_BACKEND: 'kafka' }, 'QUEUE_BACKEND is "kafka"; allowed: redis, postgres'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters long'],
    [{ HOLD_MINUTES: '0' }, 'HOLD_MINUTES is "0"; allowed: a whole number from 5 to 10080'],
    [{ USUAL_STAY_DAYS_NOODBED: 'drie' }, 'USUAL_STAY_DAYS_NOODBED is "drie"; allowed: a whole number from 0 to 3650'],
    [{ NODE_ENV: 'production' }, 'JWT_JWKS_URL is required in production'],
    [{ OPVANGPLEK_NAMESPACE: 'Bad-Name' }, 'OPVANGPLEK_NAMESPACE is "Bad-Name"'],
    [{ OIDC_ISSUER: 'https://login.example.nl' }, 'OIDC_ISSUER is set but OIDC_CLIENT_ID is not'],
    [{ OIDC_CLIENT_ID: 'opvangplek-console' }, 'OIDC_CLIENT_ID is set but OIDC_ISSUER is not'],
    [{ OIDC_ISSUER: 'login.example.nl', OIDC_CLIENT_ID: 'c' }, 'OIDC_ISSUER must be a URL starting with https:// or http://'],
    [
      { NODE_ENV: 'production', OIDC_ISSUER: 'http://login.example.nl', OIDC_CLIENT_ID: 'c' },
      'OIDC_ISSUER must be a URL starting with https://',
    ],
    [
      { OIDC_ISSUER: 'https://login.example.nl', OIDC_CLIENT_ID: 'c', OIDC_SCOPE: 'profile' },
      'OIDC_SCOPE is "profile"; it must include openid',
    ],
  ])('refuses %j with a sentence naming the variable', (env, expected) => {
    expect(problemsOf(env).join('\n')).toContain(expected);
  });

  it("takes placing-authority hours from configuration; CoMensha defaults to the documents' 09:00-17:00", () => {
    expect(loadConfig({}).authorityHours.COMENSHA).toEqual({
      days: [1, 2, 3, 4, 5],
      opens: '09:00',
      closes: '17:00',
      closedOnPublicHolidays: true,
    });
    expect(loadConfig({}).authorityHours.NLA).toBeNull();
    expect(loadConfig({ COMENSHA_HOURS: 'Mon-Fri 08:00-19:00' }).authorityHours.COMENSHA).toEqual({
      days: [1, 2, 3, 4, 5],
      opens: '08:00',
      closes: '19:00',
      closedOnPublicHolidays: true,
    });
    expect(loadConfig({ COMENSHA_HOURS: '24/7' }).authorityHours.COMENSHA).toBeNull();
    expect(problemsOf({ COMENSHA_HOURS: 'weekdays 9-5' })).toEqual([
      'COMENSHA_HOURS is "weekdays 9-5"; allowed: 24/7, or days and hours like "Mon-Fri 09:00-17:00"',
    ]);
    expect(problemsOf({ NLA_HOURS: 'Fri-Mon 09:00-17:00' })).toHaveLength(1);
  });

  it('reports every problem at once, not only the first', () => {
    expect(problemsOf({ PORT: 'x', HOLD_MINUTES: 'y', NODE_ENV: 'z' })).toHaveLength(3);
  });
});

describe('loadConfig: the simulated clock (issue 19)', () => {
  it('reads start, speed and the shared wall epoch', () => {
    const config = loadConfig({
      SIMULATED_CLOCK_START: '2026-01-05T00:00:00Z',
      SIMULATED_CLOCK_SPEED: '3600',
      SIMULATED_CLOCK_WALL_EPOCH: '1800000000000',
    });
    expect(config.simulatedClock).toEqual({
      start: new Date('2026-01-05T00:00:00Z'),
      speed: 3600,
      wallEpochMs: 1_800_000_000_000,
      scheduleFile: null,
    });
    expect(
      loadConfig({ SIMULATED_CLOCK_START: '2026-01-05T00:00:00Z', SIMULATED_CLOCK_SCHEDULE_FILE: '/tmp/year/speed.json' })
        .simulatedClock?.scheduleFile,
    ).toBe('/tmp/year/speed.json');
    expect(loadConfig({}).simulatedClock).toBeNull();
  });

  it('refuses a simulated clock in production, saying why', () => {
    expect(problemsOf({ NODE_ENV: 'production', SIMULATED_CLOCK_START: '2026-01-05T00:00:00Z' })).toContain(
      'SIMULATED_CLOCK_START is refused in production: a simulated clock moves every deadline, hold and escalation off real time',
    );
  });

  it('names the setting that is wrong', () => {
    expect(problemsOf({ SIMULATED_CLOCK_START: 'monday' })).toEqual([
      'SIMULATED_CLOCK_START is "monday"; allowed: an ISO time like 2026-01-05T00:00:00Z',
    ]);
    expect(problemsOf({ SIMULATED_CLOCK_START: '2026-01-05T00:00:00Z', SIMULATED_CLOCK_SPEED: '0' })).toEqual([
      'SIMULATED_CLOCK_SPEED is "0"; allowed: a number above 0 and up to 1000000',
    ]);
    expect(problemsOf({ SIMULATED_CLOCK_SPEED: '60' })).toEqual([
      'SIMULATED_CLOCK_SPEED, SIMULATED_CLOCK_WALL_EPOCH and SIMULATED_CLOCK_SCHEDULE_FILE need SIMULATED_CLOCK_START (an ISO time)',
    ]);
  });
});
