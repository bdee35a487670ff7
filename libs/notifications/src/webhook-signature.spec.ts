import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('a webhook signature, as a receiver checks it', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ type: 'ESCALATED', requestId: 'r1' });
  const at = new Date('2026-12-05T02:00:00Z');

  it('verifies what was signed', () => {
    expect(verifyWebhook(secret, body, signWebhook(secret, body, at), at)).toBe(true);
  });

  it('refuses a changed body, another secret, and a replay after five minutes', () => {
    const header = signWebhook(secret, body, at);
    expect(verifyWebhook(secret, body.replace('r1', 'r2'), header, at)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), body, header, at)).toBe(false);
    expect(verifyWebhook(secret, body, header, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifyWebhook(secret, body, 'v1=abc', at)).toBe(false);
  });
});
