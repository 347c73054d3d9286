/**
 * Outbound webhook (ZHIBAN_WEBHOOK_URL): every live event published on this
 * instance is POSTed as JSON, in the background so no request waits for it,
 * with up to 3 attempts and exponential backoff. Every attempt is logged.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import type { LiveEvent } from '../events/event-bus.js';

export interface WebhookOptions {
  url: string;
  /** Attempts per event, the first included. */
  attempts?: number;
  /** Wait before the second attempt, ms; doubled before each further one. */
  baseDelayMs?: number;
  /** Time allowed for one attempt, ms. */
  timeoutMs?: number;
}

const installed = new WeakSet<AppContext>();

/** Sends one event to the webhook and retries failures. Resolves to whether an attempt succeeded; failures are logged, not thrown. */
export async function deliverWebhook(event: LiveEvent, options: WebhookOptions, log: FastifyBaseLogger): Promise<boolean> {
  const attempts = options.attempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const body = JSON.stringify(event);

  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const started = Date.now();
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) {
        log.info({ type: event.type, attempt, status: response.status, ms: Date.now() - started }, 'webhook delivered');
        return true;
      }
      log.warn({ type: event.type, attempt, attempts, status: response.status }, 'webhook attempt failed');
    } catch (error) {
      log.warn({ type: event.type, attempt, attempts, err: error }, 'webhook attempt failed');
    }
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)));
  }
  log.error({ type: event.type, attempts }, 'webhook gave up after all attempts');
  return false;
}

/** Sends every event this instance publishes to the configured webhook; does nothing without ZHIBAN_WEBHOOK_URL. */
export function installWebhookNotifier(ctx: AppContext, options: Omit<WebhookOptions, 'url'> = {}): void {
  const url = ctx.config.webhookUrl;
  if (!url || installed.has(ctx) || !ctx.events.onPublish) return;
  installed.add(ctx);
  ctx.events.onPublish((event) => {
    void deliverWebhook(event, { url, ...options }, ctx.log);
  });
  ctx.log.info('webhook notifications enabled');
}
