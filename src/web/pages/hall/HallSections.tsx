/** The panels of the command hall screen, one per section of the overview. */
import type { ReactNode } from 'react';
import type { DeadlinesSectionData, DocumentsSectionData, DutySectionData, HallSection, IncidentsSectionData, PatrolsSectionData, ReportsSectionData } from '../../api/hall';
import { Countdown } from '../../components/live/Countdown';
import { FitList } from './FitList';
import { hallColors, hallSize, panelStyle, panelTitleStyle } from './hall-theme';
import { formatClock } from '../../app/time';

const gradeColors = { general: hallColors.accent, larger: hallColors.warning, major: '#ff9c6e', especially_major: hallColors.danger } as const;
const reportStatus = {
  reported: { label: '已报', color: hallColors.ok },
  zero: { label: '零报告', color: hallColors.ok },
  late: { label: '迟报', color: hallColors.warning },
  missing: { label: '未报', color: hallColors.danger },
} as const;

function time(value: string): string {
  return formatClock(value);
}

export function Panel({ title, extra, children, area, testId }: { title: string; extra?: ReactNode; children: ReactNode; area: string; testId?: string }) {
  return (
    <section style={{ ...panelStyle, gridArea: area, display: 'flex', flexDirection: 'column' }} data-testid={testId}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 12 }}>
        <div style={{ ...panelTitleStyle, whiteSpace: 'nowrap' }}>{title}</div>
        <div style={{ fontSize: hallSize(20), color: hallColors.muted, whiteSpace: 'nowrap' }}>{extra}</div>
      </div>
      <div style={{ flex: 1, minHeight: 0, overflow: 'hidden', display: 'flex', flexDirection: 'column' }} data-hall-body>
        {children}
      </div>
    </section>
  );
}

