/** The center's board of the day's daily reports: live via events, and refetched every 15 s. */
import { App, Button, Card, DatePicker, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useRemindMissing, useStatusBoard } from '../../api/reports';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { useLiveEvents } from '../../components/live/live-events';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/states';
import { clockOf, DAILY_STATUS_COLORS, DAILY_STATUS_LABELS, localToday } from './report-labels';
import { ReportSettingsCard } from './ReportSettingsCard';
import { ViolationsCard } from './ViolationsCard';
import { formatDateTimeSeconds } from '../../app/time';

export default function StatusBoardPage() {
  const user = useCurrentUser();
  const [date, setDate] = useState(localToday());
  const board = useStatusBoard(date);
  const remind = useRemindMissing();
  const client = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();

  useLiveEvents((event) => {
    if (event.type.startsWith('report.')) void client.invalidateQueries({ queryKey: ['daily-reports', 'status'] });
  });

  async function handleRemind() {
    try {
      const result = await remind.mutateAsync(date);
      void message.success(`已催报 ${result.reminder.unitIds.length} 个未报送单位。`);
    } catch (error) {
      showError(error);
    }
  }

  const data = board.data;
  return (
    <div>
      <PageHeader
        title="零报告报送情况"
        description="统计范围：除局指挥中心外的全部启用单位。截止时间当刻报送为按时，晚于截止时间为迟报。"
        extra={
          <Space>
            <DatePicker allowClear={false} value={dayjs(date)} onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))} />
            <Button type="primary" danger disabled={!data || data.summary.missing === 0} loading={remind.isPending} onClick={() => void handleRemind()} data-testid="remind-missing">
              一键催报
            </Button>
          </Space>
        }
      />
      {board.isLoading ? (
        <LoadingState />
      ) : board.isError || !data ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <>
          <Space size="large" wrap style={{ marginBottom: 16 }}>
            <Card size="small"><Statistic title="应报单位" value={data.summary.total} /></Card>
            <Card size="small"><Statistic title="已报送" value={data.summary.submitted} valueStyle={{ color: '#389e0d' }} /></Card>
            <Card size="small"><Statistic title="未报送" value={data.summary.missing} valueStyle={{ color: '#cf1322' }} /></Card>
            <Card size="small"><Statistic title="迟报" value={data.summary.late} valueStyle={{ color: '#d46b08' }} /></Card>
            <Card size="small"><Statistic title="单位截止" value={clockOf(data.deadline)} /></Card>
            <Card size="small"><Statistic title="汇总 / 报省厅" value={`${clockOf(data.collectionDeadline)} / ${clockOf(data.provinceDeadline)}`} /></Card>
          </Space>
          <Table
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={data.units}
            columns={[
              { title: '单位', dataIndex: 'unitName' },
              { title: '状态', dataIndex: 'status', render: (status: keyof typeof DAILY_STATUS_LABELS) => <Tag color={DAILY_STATUS_COLORS[status]}>{DAILY_STATUS_LABELS[status]}</Tag>, filters: Object.entries(DAILY_STATUS_LABELS).map(([value, text]) => ({ value, text })), onFilter: (value, row) => row.status === value },
              { title: '报送时间', dataIndex: 'submittedAt', render: (value: string | null) => formatDateTimeSeconds(value) },
            ]}
          />
          {data.reminders.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              催报记录：{data.reminders.map((reminder) => `${clockOf(reminder.remindedAt)} ${reminder.remindedBy} 催报 ${reminder.unitIds.length} 个单位`).join('；')}
            </Typography.Paragraph>
          )}
        </>
      )}
      <ViolationsCard today={localToday()} />
      {hasAnyRole(user, ['sys_admin']) && <ReportSettingsCard />}
    </div>
  );
}
