/**
 * The unit liaison's page: today's report on one screen (usable on a phone),
 * with the draft kept in localStorage so nothing typed is lost when the
 * network drops, and the unit's history below.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, List, Modal, Radio, Select, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { REPORT_CATEGORY_LABELS } from '../../../domain/reports/categories';
import { useReportHistory, useReviseItem, useSubmitReport, type ItemInput, type ReportItem } from '../../api/reports';
import { apiUpload } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { ItemDetailDrawer, SupplementMarker } from './ItemDetailDrawer';
import { ItemUpdateModal } from './ItemUpdateModal';
import { categoryOptions, clockOf, localToday } from './report-labels';

interface DraftItem extends ItemInput {
  /** Names of the uploaded files, in the order of `attachmentIds`, for display. */
  attachmentNames?: string[];
}

interface Draft {
  kind: 'items' | 'zero';
  items: DraftItem[];
  /** Idempotency key of this draft: kept until the server confirms, so a resend is recognized. */
  key: string;
}

const emptyItem = (): DraftItem => ({ category: 'other', title: '', content: '', place: '', measures: '', urgent: false, phoneFirst: false, earlySign: false });

function newKey(): string {
  return `web-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function loadDraft(storageKey: string): Draft {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored) return JSON.parse(stored) as Draft;
  } catch {
    // A damaged draft is replaced by an empty one.
  }
  return { kind: 'items', items: [emptyItem()], key: newKey() };
}

export default function DailyReportPage() {
  const user = useCurrentUser();
  const today = localToday();
  const storageKey = `zhiban.daily-report.${user.id}.${today}`;
  const [draft, setDraft] = useState<Draft>(() => loadDraft(storageKey));
  const history = useReportHistory();
  const submit = useSubmitReport();
  const showError = useShowError();
  const { message } = App.useApp();
  const revise = useReviseItem();
  const [revising, setRevising] = useState<ReportItem | null>(null);
  const [revision, setRevision] = useState<{ title: string; content: string }>({ title: '', content: '' });
  const [updating, setUpdating] = useState<ReportItem | null>(null);
  const [viewingId, setViewingId] = useState<string | null>(null);

  useEffect(() => {
    localStorage.setItem(storageKey, JSON.stringify(draft));
  }, [draft, storageKey]);

  const todays = useMemo(() => (history.data ?? []).filter((report) => report.date === today), [history.data, today]);
  const hasItemsToday = todays.some((report) => report.kind === 'items');
  const zeroToday = todays.find((report) => report.kind === 'zero');

  async function handleUpload(index: number, file: File) {
    try {
      const result = await apiUpload<{ attachment: { id: string; fileName: string } }>('/api/attachments', 'file', file);
      setDraft((current) => ({
        ...current,
        items: current.items.map((item, position) =>
          position !== index ? item : { ...item, attachmentIds: [...(item.attachmentIds ?? []), result.attachment.id], attachmentNames: [...(item.attachmentNames ?? []), result.attachment.fileName] },
        ),
      }));
    } catch (error) {
      showError(error);
    }
  }

  function updateItem(index: number, patch: Partial<DraftItem>) {
    setDraft((current) => ({ ...current, items: current.items.map((item, position) => (position === index ? { ...item, ...patch } : item)) }));
  }

  async function handleRevise() {
    if (!revising) return;
    const { id, category, urgent, phoneFirst, earlySign, attachmentIds, place, source, peopleInvolved, measures, occurredAt } = revising;
    try {
      await revise.mutateAsync({ id, body: { category, urgent, phoneFirst, earlySign, attachmentIds, place, source, peopleInvolved, measures, occurredAt, ...revision } });
      void message.success('已修改并重新报送，原版本已保留。');
      setRevising(null);
    } catch (error) {
      showError(error);
    }
  }

  async function handleSubmit() {
    const items = draft.items.map(({ attachmentNames: _names, ...item }) => item);
    const body = draft.kind === 'zero' ? { kind: 'zero' as const } : { kind: 'items' as const, items };
    try {
      const result = await submit.mutateAsync({ key: draft.key, body });
      void message.success(result.replayed ? '该报送此前已成功保存，未重复报送。' : result.report.late ? '已报送（已超过截止时间，记为迟报）。' : '报送成功。');
      localStorage.removeItem(storageKey);
      setDraft({ kind: 'items', items: [emptyItem()], key: newKey() });
    } catch (error) {
      // The draft and its key stay, so resending after a network failure cannot store twice.
      showError(error);
    }
  }

  return (
    <div style={{ maxWidth: 760 }}>
      <PageHeader title="今日报送" description={`${today}：有事报情况、无事报平安，每日15时前报送。`} />
      {todays.length > 0 && (
        <Alert style={{ marginBottom: 12 }} type="success" showIcon message={`今日已报送 ${todays.length} 次，最近一次 ${clockOf(todays[0]!.submittedAt)}${todays.some((report) => report.late) ? '（迟报）' : ''}。如有新情况可继续报送。`} />
      )}
      <Card size="small">
        <Radio.Group
          value={draft.kind}
          onChange={(event) => setDraft((current) => ({ ...current, kind: event.target.value as Draft['kind'] }))}
          optionType="button"
          buttonStyle="solid"
          style={{ marginBottom: 12 }}
        >
          <Radio.Button value="items">报送要情信息</Radio.Button>
          <Radio.Button value="zero" disabled={hasItemsToday || zeroToday !== undefined}>无事报平安</Radio.Button>
        </Radio.Group>
        {draft.kind === 'zero' ? (
          <Typography.Paragraph>
            本单位今日无要情信息，报平安。已报送要情信息或发生突发案事件的单位不能报零报告；零报告每天只报一次。
            {zeroToday && `今日已于 ${clockOf(zeroToday.submittedAt)} 报平安。`}
          </Typography.Paragraph>
        ) : (
          <Form layout="vertical">
            {draft.items.map((item, index) => (
              <Card key={index} size="small" type="inner" title={`第${index + 1}条`} style={{ marginBottom: 12 }}
                extra={draft.items.length > 1 ? <Button size="small" danger onClick={() => setDraft((current) => ({ ...current, items: current.items.filter((_, position) => position !== index) }))}>删除</Button> : null}>
                <Form.Item label="信息类别" required>
                  <Select value={item.category} options={categoryOptions} onChange={(category) => updateItem(index, { category })} />
                </Form.Item>
                <Form.Item label="标题" required>
                  <Input aria-label="标题" value={item.title} maxLength={100} onChange={(event) => updateItem(index, { title: event.target.value })} />
                </Form.Item>
                <Form.Item label="内容（时间、地点、经过、涉及人员）" required>
                  <Input.TextArea aria-label="内容" value={item.content} rows={4} maxLength={4000} onChange={(event) => updateItem(index, { content: event.target.value })} />
                </Form.Item>
                <Form.Item label="地点">
                  <Input value={item.place ?? ''} maxLength={200} onChange={(event) => updateItem(index, { place: event.target.value })} />
                </Form.Item>
                <Form.Item label="已采取措施">
                  <Input.TextArea value={item.measures ?? ''} rows={2} maxLength={2000} onChange={(event) => updateItem(index, { measures: event.target.value })} />
                </Form.Item>
                <Form.Item label="附件（图片、PDF 或 Word）">
                  <Upload
                    accept=".jpg,.jpeg,.png,.gif,.webp,.pdf,.doc,.docx"
                    showUploadList={false}
                    customRequest={(options) => void handleUpload(index, options.file as File)}
                  >
                    <Button icon={<UploadOutlined />}>上传附件</Button>
                  </Upload>
                  {(item.attachmentNames ?? []).length > 0 && <div>{(item.attachmentNames ?? []).map((name) => <Tag key={name}>{name}</Tag>)}</div>}
                </Form.Item>
                <Space wrap>
                  <Checkbox checked={item.urgent} onChange={(event) => updateItem(index, { urgent: event.target.checked })}>紧急信息</Checkbox>
                  <Checkbox checked={item.phoneFirst} onChange={(event) => updateItem(index, { phoneFirst: event.target.checked })}>已先电话报告</Checkbox>
                  <Checkbox checked={item.earlySign} onChange={(event) => updateItem(index, { earlySign: event.target.checked })}>苗头性信息</Checkbox>
                </Space>
              </Card>
            ))}
            <Button onClick={() => setDraft((current) => ({ ...current, items: [...current.items, emptyItem()] }))}>增加一条</Button>
          </Form>
        )}
        <div style={{ marginTop: 16 }}>
          <Button type="primary" size="large" block loading={submit.isPending} onClick={() => void handleSubmit()} data-testid="submit-report">
            {draft.kind === 'zero' ? '报送零报告' : '报送'}
          </Button>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>草稿自动保存在本机，网络中断后重新打开页面可继续报送。</Typography.Text>
        </div>
      </Card>

      <Card size="small" title="报送记录（近30天）" style={{ marginTop: 16 }}>
        {history.isLoading ? (
          <LoadingState />
        ) : history.isError ? (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} />
        ) : (history.data ?? []).length === 0 ? (
          <EmptyState description="暂无报送记录" />
        ) : (
          <List
            dataSource={history.data}
            renderItem={(report) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{report.date}</span>
                      <span>{clockOf(report.submittedAt)}</span>
                      {report.kind === 'zero' ? <Tag color="blue">无事报平安</Tag> : <Tag color="green">要情信息 {report.items.length} 条</Tag>}
                      {report.late && <Tag color="orange">迟报</Tag>}
                    </Space>
                  }
                  description={report.items.map((item) => (
                    <div key={item.id}>
                      【{REPORT_CATEGORY_LABELS[item.category]}】{item.title}
                      {' '}<SupplementMarker item={item} />
                      {item.closedAt && <Tag color="green">已终报</Tag>}
                      <Button size="small" type="link" onClick={() => setViewingId(item.id)}>详情</Button>
                      {item.status !== 'merged' && item.closedAt === null && (
                        <Button size="small" type="link" data-testid="add-item-update" onClick={() => setUpdating(item)}>补报 / 续报</Button>
                      )}
                      {item.status === 'returned' && (
                        <>
                          <Typography.Text type="danger">（退回：{item.reviewReason ?? ''}）</Typography.Text>
                          <Button size="small" type="link" onClick={() => { setRevising(item); setRevision({ title: item.title, content: item.content }); }}>修改后重新报送</Button>
                        </>
                      )}
                    </div>
                  ))}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <ItemUpdateModal item={updating} onClose={() => setUpdating(null)} />
      <ItemDetailDrawer itemId={viewingId} onClose={() => setViewingId(null)} />
      <Modal title="修改后重新报送" open={revising !== null} okText="重新报送" confirmLoading={revise.isPending} onCancel={() => setRevising(null)} onOk={() => void handleRevise()}>
        <Typography.Paragraph type="danger">退回原因：{revising?.reviewReason}</Typography.Paragraph>
        <Input aria-label="修改后的标题" value={revision.title} maxLength={100} onChange={(event) => setRevision({ ...revision, title: event.target.value })} style={{ marginBottom: 8 }} />
        <Input.TextArea aria-label="修改后的内容" rows={5} value={revision.content} maxLength={4000} onChange={(event) => setRevision({ ...revision, content: event.target.value })} />
      </Modal>
    </div>
  );
}