export function SectionError({ section }: { section: HallSection }) {
  return <div style={{ color: hallColors.warning, fontSize: hallSize(20) }}>{section.error}</div>;
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div style={{ display: 'flex', gap: hallSize(16), fontSize: hallSize(26), lineHeight: 1.4, flexShrink: 0 }}>
      <span style={{ color: hallColors.muted, width: hallSize(140), flexShrink: 0 }}>{label}</span>
      <span style={{ fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{value}</span>
    </div>
  );
}

/** The list area below a panel's fixed lines, which takes the remaining height. */
const fillStyle = { flex: 1, minHeight: 0 } as const;
const lineStyle = { display: 'flex', gap: hallSize(10), lineHeight: 1.6, flexShrink: 0, minWidth: 0 } as const;
const ellipsisStyle = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

export function DutyPanel({ data }: { data: DutySectionData }) {
  const officers = data.officers.map((officer) => officer.name).join('、') || '未排班';
  return (
    <>
      <Row label="值班指挥长" value={data.commander?.name ?? '未排班'} />
      <Row label="值班长" value={data.shiftLeader?.name ?? '未排班'} />
      <Row label="值班员" value={<span title={officers}>{officers}</span>} />
      {data.awaitingHandover ? (
        <div style={{ ...lineStyle, color: hallColors.warning }} data-testid="hall-awaiting-handover">
          待交接：仍由{data.responsible.date}班（值班长{data.responsible.shiftLeader?.name ?? '未排班'}）负责
        </div>
      ) : null}
      <Row label="在岗" value={data.onPost.length > 0 ? data.onPost.map((person) => `${person.postLabel}${person.name}`).join('、') : '尚无人签到'} />
      {data.seats.length > 0 ? (
        <div style={{ ...fillStyle, marginTop: hallSize(6) }}>
          <FitList
            layout="wrap"
            style={{ fontSize: hallSize(17), color: hallColors.text, columnGap: hallSize(16), rowGap: 2 }}
            moreLabel={(hidden) => `+${hidden} 个席位`}
            testId="hall-seats"
            items={data.seats.map((seat) => (
              <div key={seat.seatName} style={{ whiteSpace: 'nowrap' }} data-testid="hall-seat">
                <span style={{ color: hallColors.muted }}>{seat.seatName}：</span>
                {seat.people.join('、') || '—'}
                {seat.onSeat ? <span style={{ color: hallColors.ok }}> 在席</span> : null}
              </div>
            ))}
          />
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
      <div style={{ fontSize: hallSize(20), marginBottom: hallSize(8), flexShrink: 0 }}>
        <span style={{ color: hallColors.ok }}>已报 {reported}/{data.summary.total}</span>
        <span style={{ color: data.summary.missing > 0 ? hallColors.danger : hallColors.muted }}>　未报 {data.summary.missing}</span>
        <span style={{ color: data.summary.late > 0 ? hallColors.warning : hallColors.muted }}>　迟报 {data.summary.late}</span>
        <span style={{ color: hallColors.muted }}>　截止 {time(data.deadline)}</span>
      </div>
      <div style={fillStyle}>
        <FitList
          layout="wrap"
          moreLabel={(hidden) => `+${hidden} 个单位`}
          moreStyle={{ fontSize: hallSize(17), padding: '2px 4px' }}
          testId="hall-report-units"
          items={owing.map((unit) => (
            <span
              key={unit.unitId}
              style={{ display: 'inline-block', fontSize: hallSize(17), padding: '2px 8px', borderRadius: 6, border: `2px solid ${reportStatus[unit.status].color}`, color: reportStatus[unit.status].color, whiteSpace: 'nowrap' }}
              data-report-status={unit.status}
            >
              {unit.unitName.replace('海口市', '')} {reportStatus[unit.status].label}
            </span>
          ))}
        />
      </div>
    </>
  );
}

export function IncidentsPanel({ data }: { data: IncidentsSectionData }) {
  if (data.items.length === 0) return <div style={{ fontSize: hallSize(28), color: hallColors.ok, paddingTop: hallSize(24) }}>当前无在办突发案事件</div>;
  return (
    <div style={fillStyle} data-testid="hall-incidents">
      <FitList
        moreLabel={(hidden) => `+${hidden} 起事件`}
        moreStyle={{ fontSize: hallSize(20), paddingTop: hallSize(6) }}
        items={data.items.map((incident) => (
          <div key={incident.id} style={{ borderBottom: `1px solid ${hallColors.border}`, padding: `${hallSize(8)} 0`, flexShrink: 0 }} data-testid="hall-incident">
            <div style={{ display: 'flex', gap: hallSize(12), alignItems: 'baseline', fontSize: hallSize(28), fontWeight: 700 }}>
              <span style={{ color: gradeColors[incident.grade], flexShrink: 0 }}>【{incident.gradeLabel}】</span>
              <span style={ellipsisStyle}>{incident.title}</span>
            </div>
            <div style={{ display: 'flex', columnGap: hallSize(20), flexWrap: 'wrap', fontSize: hallSize(20), color: hallColors.muted }}>
              <span>{incident.unitName}</span>
              <span>接报 {time(incident.receivedAt)}</span>
              <span>{incident.statusLabel}</span>
              {incident.lateLabel ? <span style={{ color: hallColors.danger }}>{incident.lateLabel}</span> : null}
              {incident.nextDeadline ? (
                <span>
                  {incident.nextDeadline.label} {time(incident.nextDeadline.due)} <span style={{ fontSize: hallSize(24) }}><Countdown due={incident.nextDeadline.due} darkTheme /></span>
                </span>
              ) : null}
            </div>
            {incident.missingElements.length > 0 ? <div style={{ fontSize: hallSize(18), color: hallColors.warning, ...ellipsisStyle }}>尚缺：{incident.missingElements.join('、')}</div> : null}
          </div>
        ))}
      />
    </div>
  );
}

export function DocumentsPanel({ data }: { data: DocumentsSectionData }) {
  if (data.items.length === 0) return <div style={{ fontSize: hallSize(22), color: hallColors.ok }}>无待签收文电</div>;
  return (
    <div style={{ ...fillStyle, fontSize: hallSize(20) }}>
      <FitList
        moreLabel={(hidden) => `+${hidden} 件文电`}
        items={data.items.map((item) => (
          <div key={item.id} style={lineStyle}>
            {item.urgent ? <span style={{ color: hallColors.danger, flexShrink: 0 }}>急</span> : null}
            <span style={{ color: hallColors.muted, flexShrink: 0 }}>{item.unitName.replace('海口市', '')}</span>
            <span style={{ ...ellipsisStyle, flex: 1 }}>{item.title}</span>
            <span style={{ color: hallColors.warning, flexShrink: 0 }}>{Math.floor(item.minutesWaiting / 60)}时{item.minutesWaiting % 60}分</span>
          </div>
        ))}
      />
    </div>
  );
}

export function PatrolsPanel({ data }: { data: PatrolsSectionData }) {
  if (data.items.length === 0) return <div style={{ fontSize: hallSize(22), color: hallColors.ok }}>无待整改问题</div>;
  return (
    <div style={{ ...fillStyle, fontSize: hallSize(20) }}>
      <FitList
        moreLabel={(hidden) => `+${hidden} 个问题`}
        testId="hall-patrol-items"
        items={data.items.map((item) => (
          <div key={item.id} style={lineStyle}>
            <span style={{ color: item.overdue ? hallColors.danger : hallColors.muted, flexShrink: 0 }}>{item.overdue ? '超期' : '整改中'}</span>
            <span style={{ color: hallColors.muted, flexShrink: 0 }}>{item.unitName.replace('海口市', '')}</span>
            <span style={ellipsisStyle}>{item.description}</span>
          </div>
        ))}
      />
    </div>
  );
}

export function DeadlinesPanel({ data }: { data: DeadlinesSectionData }) {
  const { open, next } = data.rollCall;
  let rollCallText = '近期无视频点名时段';
  if (open) rollCallText = `视频点名时段进行中 ${open.startTime}—${open.endTime}`;
  else if (next) rollCallText = `下一视频点名时段 ${next.date.slice(5)} ${next.startTime}—${next.endTime}`;
  return (
    <>
      <div style={{ fontSize: hallSize(22), marginBottom: hallSize(6), color: open ? hallColors.warning : hallColors.text, flexShrink: 0 }}>{rollCallText}</div>
      {data.items.length === 0 ? <div style={{ color: hallColors.ok, fontSize: hallSize(20) }}>无临近时限</div> : null}
      <div style={{ ...fillStyle, fontSize: hallSize(20) }}>
        <FitList
          moreLabel={(hidden) => `+${hidden} 项时限`}
          items={data.items.map((item) => (
            <div key={`${item.kind}-${item.incidentId}`} style={{ ...lineStyle, alignItems: 'baseline' }}>
              <span style={{ flexShrink: 0 }}>{time(item.at)}</span>
              <span style={{ ...ellipsisStyle, flex: 1 }}>{item.label}</span>
              <span style={{ flexShrink: 0 }}><Countdown due={item.at} darkTheme /></span>
            </div>
          ))}
        />
      </div>
    </>
  );
}
