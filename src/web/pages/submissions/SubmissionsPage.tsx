import { Alert, App, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { dutyRoleLabels } from '../../../shared/roles';
import {
  submissionStatusColors,
  submissionStatusLabels,
  useRemindUnit,
  useSubmissionOverview,
  type SubmissionEntry,
  type UnitSubmission,
} from '../../api/submissions';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { ErrorState, LoadingState } from '../../components/states';
import { SubmissionFormModal } from './SubmissionFormModal';
import { centerMonth } from '../../app/time';

/** Roles that remind units (催报); the server enforces the same list. */
const reminderRoles = ['sys_admin', 'duty_commander', 'shift_leader', 'duty_officer'] as const;

function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

function entryText(entry: SubmissionEntry): string {
  const label = entry.role === 'seat_standby' ? `${entry.seatName ?? ''}席备勤` : dutyRoleLabels[entry.role];
  return `${label}：${entry.people.map((person) => person.name).join('、')}`;
}

/** 月度人员报送: who has submitted next month's duty and seat standby staff, who is late or missing, and 催报. */
export default function SubmissionsPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const [month, setMonth] = useState(() => shiftMonth(centerMonth(), 1));
  const [editing, setEditing] = useState<UnitSubmission | null>(null);
  const overview = useSubmissionOverview(month);
  const remind = useRemindUnit();

  const mayRemind = hasAnyRole(user, reminderRoles);
  const maySubmitFor = (unit: UnitSubmission) => unit.unitId === user.unitId || user.roles.includes('sys_admin');

  function handleRemind(unit: UnitSubmission) {
    remind.mutate(
      { month, unitId: unit.unitId },
      { onSuccess: () => void message.success(`已催报${unit.unitName}`), onError: (error) => showError(error) },
    );
  }

  const data = overview.data;
  return (
    <>
      <PageHeader
        title="月度人员报送"
        description="人事警务科和各席位责任部门于每月截止时间前报送次月参加指挥中心值班人员和席位备勤人员。"
        extra={
          <Space>
            <Button onClick={() => setMonth(shiftMonth(month, -1))}>上一月</Button>
            <Typography.Text strong data-testid="submission-month">{monthTitle(month)}</Typography.Text>
            <Button onClick={() => setMonth(shiftMonth(month, 1))}>下一月</Button>
          </Space>
        }
      />
      {overview.isLoading ? <LoadingState /> : null}
      {overview.error ? <ErrorState error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {data ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small">
            <Flex gap={16} wrap align="center">
              <span>报送截止：<Typography.Text strong>{formatInstant(data.deadline).slice(0, 16)}</Typography.Text></span>
              <Tag color="success">已报送 {data.summary.submitted}</Tag>
              <Tag color="warning">逾期报送 {data.summary.late}</Tag>
              <Tag color="error">未报送 {data.summary.missing}</Tag>
              <Tag>待报送 {data.summary.pending}</Tag>
              <span>共 {data.summary.total} 个报送单位</span>
            </Flex>
          </Card>
          {data.units.length === 0 ? <Alert type="info" showIcon title="您所在单位不需要报送值班人员或席位备勤人员。" /> : null}
          <Table<UnitSubmission>
            rowKey="unitId"
            dataSource={data.units}
            pagination={false}
            columns={[
              {
                title: '报送单位',
                dataIndex: 'unitName',
                width: 200,
                render: (_value, unit) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{unit.unitName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[unit.submitsDutyStaff ? '值班人员' : null, ...unit.seats.map((seat) => `${seat.name}席备勤`)].filter(Boolean).join('、')}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: '状态', dataIndex: 'status', width: 100, render: (_value, unit) => <Tag color={submissionStatusColors[unit.status]}>{submissionStatusLabels[unit.status]}</Tag> },
              {
                title: '报送时间',
                width: 180,
                render: (_value, unit) =>
                  unit.firstSubmittedAt ? (
                    <Space orientation="vertical" size={0}>
                      <span>{formatInstant(unit.firstSubmittedAt).slice(0, 16)}</span>
                      {unit.revision > 1 ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>最后修改 {formatInstant(unit.submittedAt).slice(0, 16)}</Typography.Text> : null}
                    </Space>
                  ) : (
                    '—'
                  ),
              },
              { title: '报送人', dataIndex: 'submittedByName', width: 100, render: (value: string | null) => value ?? '—' },
              {
                title: '报送人员',
                render: (_value, unit) =>
                  unit.entries.length === 0 ? (
                    '—'
                  ) : (
                    <Space orientation="vertical" size={0}>
                      {unit.entries.map((entry) => (
                        <span key={`${entry.role}-${entry.seatId ?? ''}`}>{entryText(entry)}</span>
                      ))}
                      {unit.note ? <Typography.Text type="secondary">备注：{unit.note}</Typography.Text> : null}
                    </Space>
                  ),
              },
              {
                title: '催报记录',
                width: 200,
                render: (_value, unit) =>
                  unit.reminders.length === 0 ? '—' : (
                    <Space orientation="vertical" size={0}>
                      {unit.reminders.map((reminder) => (
                        <Typography.Text key={reminder.at} style={{ fontSize: 12 }}>
                          {formatInstant(reminder.at).slice(5, 16)} {reminder.byName}
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
              },
              {
                title: '操作',
                width: 150,
                render: (_value, unit) => (
                  <Space>
                    {maySubmitFor(unit) ? (
                      <Button size="small" type="primary" onClick={() => setEditing(unit)}>
                        {unit.firstSubmittedAt ? '修改' : '报送'}
                      </Button>
                    ) : null}
                    {mayRemind && !unit.firstSubmittedAt ? (
                      <Button size="small" danger onClick={() => handleRemind(unit)} loading={remind.isPending && remind.variables?.unitId === unit.unitId}>
                        催报
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      ) : null}
      {editing ? <SubmissionFormModal month={month} unit={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
