/**
 * Live events for signed-in browsers (server-sent events). Each event is
 * published to every server instance: in-process on SQLite, through
 * PostgreSQL LISTEN/NOTIFY when several instances share one database.
 */
import { EventEmitter } from 'node:events';
import type { Role } from '../../shared/roles.js';

export interface LiveEvent {
  /** Stable type, e.g. `incident.created`, `report.late`, `rollcall.due`. */
  type: string;
  /** Chinese one-line text for the notification. */
  title: string;
  /** Roles that should see it; empty means every signed-in user. */
  roles?: Role[];
  /** Restricts the event to one unit's users (and the center). */
  unitId?: string | null;
  /** Whether the browser should play a sound. */
  urgent?: boolean;
  data?: unknown;
  at: string;
}

export interface EventBus {
  publish(event: LiveEvent): Promise<void>;
  subscribe(listener: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
  /**
   * Registers a hook that runs once for each event published on this
   * instance (not for events received from other instances), so outbound
   * notifications such as the webhook are sent once per event.
   */
  onPublish?(hook: (event: LiveEvent) => void): () => void;
}

/** The single-instance bus; the PostgreSQL bus builds on it. */
export class LocalEventBus implements EventBus {
  private readonly emitter = new EventEmitter();
  private readonly publishHooks = new Set<(event: LiveEvent) => void>();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  async publish(event: LiveEvent): Promise<void> {
    this.deliver(event);
    this.runPublishHooks(event);
  }

  onPublish(hook: (event: LiveEvent) => void): () => void {
    this.publishHooks.add(hook);
    return () => this.publishHooks.delete(hook);
  }

  /** Runs the publish hooks; a failing hook never stops the others or the publisher. */
  protected runPublishHooks(event: LiveEvent): void {
    for (const hook of this.publishHooks) {
      try {
        hook(event);
      } catch {
        // Hooks log their own failures; one must not break the event delivery.
      }
    }
  }

  /** Hands an event to this instance's listeners only. */
  deliver(event: LiveEvent): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
    this.publishHooks.clear();
  }
}
