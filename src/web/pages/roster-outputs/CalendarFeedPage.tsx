import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { ErrorState, LoadingState } from '../../components/states';
import { useCalendarFeed, useRevokeFeed, useRotateFeed } from './roster-outputs-api';

/** 我的值班订阅: a secret calendar address for phone and desktop calendars, shown once after it is issued. */
export default function CalendarFeedPage() {
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const feed = useCalendarFeed();
  const rotate = useRotateFeed();
  const revoke = useRevokeFeed();
  const [address, setAddress] = useState<string | null>(null);

  async function issue() {
    try {
      const result = await rotate.mutateAsync();
      setAddress(`${window.location.origin}${result.path}`);
      void message.success('已生成新的订阅地址');
    } catch (error) {
      showError(error);
    }
  }

  function handleRotate() {
    modal.confirm({ title: '更换订阅地址？', content: '旧地址将立即失效，已订阅的日历需要改用新地址。', okText: '更换', cancelText: '取消', onOk: issue });
  }

  function handleRevoke() {
    modal.confirm({
      title: '停用值班订阅？',
      content: '停用后订阅地址立即失效，日历中将不再更新值班安排。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => revoke.mutateAsync().then(() => { setAddress(null); void message.success('已停用'); }, (error: unknown) => showError(error)),
    });
  }

  async function handleCopy() {
    if (!address) return;
    try {
      await navigator.clipboard.writeText(address);
      void message.success('已复制订阅地址');
    } catch {
      void message.warning('无法自动复制，请选中地址后手工复制');
    }
  }

  return (
    <>
      <PageHeader title="我的值班订阅" description="把本人的值班安排订阅到手机或电脑日历。只包含已发布排班中本人的值班（换班、替班后的最终安排），每天交接班时间开始。" />
      {feed.isLoading ? <LoadingState /> : null}
      {feed.error ? <ErrorState error={feed.error} onRetry={() => void feed.refetch()} /> : null}
      {feed.data ? (
        <Card>
          {!feed.data.feed.personLinked ? (
            <Alert type="info" showIcon title="当前账号未关联人员，不能订阅值班安排。如需订阅，请联系系统管理员为账号关联人员。" />
          ) : (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Typography.Text>
                状态：{feed.data.feed.active ? `已开通（${formatInstant(feed.data.feed.createdAt).slice(0, 16)} 生成）` : '未开通'}
              </Typography.Text>
              {address ? (
                <>
                  <Alert type="warning" showIcon title="订阅地址只显示这一次，请立即复制并添加到日历应用。地址即是授权，请勿转发他人。" />
                  <Space.Compact style={{ width: '100%' }}>
                    <Input readOnly value={address} aria-label="订阅地址" data-testid="feed-address" />
                    <Button type="primary" onClick={handleCopy}>复制</Button>
                  </Space.Compact>
                </>
              ) : feed.data.feed.active ? (
                <Typography.Text type="secondary">为保护订阅地址，系统只保存其摘要，无法再次显示。遗失地址时请更换地址。</Typography.Text>
              ) : null}
              <Space>
                {feed.data.feed.active ? (
                  <>
                    <Button onClick={handleRotate} loading={rotate.isPending}>更换地址</Button>
                    <Button danger onClick={handleRevoke} loading={revoke.isPending}>停用订阅</Button>
                  </>
                ) : (
                  <Button type="primary" onClick={issue} loading={rotate.isPending}>开通订阅</Button>
                )}
              </Space>
            </Space>
          )}
        </Card>
      ) : null}
    </>
  );
}
