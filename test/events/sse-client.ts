/** A minimal server-sent events reader over fetch, for tests against a listening server. */
import type { LiveEvent } from '../../src/server/events/event-bus.js';

export interface SseClient {
  events: LiveEvent[];
  /** Raw text received, comments and heartbeats included. */
  raw(): string;
  /** Resolves with the first event that matches, or rejects after `timeoutMs`. */
  waitFor(match: (event: LiveEvent) => boolean, timeoutMs: number): Promise<LiveEvent>;
  close(): void;
}

export async function openSse(url: string, cookie: string): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`event stream answered ${response.status}`);
  const events: LiveEvent[] = [];
  const waiters: { match: (event: LiveEvent) => boolean; resolve: (event: LiveEvent) => void }[] = [];
  let buffer = '';
  let text = '';

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += value;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
          if (!data) continue;
          const event = JSON.parse(data) as LiveEvent;
          events.push(event);
          for (const waiter of [...waiters]) {
            if (waiter.match(event)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        }
      }
    } catch {
      // Aborted by close().
    }
  })();

  return {
    events,
    raw: () => text,
    waitFor(match, timeoutMs) {
      const found = events.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((event) => event.type))}`)), timeoutMs);
        waiters.push({ match, resolve: (event) => { clearTimeout(timer); resolve(event); } });
      });
    },
    close: () => controller.abort(),
  };
}
