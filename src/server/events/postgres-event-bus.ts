/**
 * The event bus for several server instances on one PostgreSQL database:
 * each instance delivers its own events at once and sends them to the others
 * with NOTIFY; a dedicated connection LISTENs and reconnects when it drops.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../db/database.js';
import { newId, toDbInstant } from '../db/sql-values.js';
import { LocalEventBus, type LiveEvent } from './event-bus.js';

export const LIVE_EVENT_CHANNEL = 'zhiban_live_events';

// PostgreSQL rejects NOTIFY payloads of 8000 bytes or more; keep a margin for the envelope.
const MAX_INLINE_PAYLOAD_BYTES = 7500;
// Stored payloads are only read by listeners within moments of the NOTIFY.
const STORED_PAYLOAD_TTL_MS = 60 * 60_000;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

/** Payload of a NOTIFY: the sending instance and the event, or the id of a stored event. */
interface Envelope {
  origin: string;
  event?: LiveEvent;
  ref?: string;
}

export interface PostgresEventBusOptions {
  /** Connection string for the LISTEN connection; the same database as `db`. */
  connectionString: string;
  channel?: string;
}

export class PostgresEventBus extends LocalEventBus {
  readonly instanceId = randomUUID();
  private readonly channel: string;
  private client: pg.Client | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private listening: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly options: PostgresEventBusOptions,
  ) {
    super();
    this.channel = options.channel ?? LIVE_EVENT_CHANNEL;
  }

  /** Opens the LISTEN connection; resolves once it listens, or after the first failure (retries go on in the background). */
  start(): Promise<void> {
    this.listening ??= this.connect();
    return this.listening;
  }

  override async publish(event: LiveEvent): Promise<void> {
    this.deliver(event);
    this.runPublishHooks(event);
    try {
      await this.notify(event);
    } catch (error) {
      // The local users already have the event but other instances miss it, so log it as an error.
      this.log.error({ err: error, type: event.type }, 'live event NOTIFY failed; other instances did not receive it');
    }
  }

  override async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
    await super.close();
  }

  private async notify(event: LiveEvent): Promise<void> {
    let payload = JSON.stringify({ origin: this.instanceId, event } satisfies Envelope);
    if (Buffer.byteLength(payload, 'utf8') > MAX_INLINE_PAYLOAD_BYTES) {
      const id = newId();
      const now = new Date();
      await this.db.kysely
        .insertInto('live_event_payloads')
        .values({ id, payload: JSON.stringify(event), created_at: toDbInstant(now) })
        .execute();
      await this.db.kysely
        .deleteFrom('live_event_payloads')
        .where('created_at', '<', toDbInstant(new Date(now.getTime() - STORED_PAYLOAD_TTL_MS)))
        .execute();
      payload = JSON.stringify({ origin: this.instanceId, ref: id } satisfies Envelope);
    }
    await sql`SELECT pg_notify(${this.channel}, ${payload})`.execute(this.db.kysely);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.options.connectionString });
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload) void this.receive(message.payload);
    });
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'live event LISTEN connection failed');
      this.scheduleReconnect(client);
    });
    client.on('end', () => this.scheduleReconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
      this.client = client;
      this.reconnectDelay = RECONNECT_MIN_MS;
      this.log.info({ channel: this.channel, instanceId: this.instanceId }, 'live event bus listening');
    } catch (error) {
      this.log.warn({ err: error, retryInMs: this.reconnectDelay }, 'live event LISTEN connection could not be opened');
      this.scheduleReconnect(client);
    }
  }

  private scheduleReconnect(failed: pg.Client): void {
    if (this.closed || this.reconnectTimer) return;
    if (this.client && this.client !== failed) return;
    this.client = null;
    failed.end().catch(() => undefined);
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.log.info({ delayMs: delay }, 'live event bus reconnecting');
      void this.connect();
    }, delay);
  }

  private async receive(payload: string): Promise<void> {
    try {
      const envelope = JSON.parse(payload) as Envelope;
      if (envelope.origin === this.instanceId) return;
      if (envelope.event) {
        this.deliver(envelope.event);
        return;
      }
      if (!envelope.ref) return;
      const row = await this.db.kysely.selectFrom('live_event_payloads').select('payload').where('id', '=', envelope.ref).executeTakeFirst();
      if (!row) {
        this.log.warn({ ref: envelope.ref }, 'stored live event not found');
        return;
      }
      this.deliver(JSON.parse(row.payload) as LiveEvent);
    } catch (error) {
      this.log.error({ err: error }, 'live event notification could not be read');
    }
  }
}
