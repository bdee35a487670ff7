import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

describe('health and readiness', () => {
  let database: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('/health answers without a token', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/ready reports the database and the queue backend up', async () => {
    const response = await fetch(`${api.url}/ready`);
    expect(await response.json()).toEqual({ status: 'ready', database: 'up', queue: 'up' });
  });

  it('/ready says 503 and which dependency is down when the database goes away', async () => {
    await database.setConnectionsAllowed(false);
    try {
      const response = await fetch(`${api.url}/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'not ready', database: 'down' });
    } finally {
      await database.setConnectionsAllowed(true);
    }
    // …and ready again once it is back: the pool replaces its dead connections.
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await fetch(`${api.url}/ready`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
  });
});
