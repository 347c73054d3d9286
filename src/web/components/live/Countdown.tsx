/** A live countdown to a deadline, red once overdue and orange in the last 15 minutes. */
import { useEffect, useState } from 'react';
import { countdown } from '../../../domain/incidents/deadlines';

/** Returns the current time, updated every `intervalMs`. */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function clock(totalSeconds: number): string {
  const seconds = Math.abs(totalSeconds);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${hours > 0 ? `${hours}:` : ''}${pad(minutes)}:${pad(rest)}`;
}

export const countdownColors = { ok: '#389e0d', due_soon: '#d46b08', overdue: '#cf1322' } as const;

export function Countdown({ due, doneAt, fontSize, darkTheme = false }: { due: string; doneAt?: string | null; fontSize?: number; darkTheme?: boolean }) {
  const now = useNow();
  if (doneAt) return <span style={{ color: darkTheme ? '#95de64' : countdownColors.ok, fontSize }}>已完成</span>;
  const state = countdown(new Date(due), now);
  const colors = darkTheme ? { ok: '#95de64', due_soon: '#ffc53d', overdue: '#ff7875' } : countdownColors;
  const text = state.state === 'overdue' ? `已超时 ${clock(state.remainingSeconds)}` : `剩余 ${clock(state.remainingSeconds)}`;
  return (
    <span style={{ color: colors[state.state], fontVariantNumeric: 'tabular-nums', fontWeight: 600, fontSize }} data-countdown-state={state.state}>
      {text}
    </span>
  );
}
