/** The panels of the command hall screen, one per section of the overview. */
import type { ReactNode } from 'react';
import type { DeadlinesSectionData, DocumentsSectionData, DutySectionData, HallSection, IncidentsSectionData, PatrolsSectionData, ReportsSectionData } from '../../api/hall';
import { Countdown } from '../../components/live/Countdown';
import { hallColors, panelStyle, panelTitleStyle } from './hall-theme';

const gradeColors = { general: hallColors.accent, larger: hallColors.warning, major: '#ff9c6e', especially_major: hallColors.danger } as const;
const reportStatus = {
  reported: { label: '已报', color: hallColors.ok },
  zero: { label: '零报告', color: hallColors.ok },
  late: { label: '迟报', color: hallColors.warning },
  missing: { label: '未报', color: hallColors.danger },
} as const;

function time(value: string): string {
  return value.slice(11, 16);
}

export function Panel({ title, extra, children, area, testId }: { title: string; extra?: ReactNode; children: ReactNode; area: string; testId?: string }) {
  return (
    <section style={{ ...panelStyle, gridArea: area, display: 'flex', flexDirection: 'column' }} data-testid={testId}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <div style={panelTitleStyle}>{title}</div>
        <div style={{ fontSize: 20, color: hallColors.muted }}>{extra}</div>
      </div>
      <div style={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>{children}</div>
    </section>
  );
}

export function SectionError({ section }: { section: HallSection }) {
  return <div style={{ color: hallColors.warning, fontSize: 20 }}>{section.error}</div>;
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div style={{ display: 'flex', gap: 16, fontSize: 26, lineHeight: 1.45 }}>
      <span style={{ color: hallColors.muted, width: 140, flexShrink: 0 }}>{label}</span>
      <span style={{ fontWeight: 600 }}>{value}</span>
    </div>
  );
}

