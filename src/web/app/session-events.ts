/**
 * Session events raised by failed requests anywhere in the app, handled once
 * by the auth provider: the server ended the session, or it requires a
 * password change before anything else.
 */
export type SessionEvent = { kind: 'signed-out'; message: string } | { kind: 'password-change-required' };

type Listener = (event: SessionEvent) => void;

const listeners = new Set<Listener>();

export function onSessionEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function emitSessionEvent(event: SessionEvent): void {
  for (const listener of listeners) listener(event);
}
