/** The review queue: the duty officer adopts, returns or merges items; the shift leader reviews. */
import { App, Button, DatePicker, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { REPORT_CATEGORY_LABELS, REPORT_ITEM_STATUS_LABELS, type ReportItemStatus } from '../../../domain/reports/categories';
import { useItemAction, useReportItems, type ReportItem } from '../../api/reports';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/states';
import { ItemDetailDrawer, SupplementMarker } from './ItemDetailDrawer';
import { clockOf, localToday } from './report-labels';

const statusColors: Record<ReportItemStatus, string> = { submitted: 'gold', adopted: 'green', returned: 'red', merged: 'default' };

export default function ReviewQueuePage() {
  const user = useCurrentUser();
  const [date, setDate] = useState(localToday());
  const [status, setStatus] = useState<ReportItemStatus | undefined>();
  const items = useReportItems({ from: date, to: date, ...(status ? { status } : {}) });
  const action = useItemAction();
  const showError = useShowError();
  const { message } = App.useApp();
  const [returning, setReturning] = useState<ReportItem | null>(null);
  const [reason, setReason] = useState('');
  const [merging, setMerging] = useState<ReportItem | null>(null);
  const [mergeInto, setMergeInto] = useState<string | undefined>();
  const [viewingId, setViewingId] = useState<string | null>(null);
  const canReview = hasAnyRole(user, ['shift_leader', 'duty_commander']);

  async function run(id: string, path: 'mark' | 'review', body?: unknown) {
    try {
      await action.mutateAsync({ id, path, body });
      void message.success('已保存。');
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }

  return (
    <div>
      <PageHeader
        title="要情信息审核"
        description="值班员逐条标记采用、退回修改或合并，值班长审核；15时30分前完成汇总。"
        extra={
          <Space>
            <DatePicker allowClear={false} value={dayjs(date)} onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))} />
            <Select allowClear placeholder="全部状态" style={{ width: 120 }} value={status} onChange={setStatus} options={Object.entries(REPORT_ITEM_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
          </Space>
        }
      />
      {items.isLoading ? (
        <LoadingState />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          dataSource={items.data}
          expandable={{ expandedRowRender: (item) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{item.content}{item.measures ? `\n已采取措施：${item.measures}` : ''}</Typography.Paragraph> }}
          columns={[
            { title: '单位', dataIndex: 'unitName', width: 160 },
            { title: '类别', dataIndex: 'category', width: 110, render: (category: ReportItem['category']) => REPORT_CATEGORY_LABELS[category] },
            { title: '标题', dataIndex: 'title', render: (title: string, item) => <Space wrap>{title}{item.urgent && <Tag color="red">紧急</Tag>}{item.earlySign && <Tag color="purple">苗头</Tag>}{item.version > 1 && <Tag>第{item.version}版</Tag>}<SupplementMarker item={item} /></Space> },
            { title: '报送', dataIndex: 'submittedAt', width: 70, render: clockOf },
            { title: '状态', dataIndex: 'status', width: 120, render: (value: ReportItemStatus, item) => <Space direction="vertical" size={0}><Tag color={statusColors[value]}>{REPORT_ITEM_STATUS_LABELS[value]}</Tag>{item.reviewedBy && <Typography.Text type="secondary">值班长已审</Typography.Text>}</Space> },
            {
              title: '操作',
              width: 300,
              render: (_, item) => (
                <Space wrap>
                  <Button size="small" type="link" data-testid="item-detail-open" onClick={() => setViewingId(item.id)}>详情</Button>
                  <Button size="small" type="primary" disabled={item.status !== 'submitted'} onClick={() => void run(item.id, 'mark', { action: 'adopt' })}>采用</Button>
                  <Button size="small" disabled={item.status === 'merged'} onClick={() => { setReturning(item); setReason(''); }}>退回</Button>
                  <Button size="small" disabled={item.status !== 'submitted'} onClick={() => { setMerging(item); setMergeInto(undefined); }}>合并</Button>
                  {canReview && <Button size="small" disabled={item.status === 'submitted' || item.reviewedBy !== null} onClick={() => void run(item.id, 'review')}>审核</Button>}
                </Space>
              ),
            },
          ]}
        />
      )}
      <ItemDetailDrawer itemId={viewingId} onClose={() => setViewingId(null)} />
      <Modal title="退回修改" open={returning !== null} okText="退回" onCancel={() => setReturning(null)} onOk={async () => { if (returning && (await run(returning.id, 'mark', { action: 'return', reason }))) setReturning(null); }}>
        <Input.TextArea rows={3} placeholder="退回原因（单位将看到）" value={reason} onChange={(event) => setReason(event.target.value)} />
      </Modal>
      <Modal title="合并到另一条信息" open={merging !== null} okText="合并" onCancel={() => setMerging(null)} onOk={async () => { if (merging && (await run(merging.id, 'mark', { action: 'merge', mergeIntoId: mergeInto }))) setMerging(null); }}>
        <Select style={{ width: '100%' }} placeholder="选择保留的信息" value={mergeInto} onChange={setMergeInto}
          options={(items.data ?? []).filter((item) => item.id !== merging?.id && (item.status === 'submitted' || item.status === 'adopted')).map((item) => ({ value: item.id, label: `${item.unitName}：${item.title}` }))} />
      </Modal>
    </div>
  );
}
