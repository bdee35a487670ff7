import type { AppConfig } from '@opvangplek/platform';
import { WebhookSender } from './webhook-sender';

const sender = (allowInsecure: boolean) =>
  new WebhookSender({ webhooks: { allowInsecure, timeoutMs: 2_000 } } as unknown as AppConfig);
const request = (url: string) => ({ url, secret: 'whsec_x', body: '{}', type: 'ESCALATED', deliveryId: 'd-1', at: new Date() });

describe('sending a webhook', () => {
  it('looks the name up first and refuses one that points into the service’s own network', async () => {
    // localhost is in every machine's hosts file: a name that resolves to 127.0.0.1 without DNS.
    const result = await sender(false).send(request('https://localhost:9/hook'));
    expect(result).toEqual({ ok: false, status: null, error: 'not delivered: localhost resolves to a private address' });
  });

  it('says why a connection failed, not only "fetch failed"', async () => {
    // Development allows local receivers; nothing listens on 65000.
    const result = await sender(true).send(request('http://127.0.0.1:65000/hook'));
    expect(result.ok).toBe(false);
    expect(result.error).toBe('not delivered: ECONNREFUSED');
  });
});
