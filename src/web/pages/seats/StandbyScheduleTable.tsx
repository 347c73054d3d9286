import { App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useFillStandby, useStandbySchedule, useUpdateStandby } from '../../api/seats';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { ErrorState } from '../../components/states';
import { centerMonth } from '../../app/time';

const standbyManagerRoles = ['sys_admin', 'duty_commander', 'shift_leader', 'duty_officer'] as const;

function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function datesOf(month: string): string[] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: days }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`);
}

/** 席位备勤安排: one row per date, one column per standby seat. */
export function StandbyScheduleTable() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const [month, setMonth] = useState(centerMonth);
  const schedule = useStandbySchedule(month);
  const fill = useFillStandby();
  const update = useUpdateStandby();
  const mayFill = hasAnyRole(user, standbyManagerRoles);

  function handleFill() {
    fill.mutate(month, {
      onSuccess: (result) => void message.success(`已按月度报送安排 ${(result as { filled: number }).filled} 天次备勤`),
      onError: (error) => showError(error),
    });
  }

  function handleChange(seatId: string, date: string, personId: string | null) {
    update.mutate({ month, entries: [{ seatId, date, personId }] }, { onSuccess: () => void message.success(`已修改 ${date} 备勤人员`), onError: (error) => showError(error) });
  }

  if (schedule.error) return <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />;
  const seats = schedule.data?.seats ?? [];
  const assignments = schedule.data?.assignments ?? [];
  const rows = datesOf(month).map((date) => ({ date, bySeat: new Map(assignments.filter((item) => item.date === date).map((item) => [item.seatId, item])) }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => setMonth(shiftMonth(month, -1))}>上一月</Button>
        <Typography.Text strong>{`${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`}</Typography.Text>
        <Button onClick={() => setMonth(shiftMonth(month, 1))}>下一月</Button>
        {mayFill ? (
          <Button onClick={handleFill} loading={fill.isPending}>
            按月度报送补排空缺日期
          </Button>
        ) : null}
        <Typography.Text type="secondary">标“报送”的日期由各单位月度报送的备勤人员轮流生成。</Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey="date"
        loading={schedule.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content', y: 520 }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110, fixed: 'left' },
          ...seats.map((seat) => ({
            title: seat.name,
            key: seat.id,
            width: 130,
            render: (_value: unknown, row: (typeof rows)[number]) => {
              const item = row.bySeat.get(seat.id);
              if (schedule.data?.editableSeatIds.includes(seat.id)) {
                return (
                  <Select
                    size="small"
                    style={{ width: 110 }}
                    allowClear
                    placeholder="未安排"
                    value={item?.personId}
                    aria-label={`${row.date} ${seat.name}备勤人员`}
                    options={(schedule.data.candidates[seat.id] ?? []).map((person) => ({ value: person.personId, label: person.name }))}
                    onChange={(value: string | undefined) => handleChange(seat.id, row.date, value ?? null)}
                  />
                );
              }
              if (!item) return <Typography.Text type="secondary">未安排</Typography.Text>;
              return (
                <Space size={4}>
                  {item.name}
                  {item.source === 'submission' ? <Tag color="cyan">报送</Tag> : null}
                </Space>
              );
            },
          })),
        ]}
      />
    </Space>
  );
}
