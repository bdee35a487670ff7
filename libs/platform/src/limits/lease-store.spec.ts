import { InsuredLeaseStore, type LeaseStore, MemoryLeaseStore } from './lease-store';

describe('leases of sockets and subscriptions (issue 12)', () => {
  it('lets a caller hold at most max at once; a released or expired one makes room', async () => {
    let now = 0;
    const store = new MemoryLeaseStore(() => now);
    expect(await store.acquire('socket:a', 's1', 2, 30_000)).toBe(true);
    expect(await store.acquire('socket:a', 's2', 2, 30_000)).toBe(true);
    expect(await store.acquire('socket:a', 's3', 2, 30_000)).toBe(false);
    // Another caller has a cap of its own; a lease already held is renewed, not counted twice.
    expect(await store.acquire('socket:b', 's3', 2, 30_000)).toBe(true);
    expect(await store.acquire('socket:a', 's2', 2, 30_000)).toBe(true);
    await store.release({ scope: 'socket:a', id: 's1' });
    expect(await store.acquire('socket:a', 's3', 2, 30_000)).toBe(true);
    // A crashed process stops renewing: its leases lapse; a renewed one stays.
    now = 20_000;
    await store.renew([{ scope: 'socket:a', id: 's3' }], 30_000);
    now = 31_000;
    expect(await store.acquire('socket:a', 's4', 2, 30_000)).toBe(true);
    expect(await store.acquire('socket:a', 's5', 2, 30_000)).toBe(false);
  });

  it('falls back to this process when the shared store is down, instead of refusing or failing', async () => {
    const down: LeaseStore = {
      acquire: () => Promise.reject(new Error('ECONNREFUSED')),
      renew: () => Promise.reject(new Error('ECONNREFUSED')),
      release: () => Promise.reject(new Error('ECONNREFUSED')),
      close: () => Promise.resolve(),
    };
    const failures: unknown[] = [];
    const store = new InsuredLeaseStore(down, (error) => failures.push(error));
    expect(await store.acquire('socket:a', 's1', 1, 30_000)).toBe(true);
    expect(await store.acquire('socket:a', 's2', 1, 30_000)).toBe(false);
    await store.release({ scope: 'socket:a', id: 's1' });
    expect(await store.acquire('socket:a', 's2', 1, 30_000)).toBe(true);
    expect(failures.length).toBeGreaterThan(0);
  });
});
