/** 突发案事件 list: open incidents first, with their next deadline counting down. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth';
import { gradeColors, useIncidents, type Incident } from '../../api/incidents';
import { PageHeader } from '../../components/PageHeader';
import { Countdown } from '../../components/live/Countdown';
import { formatDateTime } from '../../app/time';
import { ErrorState } from '../../components/states';
import { IncidentIntakeDrawer } from './IncidentIntakeDrawer';

const reporterRoles = ['duty_officer', 'shift_leader', 'duty_commander', 'unit_liaison'];

function nextDeadline(incident: Incident) {
  return incident.deadlines.filter((deadline) => !deadline.doneAt).sort((a, b) => a.due.localeCompare(b.due))[0] ?? null;
}

const columns: ColumnsType<Incident> = [
  { title: '编号', dataIndex: 'serialNumber', width: 100 },
  {
    title: '标题',
    dataIndex: 'title',
    ellipsis: true,
    render: (title: string, incident) => (
      <Link to={`/incidents/${incident.id}`} data-testid="incident-link">
        {title}
      </Link>
    ),
  },
  { title: '报送单位', dataIndex: 'unitName', width: 150, ellipsis: true },
  { title: '等级', dataIndex: 'gradeLabel', width: 90, render: (label: string, incident) => <Tag color={gradeColors[incident.grade]}>{label}</Tag> },
  { title: '阶段', dataIndex: 'statusLabel', width: 100, render: (label: string, incident) => <Tag color={incident.status === 'archived' ? 'default' : 'processing'}>{label}</Tag> },
  {
    title: '接报时间',
    dataIndex: 'receivedAt',
    width: 190,
    render: (value: string, incident) => (
      <>
        {formatDateTime(value)} {incident.lateLabel ? <Tag color="red">{incident.lateLabel}</Tag> : null}
      </>
    ),
  },
  {
    title: '下一时限',
    key: 'next',
    width: 160,
    render: (_, incident) => {
      const next = nextDeadline(incident);
      if (!next || incident.status === 'archived') return <Typography.Text type="secondary">—</Typography.Text>;
      return (
        <>
          <div>{next.label}</div>
          <Countdown due={next.due} />
        </>
      );
    },
  },
  {
    title: '缺少要素',
    dataIndex: 'missingElements',
    width: 100,
    // A count keeps rows one line high; the tooltip names the missing elements.
    render: (missing: string[]) =>
      missing.length === 0 ? (
        <Tag color="success">齐全</Tag>
      ) : (
        <Tooltip title={`尚缺：${missing.join('、')}`}>
          <Tag color="error" data-testid="incident-missing">缺{missing.length}项</Tag>
        </Tooltip>
      ),
  },
];

export default function IncidentsPage() {
  const user = useCurrentUser();
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const [page, setPage] = useState(1);
  const [intakeOpen, setIntakeOpen] = useState(false);
  const incidents = useIncidents(scope, page);
  const mayReport = user.roles.some((role) => reporterRoles.includes(role));

  return (
    <>
      <PageHeader
        title="突发案事件"
        description="发生（发现）后2小时内报告，特别重大的1小时内报告；电话报告后须书面补报，当天核报。"
        extra={
          mayReport ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntakeOpen(true)} data-testid="incident-intake">
              接报登记
            </Button>
          ) : null
        }
      />
      <Card>
        <Segmented
          style={{ marginBottom: 16 }}
          value={scope}
          onChange={(value) => {
            setScope(value as 'open' | 'all');
            setPage(1);
          }}
          options={[
            { value: 'open', label: '在办' },
            { value: 'all', label: '全部' },
          ]}
        />
        {incidents.isError ? (
          <ErrorState error={incidents.error} onRetry={() => void incidents.refetch()} />
        ) : (
          <Table<Incident>
            rowKey="id"
            columns={columns}
            dataSource={incidents.data?.items ?? []}
            loading={incidents.isPending}
            scroll={{ x: 1080 }}
            locale={{ emptyText: scope === 'open' ? '暂无在办的突发案事件' : '暂无突发案事件记录' }}
            pagination={{ current: page, total: incidents.data?.total ?? 0, pageSize: 20, onChange: setPage, showTotal: (total) => `共 ${total} 起` }}
          />
        )}
      </Card>
      {intakeOpen ? <IncidentIntakeDrawer onClose={() => setIntakeOpen(false)} /> : null}
    </>
  );
}
