import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/**
 * One HTTP POST to a receiver. Redirects are not followed (a receiver cannot bounce the request
 * to an internal address), and a slow receiver is cut off after WEBHOOK_TIMEOUT_MS.
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
      const cause = (error as Error & { cause?: { code?: string } }).cause?.code;
      return { ok: false, status: null, error: `not delivered: ${cause ?? (error as Error).name}`.slice(0, 300) };
    }
  }
}
