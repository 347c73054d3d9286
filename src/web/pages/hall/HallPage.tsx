/**
 * 指挥大厅 screen: full screen, dark, large type. It refetches its data on
 * every live event and after every reconnection (a server restart included),
 * and a banner warns when the data on screen may be stale.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { sectionOf, hallQueryKey, useHallOverview, type DeadlinesSectionData, type DocumentsSectionData, type DutySectionData, type HallOverview, type IncidentsSectionData, type PatrolsSectionData, type ReportsSectionData, type WeekSectionData } from '../../api/hall';
import { errorMessage } from '../../app/api-client';
import { systemName } from '../../app/branding';
import { playAlertSound } from '../../components/live/alert-sound';
import { useNow } from '../../components/live/Countdown';
import { useLiveConnectionState, useLiveEvents, type LiveEvent } from '../../components/live/live-events';
import { DeadlinesPanel, DocumentsPanel, DutyPanel, IncidentsPanel, Panel, PatrolsPanel, ReportsPanel, SectionError } from './HallSections';
import { hallColors, hallScaleFor, hallSize } from './hall-theme';
import { WeekChart } from './WeekChart';
import { formatClockSeconds } from '../../app/time';

// Data older than this is flagged even while the connection looks healthy.
const STALE_AFTER_MS = 90_000;
const ALERT_SHOWN_MS = 20_000;

function SectionPanel<T>({ overview, sectionKey, area, render, extra }: { overview: HallOverview | undefined; sectionKey: string; area: string; render: (data: T) => React.ReactNode; extra?: (data: T) => React.ReactNode }) {
  const section = sectionOf<T>(overview, sectionKey);
  if (!section) return null;
  return (
    <Panel title={section.title} area={area} extra={section.data ? extra?.(section.data) : undefined} testId={`hall-section-${sectionKey}`}>
      {section.error || !section.data ? <SectionError section={section} /> : render(section.data)}
    </Panel>
  );
}

function subscribeToResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** The hall's scale for the current window, updated on resize. */
function useHallScale(): number {
  return useSyncExternalStore(subscribeToResize, () => hallScaleFor(window.innerWidth, window.innerHeight));
}

function ageText(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return seconds < 60 ? `${seconds}秒` : `${Math.floor(seconds / 60)}分${seconds % 60}秒`;
}

