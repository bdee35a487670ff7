import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One delivery as a receiving organisation's endpoint got it. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses still to answer with, in order; push onto it to make later deliveries fail. */
  answers: number[];
  close(): Promise<void>;
}

/**
 * An organisation's webhook endpoint for a spec, on a free local port: it records every delivery
 * and answers with the next of `answers`, then with `status` (200 unless given).
 */
export async function startWebhookReceiver(options: { answers?: number[]; status?: number } = {}): Promise<WebhookReceiver> {
  const answers = options.answers ?? [];
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(answers.shift() ?? options.status ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/opvangplek`;
  return { url, received, answers, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
