import { App, Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { usePlatformCheckAction, usePlatformChecks, usePlatforms, useSavePlatform, type PlatformCheck, type SupervisedPlatform } from '../../api/patrols';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';
import { shortInstant } from './patrol-time';

const notePlaceholders = { add: '平台名称', restore: '恢复情况，如：运维单位重启服务后恢复', abnormal: '异常现象和已采取的措施' } as const;

type Dialog = { kind: 'abnormal'; platform: SupervisedPlatform } | { kind: 'restore'; check: PlatformCheck } | { kind: 'add' } | null;

/** 监管平台运行情况: per-shift normal/abnormal records and the follow-up of abnormal platforms until restored. */
export default function PlatformChecksPage() {
  const user = useCurrentUser();
  const canRecord = hasAnyRole(user, ['duty_commander', 'shift_leader', 'duty_officer']);
  const canConfigure = hasAnyRole(user, ['sys_admin', 'shift_leader']);
  const platformsQuery = usePlatforms();
  const checksQuery = usePlatformChecks();
  const action = usePlatformCheckAction();
  const savePlatform = useSavePlatform();
  const showError = useShowError();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [note, setNote] = useState('');
  const checks = checksQuery.data;

  async function handleNormal(platform: SupervisedPlatform) {
    try {
      await action.mutateAsync({ kind: 'record', platformId: platform.id, status: 'normal' });
      void message.success(`已登记「${platform.name}」运行正常`);
    } catch (error) {
      showError(error);
    }
  }

  async function handleDialogOk() {
    try {
      if (dialog?.kind === 'abnormal') await action.mutateAsync({ kind: 'record', platformId: dialog.platform.id, status: 'abnormal', note });
      if (dialog?.kind === 'restore') await action.mutateAsync({ kind: 'restore', checkId: dialog.check.id, note });
      if (dialog?.kind === 'add') await savePlatform.mutateAsync({ id: null, input: { name: note } });
      setDialog(null);
      setNote('');
    } catch (error) {
      showError(error);
    }
  }

  const latestOf = (platformId: string) => checks?.checks.find((check) => check.platformId === platformId);

  return (
    <>
      <PageHeader
        title="监管平台运行情况"
        description="值班员每班检查戒毒所安防监控平台、社区矫正信息化监管平台等运行情况；异常平台持续跟进直至恢复，并写入值班日志、显示在指挥大厅。"
        extra={canConfigure ? <Button onClick={() => setDialog({ kind: 'add' })}>新增平台</Button> : null}
      />
      {checks && checks.abnormal.length > 0 ? (
        <Card title={<Typography.Text type="danger">尚未恢复的异常平台</Typography.Text>} size="small" style={{ marginBottom: 16 }}>
          {checks.abnormal.map((check) => (
            <Space key={check.id} style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
              <span><Tag color="error">异常</Tag>{check.platformName}：{check.note}（{check.recordedByName}，{shortInstant(check.checkedAt)}）</span>
              {canRecord ? <Button size="small" onClick={() => setDialog({ kind: 'restore', check })}>登记恢复</Button> : null}
            </Space>
          ))}
        </Card>
      ) : null}
      <Card title={checks ? `本值班日（${checks.dutyDate}）检查情况` : '本值班日检查情况'}>
        {platformsQuery.isError ? <ErrorState error={platformsQuery.error} onRetry={() => void platformsQuery.refetch()} /> : null}
        <Table
          rowKey="id"
          loading={platformsQuery.isLoading || checksQuery.isLoading}
          pagination={false}
          dataSource={(platformsQuery.data ?? []).filter((platform) => platform.active)}
          locale={{ emptyText: <EmptyState description="还没有配置监管平台" /> }}
          columns={[
            { title: '监管平台', dataIndex: 'name' },
            {
              title: '本班最近一次检查',
              key: 'latest',
              render: (_, platform) => {
                const latest = latestOf(platform.id);
                if (!latest) return <Typography.Text type="secondary">本班尚未检查</Typography.Text>;
                return <Space>{latest.status === 'normal' ? <Tag color="success">正常</Tag> : <Tag color="error">异常</Tag>}{shortInstant(latest.checkedAt)} {latest.recordedByName}</Space>;
              },
            },
            ...(canRecord
              ? [{
                  title: '登记',
                  key: 'actions',
                  width: 200,
                  render: (_: unknown, platform: SupervisedPlatform) => (
                    <Space>
                      <Button size="small" type="primary" onClick={() => void handleNormal(platform)}>正常</Button>
                      <Button size="small" danger onClick={() => setDialog({ kind: 'abnormal', platform })}>异常</Button>
                    </Space>
                  ),
                }]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'abnormal' ? `登记异常：${dialog.platform.name}` : dialog?.kind === 'restore' ? `登记恢复：${dialog.check.platformName}` : '新增监管平台'}
        onCancel={() => setDialog(null)}
        onOk={() => void handleDialogOk()}
        confirmLoading={action.isPending || savePlatform.isPending}
        destroyOnHidden
      >
        <Input.TextArea rows={3} value={note} onChange={(event) => setNote(event.target.value)} placeholder={notePlaceholders[dialog?.kind ?? 'abnormal']} />
      </Modal>
    </>
  );
}
