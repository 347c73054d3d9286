/** 我的值班: what the commander, shift leader or officer must do today, in time order. */
import { Alert, Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { taskStatusColors, taskStatusLabels, useMyDuty } from '../../api/duty-report';
import { PageHeader } from '../../components/PageHeader';
import { formatInstant } from '../../components/labels';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';

export default function MyDutyPage() {
  const duty = useMyDuty();
  if (duty.isLoading) return <LoadingState />;
  if (duty.error) return <ErrorState error={duty.error} onRetry={() => void duty.refetch()} />;
  const data = duty.data!;
  const shift = data.responsible;

  return (
    <>
      <PageHeader title="我的值班" description={`值班日 ${data.date}（08:30 至次日 08:30）`} />
      <Alert
        style={{ marginBottom: 16 }}
        type={shift.awaitingHandover ? 'warning' : 'info'}
        showIcon
        message={shift.awaitingHandover
          ? `当日值班人员尚未确认接班，目前仍由 ${shift.date} 一班负责。`
          : `当前由 ${shift.date} 一班负责：值班长 ${shift.shiftLeader?.name ?? '未排班'}，值班员 ${shift.officers.map((o) => o.name).join('、') || '未排班'}。`}
      />
      {data.posts.length === 0 ? (
        <Card><EmptyState description="您今天不在值班表中（以换班替班后的值班表为准）。" /></Card>
      ) : (
        data.posts.map((post) => (
          <Card key={post.post} size="small" title={`今日岗位：${post.label}`} style={{ marginBottom: 16 }}>
            <List
              dataSource={post.tasks}
              locale={{ emptyText: '今日该岗位无固定事项，请保持联络畅通。' }}
              renderItem={(task) => (
                <List.Item extra={<Tag color={taskStatusColors[task.status]}>{taskStatusLabels[task.status]}</Tag>}>
                  <List.Item.Meta
                    title={<Link to={task.link}>{task.title}</Link>}
                    description={
                      <>
                        <Typography.Text type="secondary">{formatInstant(task.start).slice(5, 16)} — {formatInstant(task.due).slice(5, 16)}</Typography.Text>
                        <div>{task.detail}</div>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        ))
      )}
    </>
  );
}
