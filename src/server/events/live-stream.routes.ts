import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { AppContext } from '../context.js';
import { rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { installWebhookNotifier } from '../notifications/webhook.js';
import type { LiveEvent } from './event-bus.js';
import { mayReceive } from './live-audience.js';

export const HEARTBEAT_INTERVAL_MS = 15_000;
// How long a browser waits before reconnecting after the stream drops.
const RETRY_MS = 3_000;

function writeEvent(response: ServerResponse, event: LiveEvent, id: number): void {
  response.write(`id: ${id}\nevent: live\ndata: ${JSON.stringify(event)}\n\n`);
}

/**
 * GET /api/events/stream: server-sent events for every signed-in user and the
 * hall display, filtered by the event's roles and unit, with a heartbeat
 * comment every 15 s so proxies keep the connection open.
 */
export async function liveEventRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  installWebhookNotifier(ctx);
  const open = new Set<ServerResponse>();

  api.addHook('preClose', async () => {
    for (const response of open) response.end();
    open.clear();
  });

  api.get(
    '/api/events/stream',
    {
      config: { access: rolesAccess([...staffRoles, 'hall_display'], { display: true }) },
      schema: { tags: ['实时提醒'], summary: '实时事件流（text/event-stream）', description: '新突发案事件、时限临近或超时、单位迟报、视频点名等提醒。每15秒发送一次心跳。' },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const response = reply.raw;
      reply.hijack();
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      response.write(`retry: ${RETRY_MS}\n: connected ${new Date().toISOString()}\n\n`);
      open.add(response);

      let sequence = 0;
      const unsubscribe = ctx.events.subscribe((event) => {
        if (mayReceive(user, event)) writeEvent(response, event, ++sequence);
      });
      const heartbeat = setInterval(() => response.write(`: heartbeat ${new Date().toISOString()}\n\n`), HEARTBEAT_INTERVAL_MS);
      request.log.info({ userId: user.id, listeners: open.size }, 'live event stream opened');

      const cleanUp = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(response);
      };
      response.on('close', () => {
        cleanUp();
        request.log.info({ userId: user.id, listeners: open.size }, 'live event stream closed');
      });
    },
  );
}
