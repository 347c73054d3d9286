import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { dayTypeColors } from '../../api/calendar';
import { useTodayDuty } from '../../api/roster';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDateTime } from '../../app/time';

/** 今日值班: the final roster of the current duty day (after swaps and substitutions). */
export function TodayDutyCard() {
  const today = useTodayDuty();

  if (today.isPending) return <Card title="今日值班"><LoadingState /></Card>;
  if (today.isError) return <Card title="今日值班"><ErrorState error={today.error} onRetry={() => void today.refetch()} /></Card>;

  const duty = today.data;
  const officers = duty.officers.map((officer) => officer.name).join('、');
  return (
    <Card
      title={<Space>今日值班<Typography.Text type="secondary">{duty.date}</Typography.Text></Space>}
      extra={
        <Space>
          <Tag color={dayTypeColors[duty.dayType].tag}>{duty.name ? `${duty.dayTypeLabel}·${duty.name}` : duty.dayTypeLabel}</Tag>
          <Tag color="purple">{duty.dutyLevelLabel}</Tag>
        </Space>
      }
      data-testid="today-duty"
    >
      {!duty.published ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={duty.commander ? '本月排班尚未发布，以下为草稿' : '本日尚无排班，请联系排班人员生成并发布'} />
      ) : null}
      <Descriptions column={{ xs: 1, sm: 3 }} size="middle">
        <Descriptions.Item label="值班指挥长">{duty.commander?.name ?? '未安排'}</Descriptions.Item>
        <Descriptions.Item label="值班长">{duty.shiftLeader?.name ?? '未安排'}</Descriptions.Item>
        <Descriptions.Item label="值班员">{officers || '未安排'}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        值班时段：{formatDateTime(duty.startsAt)} 至 {formatDateTime(duty.endsAt)}（交接班时间为界）
      </Typography.Text>
    </Card>
  );
}