export function DutyPanel({ data }: { data: DutySectionData }) {
  return (
    <>
      <Row label="值班指挥长" value={data.commander?.name ?? '未排班'} />
      <Row label="值班长" value={data.shiftLeader?.name ?? '未排班'} />
      <Row label="值班员" value={data.officers.map((officer) => officer.name).join('、') || '未排班'} />
      {data.seats.length > 0 ? (
        <div style={{ marginTop: 6, fontSize: 17, color: hallColors.text, display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
          {data.seats.map((seat) => (
            <div key={seat.seatName}>
              <span style={{ color: hallColors.muted }}>{seat.seatName}：</span>
              {seat.people.join('、')}
              {seat.onSeat ? <span style={{ color: hallColors.ok }}> 在席</span> : null}
            </div>
          ))}
        </div>
      ) : null}
    </>
  );
}

export function ReportsPanel({ data }: { data: ReportsSectionData }) {
  // Reported units are counted; the units still owing a report are named, since they need a call.
  const owing = data.units.filter((unit) => unit.status === 'missing' || unit.status === 'late');
  const reported = data.units.length - owing.length;
  return (
    <>
      <div style={{ fontSize: 20, marginBottom: 8 }}>
        <span style={{ color: hallColors.ok }}>已报 {reported}/{data.summary.total}</span>
        <span style={{ color: data.summary.missing > 0 ? hallColors.danger : hallColors.muted }}>　未报 {data.summary.missing}</span>
        <span style={{ color: data.summary.late > 0 ? hallColors.warning : hallColors.muted }}>　迟报 {data.summary.late}</span>
        <span style={{ color: hallColors.muted }}>　截止 {time(data.deadline)}</span>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        {owing.map((unit) => (
          <span
            key={unit.unitId}
            style={{ fontSize: 17, padding: '2px 8px', borderRadius: 6, border: `2px solid ${reportStatus[unit.status].color}`, color: reportStatus[unit.status].color }}
            data-report-status={unit.status}
          >
            {unit.unitName.replace('海口市', '')} {reportStatus[unit.status].label}
          </span>
        ))}
      </div>
    </>
  );
}

export function IncidentsPanel({ data }: { data: IncidentsSectionData }) {
  if (data.items.length === 0) return <div style={{ fontSize: 28, color: hallColors.ok, paddingTop: 24 }}>当前无在办突发案事件</div>;
  return (
    <div data-testid="hall-incidents">
      {data.items.slice(0, 6).map((incident) => (
        <div key={incident.id} style={{ borderBottom: `1px solid ${hallColors.border}`, padding: '10px 0' }} data-testid="hall-incident">
          <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', fontSize: 28, fontWeight: 700 }}>
            <span style={{ color: gradeColors[incident.grade], flexShrink: 0 }}>【{incident.gradeLabel}】</span>
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{incident.title}</span>
          </div>
          <div style={{ display: 'flex', gap: 20, flexWrap: 'wrap', fontSize: 20, color: hallColors.muted }}>
            <span>{incident.unitName}</span>
            <span>接报 {time(incident.receivedAt)}</span>
            <span>{incident.statusLabel}</span>
            {incident.lateLabel ? <span style={{ color: hallColors.danger }}>{incident.lateLabel}</span> : null}
            {incident.nextDeadline ? (
              <span>
                {incident.nextDeadline.label} {time(incident.nextDeadline.due)} <Countdown due={incident.nextDeadline.due} fontSize={24} darkTheme />
              </span>
            ) : null}
          </div>
          {incident.missingElements.length > 0 ? <div style={{ fontSize: 18, color: hallColors.warning }}>尚缺：{incident.missingElements.join('、')}</div> : null}
        </div>
      ))}
    </div>
  );
}

export function DocumentsPanel({ data }: { data: DocumentsSectionData }) {
  if (data.items.length === 0) return <div style={{ fontSize: 22, color: hallColors.ok }}>无待签收文电</div>;
  return (
    <div style={{ fontSize: 20 }}>
      {data.items.map((item) => (
        <div key={item.id} style={{ display: 'flex', gap: 10, lineHeight: 1.7 }}>
          {item.urgent ? <span style={{ color: hallColors.danger }}>急</span> : null}
          <span style={{ color: hallColors.muted, flexShrink: 0 }}>{item.unitName.replace('海口市', '')}</span>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{item.title}</span>
          <span style={{ color: hallColors.warning, flexShrink: 0 }}>{Math.floor(item.minutesWaiting / 60)}时{item.minutesWaiting % 60}分</span>
        </div>
      ))}
    </div>
  );
}

export function PatrolsPanel({ data }: { data: PatrolsSectionData }) {
  if (data.items.length === 0) return <div style={{ fontSize: 22, color: hallColors.ok }}>无待整改问题</div>;
  return (
    <div style={{ fontSize: 20 }}>
      {data.items.map((item) => (
        <div key={item.id} style={{ display: 'flex', gap: 10, lineHeight: 1.7 }}>
          <span style={{ color: item.overdue ? hallColors.danger : hallColors.muted, flexShrink: 0 }}>{item.overdue ? '超期' : '整改中'}</span>
          <span style={{ color: hallColors.muted, flexShrink: 0 }}>{item.unitName.replace('海口市', '')}</span>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{item.description}</span>
        </div>
      ))}
    </div>
  );
}

export function DeadlinesPanel({ data }: { data: DeadlinesSectionData }) {
  const { open, next } = data.rollCall;
  let rollCallText = '近期无视频点名时段';
  if (open) rollCallText = `视频点名时段进行中 ${open.startTime}—${open.endTime}`;
  else if (next) rollCallText = `下一视频点名时段 ${next.date.slice(5)} ${next.startTime}—${next.endTime}`;
  return (
    <div style={{ fontSize: 20 }}>
      <div style={{ fontSize: 22, marginBottom: 6, color: open ? hallColors.warning : hallColors.text }}>{rollCallText}</div>
      {data.items.length === 0 ? <div style={{ color: hallColors.ok }}>无临近时限</div> : null}
      {data.items.map((item) => (
        <div key={`${item.kind}-${item.incidentId}`} style={{ display: 'flex', gap: 10, lineHeight: 1.7 }}>
          <span style={{ flexShrink: 0 }}>{time(item.at)}</span>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flex: 1 }}>{item.label}</span>
          <Countdown due={item.at} fontSize={20} darkTheme />
        </div>
      ))}
    </div>
  );
}
