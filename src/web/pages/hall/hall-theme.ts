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

export const panelStyle: CSSProperties = {
  background: hallColors.panel,
  border: `1px solid ${hallColors.border}`,
  borderRadius: 8,
  padding: '14px 18px',
  overflow: 'hidden',
  minHeight: 0,
};

export const panelTitleStyle: CSSProperties = { fontSize: 24, fontWeight: 700, color: hallColors.accent, marginBottom: 10, letterSpacing: 2 };
