/** 签到签退: sign in and out, who is on post now, and on-site hours against the duty level's requirement. */
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useSigninBoard, useSignIn, useSignOut, type SigninBoard } from '../../api/duty-report';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { ErrorState } from '../../components/states';
import { DutyDatePicker, useDutyDateParam } from '../duty-report/DutyDatePicker';

type Row = SigninBoard['staff'][number];

export default function DutySigninPage() {
  const { message } = App.useApp();
  const showError = useShowError();
  const [date, setDate] = useDutyDateParam();
  const board = useSigninBoard(date);
  const signIn = useSignIn();
  const signOut = useSignOut();

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <>
      <PageHeader
        title="签到签退"
        description="值班人员到岗签到、离岗签退；在岗时长按值班等级要求核对，不足的计入值班报告。"
        extra={
          <>
            <DutyDatePicker value={date} onChange={setDate} />
            <Button type="primary" loading={signIn.isPending} onClick={() => void act(() => signIn.mutateAsync(), '已签到')}>签到</Button>
            <Button loading={signOut.isPending} onClick={() => void act(() => signOut.mutateAsync(), '已签退')}>签退</Button>
          </>
        }
      />
      {board.error ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <Card size="small">
          <Table<Row>
            size="small"
            rowKey={(row) => `${row.post}-${row.personId}`}
            loading={board.isLoading}
            pagination={false}
            dataSource={board.data?.staff ?? []}
            locale={{ emptyText: '该值班日没有排班' }}
            columns={[
              { title: '岗位', dataIndex: 'postLabel', width: 110 },
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '当前', dataIndex: 'onPost', width: 90, render: (onPost: boolean) => (onPost ? <Tag color="green">在岗</Tag> : <Tag>不在岗</Tag>) },
              { title: '在岗时长', dataIndex: 'actual', width: 100, render: (hours: number) => `${hours} 小时` },
              { title: '要求', dataIndex: 'required', width: 100, render: (hours: number) => (hours > 0 ? `${hours} 小时` : '保持联络畅通') },
              {
                title: '尚差（截至目前）',
                dataIndex: 'shortfall',
                width: 100,
                render: (hours: number) => (hours > 0 ? <Typography.Text type="danger">差 {hours} 小时</Typography.Text> : <Tag color="green">达标</Tag>),
              },
              {
                title: '签到记录',
                dataIndex: 'periods',
                render: (periods: Row['periods']) => (
                  <Space direction="vertical" size={0}>
                    {periods.length === 0 ? '—' : periods.map((period) => (
                      <span key={period.signedInAt}>{formatInstant(period.signedInAt).slice(5, 16)} 至 {period.signedOutAt ? formatInstant(period.signedOutAt).slice(5, 16) : '未签退'}</span>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
