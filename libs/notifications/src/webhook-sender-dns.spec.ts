import type { AppConfig } from '@opvangplek/platform';
import { WebhookSender } from './webhook-sender';

// The sandbox has no DNS: answer as the public resolvers do for wildcard names like 127.0.0.1.nip.io.
jest.mock('node:dns/promises', () => ({
  lookup: jest.fn(async (host: string) => {
    const answers: Record<string, string> = {
      '127.0.0.1.nip.io': '127.0.0.1',
      'localtest.me': '127.0.0.1',
      'meta.nip.io': '169.254.169.254',
    };
    if (!(host in answers)) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return [{ address: answers[host], family: 4 }];
  }),
}));

const sender = new WebhookSender({ webhooks: { allowInsecure: false, timeoutMs: 2_000 } } as unknown as AppConfig);
const request = (url: string) => ({ url, secret: 'whsec_x', body: '{}', type: 'ESCALATED', deliveryId: 'd-1', at: new Date() });

describe('sending a webhook to a public name that points home (red team F14)', () => {
  it.each([
    ['https://127.0.0.1.nip.io:4200/hook', '127.0.0.1.nip.io'],
    ['https://localtest.me/hook', 'localtest.me'],
    ['https://meta.nip.io/latest', 'meta.nip.io'],
  ])('outside development, %s is refused when sending: its name resolves to a private address', async (url, host) => {
    const result = await sender.send(request(url));
    expect(result).toEqual({ ok: false, status: null, error: `not delivered: ${host} resolves to a private address` });
  });
});
