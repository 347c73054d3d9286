import { App, Alert, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCalendarDays } from '../../api/calendar';
import { dutyPostLabels, useGenerateRoster, usePublishRoster, useRoster, useRosterChanges, type RosterDay } from '../../api/roster';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/feedback';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { DayEditDrawer } from './DayEditDrawer';
import { rosterManagerRoles, shiftMonth } from './month';
import { RosterCalendar } from './RosterCalendar';
import { RosterReports } from './RosterReports';
import { RosterOutputsBar } from '../roster-outputs/RosterOutputsBar';
import { RosterSettingsModal } from './RosterSettingsModal';
import { centerMonth, formatDateTime } from '../../app/time';

const changeKindLabels: Record<string, string> = {
  generate: '生成',
  regenerate: '重新生成',
  adjust: '草稿调整',
  publish: '发布',
  swap: '换班',
  substitution: '替班',
};

function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()).padStart(2, '0')}`;
}

function currentMonth(): string {
  return centerMonth();
}

export default function RosterPage() {
  const user = useCurrentUser();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const [month, setMonth] = useState(currentMonth);
  const [editing, setEditing] = useState<RosterDay | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const roster = useRoster(month);
  const calendar = useCalendarDays(`${month}-01`, lastDayOf(month));
  const changes = useRosterChanges(month);
  const generate = useGenerateRoster();
  const publish = usePublishRoster();

  const isManager = hasAnyRole(user, rosterManagerRoles);
  const maySetRules = hasAnyRole(user, ['sys_admin', 'duty_commander']);
  const data = roster.data ?? null;
  const unofficial = calendar.data ? calendar.data.days.some((day) => !day.official) : false;

  function runGenerate(confirmRegenerate: boolean) {
    generate.mutate(
      { month, confirmRegenerate },
      {
        onSuccess: () => void message.success(`已生成 ${month} 排班草稿，请核对均衡报告和空缺报告`),
        onError: (error) => showError(error),
      },
    );
  }

  function handleGenerate() {
    const notes: string[] = [];
    if (unofficial) notes.push(`${month.slice(0, 4)} 年尚未载入国务院节假日安排，日期类型按周一至周五为工作日推算，节假日可能不准确。请系统管理员先在“值班日历”中录入当年的节假日调整。`);
    if (data?.status === 'published') notes.push('本月排班已发布。重新生成只改今天以后的值班日，已过去和今天的值班不变，变更将记入变更记录。');
    if (notes.length === 0) {
      runGenerate(false);
      return;
    }
    modal.confirm({
      title: data?.status === 'published' ? '确认重新生成已发布的排班？' : '确认生成排班？',
      content: notes.map((note) => <p key={note}>{note}</p>),
      okText: '确认生成',
      cancelText: '取消',
      onOk: () => runGenerate(data?.status === 'published'),
    });
  }

  function handlePublish() {
    modal.confirm({
      title: `发布 ${month} 排班？`,
      content: '发布后只能通过换班、替班调整，所有人员将看到本月值班表。',
      okText: '发布',
      cancelText: '取消',
      onOk: () =>
        publish.mutateAsync(month).then(
          () => void message.success(`${month} 排班已发布`),
          (error: unknown) => showError(error),
        ),
    });
  }

  const actions = (
    <>
      <Button onClick={() => setMonth(shiftMonth(month, -1))}>上个月</Button>
      <Button onClick={() => setMonth(currentMonth())}>本月</Button>
      <Button onClick={() => setMonth(shiftMonth(month, 1))}>下个月</Button>
      <Link to="/roster/requests"><Button>换班、替班与请假</Button></Link>
      {maySetRules ? <Button onClick={() => setSettingsOpen(true)}>排班设置</Button> : null}
      {isManager ? (
        <Button onClick={handleGenerate} loading={generate.isPending}>
          {data ? '重新生成' : '生成排班'}
        </Button>
      ) : null}
      {isManager && data?.status === 'draft' ? (
        <Button type="primary" onClick={handlePublish} loading={publish.isPending}>
          发布
        </Button>
      ) : null}
      {data ? <RosterOutputsBar month={month} /> : null}
    </>
  );

  return (
    <>
      <PageHeader
        title={`值班表 ${month}`}
        description={
          data ? (
            <Space>
              {data.status === 'published' ? <Tag color="green">已发布</Tag> : <Tag color="gold">草稿</Tag>}
              {data.publishedAt ? `${data.publishedBy ?? ''} 于 ${formatDateTime(data.publishedAt)} 发布` : '草稿可点击日期调整人员'}
            </Space>
          ) : '本月尚未生成排班'
        }
        extra={actions}
      />
      {unofficial ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${month.slice(0, 4)} 年未载入国务院节假日安排（official:false），日期类型按周末规则推算，生成排班前请先核对节假日。`}
        />
      ) : null}
      {roster.isPending ? <LoadingState /> : null}
      {roster.isError ? <ErrorState error={roster.error} onRetry={() => void roster.refetch()} /> : null}
      {roster.isSuccess && data === null ? (
        <EmptyState description={isManager ? '本月尚未生成排班，点击“生成排班”生成草稿。' : '本月尚未生成排班，请等待排班人员发布。'} />
      ) : null}
      {data ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <RosterCalendar days={data.days} onSelect={isManager && data.status === 'draft' ? setEditing : undefined} />
          </Card>
          <Card>
            <Tabs
              items={[
                { key: 'reports', label: '均衡与空缺', children: <RosterReports roster={data} /> },
                {
                  key: 'changes',
                  label: '变更记录',
                  children: (
                    <Table
                      size="small"
                      rowKey="id"
                      loading={changes.isPending}
                      dataSource={changes.data?.changes ?? []}
                      locale={{ emptyText: '暂无变更' }}
                      columns={[
                        { title: '时间', dataIndex: 'at', render: (value: string) => formatDateTime(value) },
                        { title: '类型', dataIndex: 'kind', render: (value: string) => changeKindLabels[value] ?? value },
                        { title: '值班日', dataIndex: 'date' },
                        { title: '岗位', dataIndex: 'role', render: (value: keyof typeof dutyPostLabels | null) => (value ? dutyPostLabels[value] : '') },
                        { title: '原计划', dataIndex: 'fromPerson' },
                        { title: '变更为', dataIndex: 'toPerson' },
                        { title: '操作人', dataIndex: 'actorName' },
                        { title: '审批人', dataIndex: 'approvedBy' },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </Card>
          <Typography.Text type="secondary">红色为法定节假日，绿色为周六周日，蓝色为调休上班日，橙色为重要敏感时期；红框表示空缺或请假冲突。</Typography.Text>
        </Space>
      ) : null}
      {settingsOpen ? <RosterSettingsModal onClose={() => setSettingsOpen(false)} /> : null}
      {editing && data ? <DayEditDrawer month={month} day={data.days.find((day) => day.date === editing.date) ?? editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
