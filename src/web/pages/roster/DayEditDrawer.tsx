import { App, Descriptions, Drawer, InputNumber, Select, Space, Typography } from 'antd';
import { dayTypeLabels, dutyLevelLabels } from '../../api/calendar';
import { dutyPostLabels, useAdjustPost, useCandidates, useSetOfficersOnDate, type DutyPost, type RosterDay, type RosterSlot } from '../../api/roster';
import { useShowError } from '../../components/feedback';

interface Props {
  month: string;
  day: RosterDay;
  onClose: () => void;
}

/** Adjusts the posts of one draft day by picking another eligible person. */
export function DayEditDrawer({ month, day, onClose }: Props) {
  const setOfficers = useSetOfficersOnDate();
  const showError = useShowError();
  const { message } = App.useApp();

  function handleOfficersChange(officers: number | null) {
    if (!officers || officers === day.officersNeeded) return;
    setOfficers.mutate(
      { date: day.date, officers },
      { onSuccess: () => void message.success(`${day.date} 值班员人数已设为 ${officers} 人，请补选人员或重新生成`), onError: (error) => showError(error) },
    );
  }

  const posts: { role: DutyPost; slot: number; current: RosterSlot | null }[] = [
    { role: 'commander', slot: 0, current: day.commander },
    { role: 'shiftLeader', slot: 0, current: day.shiftLeader },
    ...Array.from({ length: Math.max(day.officersNeeded, day.officers.length) }, (_, index) => ({
      role: 'officer' as const,
      slot: index,
      current: day.officers[index] ?? null,
    })),
  ];

  return (
    <Drawer open title={`调整 ${day.date} 值班`} size={460} onClose={onClose}>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="日期类型">{day.name ? `${dayTypeLabels[day.dayType]}·${day.name}` : dayTypeLabels[day.dayType]}</Descriptions.Item>
        <Descriptions.Item label="值班等级">{dutyLevelLabels[day.dutyLevel]}</Descriptions.Item>
        <Descriptions.Item label="值班员人数">
          <InputNumber aria-label="值班员人数" min={1} max={50} size="small" value={day.officersNeeded} onChange={handleOfficersChange} disabled={setOfficers.isPending} />
        </Descriptions.Item>
      </Descriptions>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {posts.map((post) => (
          <PostSelect key={`${post.role}-${post.slot}`} month={month} date={day.date} {...post} />
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        候选人为该岗位轮值名单中当天未请假、前后一天无值班、未担任其他岗位的人员，按负担由轻到重排列。
      </Typography.Paragraph>
    </Drawer>
  );
}

function PostSelect({ month, date, role, slot, current }: { month: string; date: string; role: DutyPost; slot: number; current: RosterSlot | null }) {
  const candidates = useCandidates(date, role);
  const adjust = useAdjustPost();
  const showError = useShowError();

  const options = [
    ...(current ? [{ value: current.personId, label: `${current.name}（当前）` }] : []),
    ...(candidates.data?.candidates ?? []).map((candidate) => ({
      value: candidate.personId,
      label: `${candidate.name}（本类 ${candidate.categoryCount} 次，共 ${candidate.totalCount} 次）`,
    })),
  ];

  function handleChange(personId: string) {
    if (personId === current?.personId) return;
    adjust.mutate({ month, date, role, slot, personId }, { onError: (error) => showError(error) });
  }

  const label = role === 'officer' ? `${dutyPostLabels.officer} ${slot + 1}` : dutyPostLabels[role];
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      <Select
        aria-label={label}
        style={{ width: '100%', marginTop: 4 }}
        value={current?.personId}
        placeholder="请选择人员"
        loading={candidates.isPending || adjust.isPending}
        options={options}
        onChange={handleChange}
        notFoundContent="没有符合条件的人员"
      />
    </div>
  );
}
