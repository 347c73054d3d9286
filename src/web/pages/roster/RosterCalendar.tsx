import { Tag, Tooltip, Typography } from 'antd';
import { dayTypeColors, dayTypeLabels } from '../../api/calendar';
import type { RosterDay } from '../../api/roster';
import { mondayIndex, weekdayLabels } from './month';

interface Props {
  days: RosterDay[];
  /** Called when a day is clicked; omitted when days cannot be edited. */
  onSelect?: (day: RosterDay) => void;
}

/** Renders the month as a Monday-first grid, each day coloured and named by its day type. */
export function RosterCalendar({ days, onSelect }: Props) {
  const leading = days.length > 0 ? mondayIndex(days[0]!.date) : 0;
  const cells: (RosterDay | null)[] = [...Array<null>(leading).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }} data-testid="roster-calendar">
      {weekdayLabels.map((label) => (
        <div key={label} style={{ textAlign: 'center', fontWeight: 600, padding: 4 }}>
          周{label}
        </div>
      ))}
      {cells.map((day, index) => (day ? <DayCell key={day.date} day={day} onSelect={onSelect} /> : <div key={`empty-${index}`} />))}
    </div>
  );
}

function DayCell({ day, onSelect }: { day: RosterDay; onSelect?: (day: RosterDay) => void }) {
  const color = dayTypeColors[day.dayType];
  const label = day.name ? `${dayTypeLabels[day.dayType]}·${day.name}` : dayTypeLabels[day.dayType];
  const shortOfficers = day.officers.length < day.officersNeeded;
  const borderColor = day.flags.includes('leave_conflict') || shortOfficers || !day.commander || !day.shiftLeader ? '#ff4d4f' : '#f0f0f0';

  return (
    <div
      role={onSelect ? 'button' : undefined}
      tabIndex={onSelect ? 0 : undefined}
      onClick={onSelect ? () => onSelect(day) : undefined}
      onKeyDown={onSelect ? (event) => event.key === 'Enter' && onSelect(day) : undefined}
      style={{ background: color.background, border: `1px solid ${borderColor}`, borderRadius: 6, padding: 6, minHeight: 112, cursor: onSelect ? 'pointer' : 'default' }}
      data-date={day.date}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 4 }}>
        <Typography.Text strong style={{ color: day.dayType === 'holiday' ? '#cf1322' : undefined }}>
          {Number(day.date.slice(8))}
        </Typography.Text>
        {day.dayType !== 'workday' ? (
          <Tag color={color.tag} style={{ marginInlineEnd: 0, fontSize: 11 }}>
            {label}
          </Tag>
        ) : null}
      </div>
      <div style={{ fontSize: 12, lineHeight: 1.6, marginTop: 4 }}>
        <div>指挥长：{day.commander?.name ?? <Typography.Text type="danger">缺</Typography.Text>}</div>
        <div>值班长：{day.shiftLeader?.name ?? <Typography.Text type="danger">缺</Typography.Text>}</div>
        <div>
          值班员：{day.officers.map((officer) => officer.name).join('、') || <Typography.Text type="danger">缺</Typography.Text>}
          {shortOfficers && day.officers.length > 0 ? <Typography.Text type="danger">（缺{day.officersNeeded - day.officers.length}）</Typography.Text> : null}
        </div>
      </div>
      <div style={{ marginTop: 2 }}>
        {day.flags.includes('changed') ? <Tag color="cyan" style={{ fontSize: 11 }}>已换班/替班</Tag> : null}
        {day.flags.includes('leave_conflict') ? (
          <Tooltip title="值班人员已获准请假，请安排替班">
            <Tag color="error" style={{ fontSize: 11 }}>请假待替班</Tag>
          </Tooltip>
        ) : null}
      </div>
    </div>
  );
}
