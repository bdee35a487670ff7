import { lookup } from 'node:dns/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform';
import { isPrivateAddress } from './receiver-url';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/**
 * One HTTP POST to a receiver. Outside development its name is looked up first and a private
 * answer refused (a public name pointing at the service's own network, e.g. 127.0.0.1.nip.io);
 * redirects are not followed (a receiver cannot bounce the request inward either), and a slow
 * receiver is cut off after WEBHOOK_TIMEOUT_MS.
 */
@Injectable()
export class WebhookSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(request: {
    url: string;
    secret: string;
    body: string;
    type: string;
    deliveryId: string;
    at: Date;
  }): Promise<SendResult> {
    try {
      if (!this.config.webhooks.allowInsecure) {
        const host = new URL(request.url).hostname.replace(/^\[|\]$/g, '');
        const addresses = await lookup(host, { all: true });
        if (addresses.some(({ address }) => isPrivateAddress(address)))
          return { ok: false, status: null, error: `not delivered: ${host} resolves to a private address` };
      }
      const response = await fetch(request.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Opvangplek-Webhooks/1',
          'opvangplek-event': request.type,
          'opvangplek-delivery': request.deliveryId,
          [SIGNATURE_HEADER]: signWebhook(request.secret, request.body, request.at),
        },
        body: request.body,
      });
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return { ok, status: response.status, error: ok ? null : `the receiver answered ${response.status}` };
    } catch (error) {
      // The cause says what went wrong (ENOTFOUND, ECONNREFUSED, a refused port); the error itself only "fetch failed".
      const { cause, code, message } = error as Error & { cause?: { code?: string; message?: string }; code?: string };
      const why = cause?.code ?? code ?? cause?.message ?? message;
      return { ok: false, status: null, error: `not delivered: ${why}`.slice(0, 300) };
    }
  }
}
