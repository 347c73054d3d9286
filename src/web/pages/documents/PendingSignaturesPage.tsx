import { App, Button, Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { URGENCY_LABELS, urgencies, type DocumentKind, type Urgency } from '../../../domain/documents/index';
import { useDocumentAction, usePendingSignatures, useReminderIntervals, type PendingSignature } from '../../api/documents';
import { useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';
import { formatWaiting, KindTag, UrgencyTag } from './document-labels';

/** Lists transfers waiting for a signature (待签收文电); a unit's liaison gets only their unit's and signs them here. */
export default function PendingSignaturesPage() {
  const user = useCurrentUser();
  const pendingQuery = usePendingSignatures();
  const intervalsQuery = useReminderIntervals();
  const intervals = intervalsQuery.data
    ? urgencies.map((urgency) => `${URGENCY_LABELS[urgency]}每${formatWaiting(intervalsQuery.data[urgency])}`).join('、')
    : null;
  const action = useDocumentAction();
  const showError = useShowError();
  const { message } = App.useApp();

  async function handleSign(item: PendingSignature) {
    try {
      await action.mutateAsync({ id: item.documentId, action: { type: 'sign', transferId: item.transferId } });
      void message.success(`已签收 ${item.serial}（签收人：${user.name}）`);
    } catch (error) {
      showError(error);
    }
  }

  const columns: TableColumnsType<PendingSignature> = [
    { title: '收文编号', dataIndex: 'serial', width: 110, render: (serial: string, item) => <Link to={`/documents/${item.documentId}`}>{serial}</Link> },
    { title: '紧急程度', dataIndex: 'urgency', width: 90, render: (value: Urgency) => <UrgencyTag urgency={value} /> },
    { title: '类型', dataIndex: 'kind', width: 100, render: (value: DocumentKind) => <KindTag kind={value} /> },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    { title: '承办单位', dataIndex: 'unitName', width: 170 },
    { title: '通知时间', dataIndex: 'notifiedAt', width: 150, render: (value: string) => formatInstant(value).slice(0, 16) },
    { title: '已等待', dataIndex: 'minutesWaiting', width: 120, render: (value: number) => formatWaiting(value) },
    {
      title: '催办',
      dataIndex: 'reminderCount',
      width: 170,
      render: (count: number, item) => (count > 0 ? <Typography.Text type="danger">已催办{count}次，下次 {formatInstant(item.nextReminderAt).slice(11, 16)}</Typography.Text> : `下次 ${formatInstant(item.nextReminderAt).slice(5, 16)}`),
    },
    {
      title: '操作',
      key: 'sign',
      width: 90,
      fixed: 'right',
      render: (_, item) =>
        item.unitId === user.unitId ? (
          <Button type="primary" size="small" loading={action.isPending} onClick={() => void handleSign(item)}>
            签收
          </Button>
        ) : (
          <Typography.Text type="secondary">待{item.unitName}签收</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader title="待签收文电" description={`转办后尚未签收的文电${intervals ? `，按${intervals}自动催办` : '，按紧急程度定时自动催办'}。签收时记录签收人全名和时间。`} />
      <Card>
        {pendingQuery.isError ? (
          <ErrorState error={pendingQuery.error} onRetry={() => void pendingQuery.refetch()} />
        ) : (
          <Table<PendingSignature>
            rowKey="transferId"
            size="middle"
            columns={columns}
            dataSource={pendingQuery.data ?? []}
            loading={pendingQuery.isFetching}
            scroll={{ x: 1200 }}
            pagination={false}
            locale={{ emptyText: <EmptyState description="没有待签收的文电" /> }}
          />
        )}
      </Card>
    </>
  );
}
