import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Caller } from './agents';

/**
 * The simulated people's calls go before the background's: after a calm stretch the capacity
 * reports pile up, and a new arrival's ask must not wait behind them (calm-speed.ts).
 */
describe('national year: the caller serves people before the background', () => {
  let server: Server;
  let url: string;
  const served: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        served.push((JSON.parse(body) as { variables: { who: string } }).variables.who);
        // Slow enough that the calls below queue behind the first.
        setTimeout(() => response.end(JSON.stringify({ data: { ok: true } })), 20);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('an ask queued after two capacity reports is sent before them; each lane keeps its own order', async () => {
    const caller = new Caller([url], 1);
    const calls = [
      caller.call('t', 'query Busy { ok }', { who: 'first' }, 'background'),
      caller.call('t', 'mutation Report { ok }', { who: 'report 1' }, 'background'),
      caller.call('t', 'mutation Report { ok }', { who: 'report 2' }, 'background'),
      caller.call('t', 'mutation Ask { ok }', { who: 'ask' }),
      caller.call('t', 'mutation Answer { ok }', { who: 'answer' }, 'person'),
    ];
    expect(caller.queued()).toEqual({ person: 2, background: 2 });
    await Promise.all(calls);
    expect(served).toEqual(['first', 'ask', 'answer', 'report 1', 'report 2']);
  });
});
