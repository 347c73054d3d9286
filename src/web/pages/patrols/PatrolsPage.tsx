import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { CHECK_METHOD_LABELS, PATROLLER_ROLE_LABELS, PROBLEM_KIND_LABELS, patrollerRoles, problemKinds } from '../../../domain/patrols/labels';
import { useCreatePatrol, usePatrolSites, usePatrols, type PatrolRecord } from '../../api/patrols';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';
import { centerToday, shortInstant, toApiInstant } from './patrol-time';
import { ScreenshotUpload } from './ScreenshotUpload';
import { centerWallNow } from '../../app/time';

/** 视频巡查记录: who patrolled which sites in what order and what they saw; findings become problems. */
export default function PatrolsPage() {
  const user = useCurrentUser();
  const canRecord = hasAnyRole(user, ['duty_commander', 'shift_leader', 'duty_officer', 'seat_staff']);
  const [range, setRange] = useState<[string, string]>([dayjs(centerToday()).subtract(6, 'day').format('YYYY-MM-DD'), centerToday()]);
  const [creating, setCreating] = useState(false);
  const patrolsQuery = usePatrols(range[0], range[1]);

  return (
    <>
      <PageHeader
        title="视频巡查"
        description="每日24小时随机巡查各地指挥室（值班室）和戒毒、社区矫正、未成年人教育场所；发现的问题自动通知责任单位整改。"
        extra={
          <Space>
            <DatePicker.RangePicker allowClear={false} value={[dayjs(range[0]), dayjs(range[1])]} onChange={(values) => values?.[0] && values[1] && setRange([values[0].format('YYYY-MM-DD'), values[1].format('YYYY-MM-DD')])} />
            {canRecord ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记巡查</Button> : null}
          </Space>
        }
      />
      <Card>
        {patrolsQuery.isError ? (
          <ErrorState error={patrolsQuery.error} onRetry={() => void patrolsQuery.refetch()} />
        ) : (
          <Table<PatrolRecord>
            rowKey="id"
            size="middle"
            loading={patrolsQuery.isLoading}
            dataSource={patrolsQuery.data ?? []}
            pagination={{ pageSize: 15 }}
            locale={{ emptyText: <EmptyState description="所选日期没有巡查记录" /> }}
            expandable={{
              expandedRowRender: (patrol) => (
                <ol style={{ margin: 0 }}>
                  {patrol.items.map((item) => (
                    <li key={item.siteId}>
                      <Typography.Text strong>{item.siteName}</Typography.Text>（{item.unitName}）：{item.observation} {item.hasProblem ? <Tag color="error">发现问题</Tag> : null}
                      {item.attachmentIds.map((id, index) => <a key={id} href={`/api/attachments/${id}`} target="_blank" rel="noreferrer" style={{ marginLeft: 8 }}>截图{index + 1}</a>)}
                    </li>
                  ))}
                </ol>
              ),
            }}
            columns={[
              { title: '巡查时间', dataIndex: 'patrolledAt', width: 120, render: (value: string) => shortInstant(value) },
              { title: '巡查人员', key: 'who', render: (_, patrol) => `${PATROLLER_ROLE_LABELS[patrol.patrollerRole]} ${patrol.patrollerName}` },
              { title: '方式', dataIndex: 'method', width: 70, render: (method: PatrolRecord['method']) => CHECK_METHOD_LABELS[method] },
              { title: '点位（按顺序）', key: 'sites', render: (_, patrol) => patrol.items.map((item) => item.siteName).join(' → ') },
              { title: '问题', key: 'problems', width: 90, render: (_, patrol) => (patrol.problemIds.length > 0 ? <Tag color="error">{patrol.problemIds.length}个</Tag> : <Tag color="success">无</Tag>) },
            ]}
          />
        )}
      </Card>
      {creating ? <PatrolFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function PatrolFormModal({ onClose }: { onClose: () => void }) {
  const sitesQuery = usePatrolSites(true);
  const create = useCreatePatrol();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm();

  async function handleSave() {
    const values = await form.validateFields();
    try {
      const items = (values.items as { siteId: string; observation: string; attachmentIds?: string[]; problemKind?: string; problemDescription?: string }[]).map((item) => ({
        siteId: item.siteId,
        observation: item.observation,
        attachmentIds: item.attachmentIds ?? [],
        problem: item.problemKind ? { kind: item.problemKind as (typeof problemKinds)[number], description: item.problemDescription ?? item.observation } : null,
      }));
      const result = await create.mutateAsync({ patrolledAt: toApiInstant(values.patrolledAt), patrollerRole: values.patrollerRole, method: values.method, summary: values.summary ?? null, items });
      void message.success(result.patrol.problemIds.length > 0 ? `巡查已登记，发现问题${result.patrol.problemIds.length}个，已通知责任单位` : '巡查已登记');
      onClose();
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Modal open width={820} title="登记视频巡查" onCancel={onClose} onOk={() => void handleSave()} confirmLoading={create.isPending} okText="登记" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ patrolledAt: centerWallNow(), patrollerRole: 'officer', method: 'video', items: [{}] }}>
        <Space wrap>
          <Form.Item name="patrolledAt" label="巡查时间" rules={[{ required: true }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
          <Form.Item name="patrollerRole" label="巡查人员身份"><Select style={{ width: 160 }} options={patrollerRoles.map((role) => ({ value: role, label: PATROLLER_ROLE_LABELS[role] }))} /></Form.Item>
          <Form.Item name="method" label="方式"><Select style={{ width: 100 }} options={[{ value: 'video', label: '视频' }, { value: 'phone', label: '电话' }]} /></Form.Item>
        </Space>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card key={field.key} size="small" title={`第${index + 1}个点位`} style={{ marginBottom: 8 }} extra={fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(field.name)} /> : null}>
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'siteId']} label="点位" rules={[{ required: true, message: '请选择点位' }]}>
                      <Select showSearch optionFilterProp="label" style={{ width: 260 }} options={(sitesQuery.data ?? []).map((site) => ({ value: site.id, label: site.name }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'observation']} label="巡查所见" rules={[{ required: true, message: '请填写巡查所见' }]}>
                      <Input style={{ width: 420 }} maxLength={1000} placeholder="如：值班人员在岗在位，秩序正常" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'problemKind']} label="发现问题（可选）">
                      <Select allowClear style={{ width: 180 }} options={problemKinds.map((kind) => ({ value: kind, label: PROBLEM_KIND_LABELS[kind] }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'problemDescription']} label="问题描述">
                      <Input style={{ width: 420 }} maxLength={1000} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'attachmentIds']} label="截图或录像回放">
                      <ScreenshotUpload />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>增加点位</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="summary" label="巡查情况小结" style={{ marginTop: 12 }}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}
