/**
 * One EventSource per browser tab on /api/events/stream, shared by every
 * component that wants live events. The browser reconnects by itself after
 * a drop (the server sets a 3 s retry). Listeners are told of each
 * (re)connection so they can refetch what they may have missed.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';

/** A live event as the server sends it. */
export interface LiveEvent {
  type: string;
  title: string;
  roles?: string[];
  unitId?: string | null;
  urgent?: boolean;
  data?: unknown;
  at: string;
}

export type LiveConnectionState = 'connecting' | 'open' | 'closed';

type EventListener = (event: LiveEvent) => void;
type OpenListener = () => void;

const eventListeners = new Set<EventListener>();
const openListeners = new Set<OpenListener>();
const stateListeners = new Set<() => void>();
let source: EventSource | null = null;
let state: LiveConnectionState = 'closed';
let users = 0;

function setState(next: LiveConnectionState): void {
  state = next;
  stateListeners.forEach((listener) => listener());
}

function connect(): void {
  if (source) return;
  setState('connecting');
  source = new EventSource('/api/events/stream', { withCredentials: true });
  source.onopen = () => {
    setState('open');
    openListeners.forEach((listener) => listener());
  };
  source.onerror = () => setState(source?.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
  source.addEventListener('live', (message) => {
    let event: LiveEvent;
    try {
      event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
    } catch {
      return;
    }
    eventListeners.forEach((listener) => listener(event));
  });
}

function release(): void {
  users -= 1;
  if (users > 0 || !source) return;
  source.close();
  source = null;
  setState('closed');
}

/**
 * Calls `onEvent` for every live event and `onOpen` after each (re)connection
 * while the component is mounted.
 */
export function useLiveEvents(onEvent: EventListener, onOpen?: OpenListener): void {
  const eventRef = useRef(onEvent);
  const openRef = useRef(onOpen);
  useEffect(() => {
    eventRef.current = onEvent;
    openRef.current = onOpen;
  });

  useEffect(() => {
    const eventListener: EventListener = (event) => eventRef.current(event);
    const openListener: OpenListener = () => openRef.current?.();
    eventListeners.add(eventListener);
    openListeners.add(openListener);
    users += 1;
    connect();
    return () => {
      eventListeners.delete(eventListener);
      openListeners.delete(openListener);
      release();
    };
  }, []);
}

/** Returns the state of the tab's live connection. */
export function useLiveConnectionState(): LiveConnectionState {
  return useSyncExternalStore(
    (listener) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    () => state,
  );
}
