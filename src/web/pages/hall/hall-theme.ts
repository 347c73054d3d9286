/** Colors and sizes of the hall screen: dark, high contrast, readable across the room. */
import type { CSSProperties } from 'react';

export const hallColors = {
  background: '#06121f',
  panel: '#0d2137',
  border: '#1d3a5c',
  text: '#e6f0ff',
  muted: '#8fa8c8',
  accent: '#69b1ff',
  ok: '#95de64',
  warning: '#ffc53d',
  danger: '#ff7875',
} as const;

/**
 * Scales a length in CSS pixels at the 1920×1080 design size by `--hall-scale`,
 * which the hall page sets from the window size.
 */
export function hallSize(px: number): string {
  return `calc(${px}px * var(--hall-scale, 1))`;
}

/** Scale of the hall screen for a window: 1 at 1080 px high or more, down to 0.7 on small laptop screens. */
export function hallScaleFor(width: number, height: number): number {
  const scale = Math.min(height / 1080, width / 1600, 1);
  return Math.max(0.7, Math.round(scale * 100) / 100);
}

export const panelStyle: CSSProperties = {
  background: hallColors.panel,
  border: `1px solid ${hallColors.border}`,
  borderRadius: 8,
  padding: `${hallSize(12)} ${hallSize(16)}`,
  overflow: 'hidden',
  minHeight: 0,
};

export const panelTitleStyle: CSSProperties = { fontSize: hallSize(24), fontWeight: 700, color: hallColors.accent, marginBottom: hallSize(8), letterSpacing: 2 };