export default function HallPage() {
  const queryClient = useQueryClient();
  const overview = useHallOverview();
  const connection = useLiveConnectionState();
  const now = useNow();
  const scale = useHallScale();
  const [alert, setAlert] = useState<{ title: string; at: number } | null>(null);
  const [soundOn, setSoundOn] = useState(false);

  const data = overview.data;
  const dataAgeMs = overview.dataUpdatedAt ? Math.max(0, now.getTime() - overview.dataUpdatedAt) : 0;
  const stale = Boolean(data) && (connection !== 'open' || overview.isError || dataAgeMs > STALE_AFTER_MS);
  const duty = sectionOf<DutySectionData>(data, 'duty')?.data ?? null;

  function handleEvent(event: LiveEvent) {
    void queryClient.invalidateQueries({ queryKey: hallQueryKey });
    if (!event.urgent) return;
    setAlert({ title: event.title, at: Date.now() });
    if (soundOn) playAlertSound();
  }

  function handleReconnect() {
    void queryClient.invalidateQueries({ queryKey: hallQueryKey });
  }

  function handleEnableSound() {
    setSoundOn(true);
    playAlertSound();
  }

  useLiveEvents(handleEvent, handleReconnect);

  useEffect(() => {
    if (!alert) return;
    const timer = window.setTimeout(() => setAlert(null), ALERT_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [alert]);

  return (
    <div style={{ '--hall-scale': String(scale), height: '100vh', overflow: 'hidden', background: hallColors.background, color: hallColors.text, display: 'flex', flexDirection: 'column', fontFamily: '"Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif' } as CSSProperties} data-testid="hall-screen">
      <header style={{ display: 'flex', alignItems: 'center', gap: hallSize(32), padding: `${hallSize(10)} ${hallSize(24)}`, flexShrink: 0, borderBottom: `2px solid ${hallColors.border}` }}>
        <div style={{ fontSize: hallSize(36), fontWeight: 800, letterSpacing: 6, whiteSpace: 'nowrap' }} title={systemName}>
          指挥大厅
        </div>
        <div style={{ fontSize: hallSize(26), whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid="hall-duty-day">
          {duty ? `${duty.date} 值班日 · ${duty.dayTypeLabel}${duty.name ? `（${duty.name}）` : ''} · ${duty.dutyLevelLabel}` : data ? `${data.dutyDate} 值班日` : ''}
        </div>
        <div style={{ marginLeft: 'auto', fontSize: hallSize(40), fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>{formatClockSeconds(now)}</div>
        <div style={{ fontSize: hallSize(18), whiteSpace: 'nowrap', color: connection === 'open' ? hallColors.ok : hallColors.danger }} data-testid="hall-connection">
          {connection === 'open' ? '● 实时连接' : '● 连接中断'}
        </div>
        {!soundOn ? (
          <button type="button" onClick={handleEnableSound} style={{ fontSize: hallSize(18), whiteSpace: 'nowrap', background: 'transparent', color: hallColors.accent, border: `1px solid ${hallColors.accent}`, borderRadius: 6, padding: '4px 12px', cursor: 'pointer' }}>
            开启提示音
          </button>
        ) : null}
      </header>

      {stale ? (
        <div role="alert" data-testid="hall-stale" style={{ background: '#a8071a', color: '#fff', fontSize: 24, padding: '8px 24px', fontWeight: 700 }}>
          数据可能已过期：最后更新于 {ageText(dataAgeMs)}前，{connection === 'open' ? '正在重新获取…' : '实时连接已中断，正在重新连接…'}
        </div>
      ) : null}
      {alert ? (
        <div role="alert" data-testid="hall-alert" style={{ background: '#d4380d', color: '#fff', fontSize: 30, padding: '10px 24px', fontWeight: 800 }}>
          {alert.title}
        </div>
      ) : null}

      {!data ? (
        <div style={{ flex: 1, display: 'grid', placeItems: 'center', fontSize: 32, color: overview.isError ? hallColors.danger : hallColors.muted }}>
          {overview.isError ? `无法获取大屏数据：${errorMessage(overview.error)}，正在重试…` : '正在加载大屏数据…'}
        </div>
      ) : (
        <main
          style={{
            flex: 1,
            minHeight: 0,
            display: 'grid',
            gap: hallSize(12),
            padding: hallSize(12),
            gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.5fr) minmax(0, 1fr)',
            gridTemplateRows: 'minmax(0, 1.1fr) minmax(0, 1fr) minmax(0, 1fr)',
            gridTemplateAreas: '"duty incidents deadlines" "reports incidents documents" "week week patrols"',
          }}
        >
          <SectionPanel<DutySectionData> overview={data} sectionKey="duty" area="duty" render={(section) => <DutyPanel data={section} />} />
          <SectionPanel<ReportsSectionData>
            overview={data}
            sectionKey="reports"
            area="reports"
            render={(section) => <ReportsPanel data={section} />}
          />
          <SectionPanel<IncidentsSectionData> overview={data} sectionKey="incidents" area="incidents" render={(section) => <IncidentsPanel data={section} />} extra={(section) => `共 ${section.total} 起`} />
          <SectionPanel<DeadlinesSectionData> overview={data} sectionKey="deadlines" area="deadlines" render={(section) => <DeadlinesPanel data={section} />} />
          <SectionPanel<DocumentsSectionData> overview={data} sectionKey="documents" area="documents" render={(section) => <DocumentsPanel data={section} />} extra={(section) => `${section.total} 件，其中急件 ${section.urgent}`} />
          <SectionPanel<PatrolsSectionData> overview={data} sectionKey="patrols" area="patrols" render={(section) => <PatrolsPanel data={section} />} extra={(section) => `${section.total} 个，超期 ${section.overdue}`} />
          <SectionPanel<WeekSectionData> overview={data} sectionKey="week" area="week" render={(section) => <WeekChart data={section} scale={scale} />} />
        </main>
      )}
    </div>
  );
}
