import { createHmac } from 'node:crypto';

/** Where e-mail goes. The default logs; a deployment plugs in its SMTP relay here. */
export interface EmailTransport {
  send(to: string, subject: string, text: string): Promise<void>;
}

/** Logs e-mail instead of sending it: used when no SMTP transport is configured. */
export class LoggingEmailTransport implements EmailTransport {
  constructor(private readonly log: { info(o: object, m: string): void }) {}
  async send(to: string, subject: string, text: string): Promise<void> {
    this.log.info({ to, subject, chars: text.length }, 'e-mail (no SMTP transport configured; logged only)');
  }
}

export const WEBHOOK_SIGNATURE_HEADER = 'x-pantau-signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-pantau-timestamp';

/**
 * The signature a webhook receiver checks: HMAC-SHA256 over `timestamp.body` with the agency's
 * secret, hex. The timestamp is in the signed string so a captured call cannot be replayed later.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return 'v1=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Retry delays after the 1st, 2nd … failed attempt; after the last one the message fails for good. */
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000];

export function nextAttempt(attemptsSoFar: number, now: Date): Date | null {
  const d = RETRY_DELAYS_MS[attemptsSoFar];
  return d === undefined ? null : new Date(now.getTime() + d);
}

export type WebhookPoster = (url: string, headers: Record<string, string>, body: string) => Promise<{ status: number }>;

/** POST with a 10 s limit; a non-2xx answer counts as a failure. */
export const fetchPoster: WebhookPoster = async (url, headers, body) => {
  const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  await res.arrayBuffer().catch(() => undefined);
  return { status: res.status };
};
