import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Form, Input, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { PROBLEM_KIND_LABELS, PROBLEM_SOURCE_LABELS, PROBLEM_STATUS_LABELS, problemStatuses, type ProblemStatus } from '../../../domain/patrols/labels';
import { useProblemAction, useProblems, type PatrolProblem } from '../../api/patrols';
import { apiUpload } from '../../app/api-client';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';
import { shortInstant } from './patrol-time';

const statusColors: Record<ProblemStatus, string> = { open: 'orange', submitted: 'blue', returned: 'red', closed: 'green' };

function StatusTag({ problem }: { problem: PatrolProblem }) {
  return (
    <Space size={4}>
      <Tag color={statusColors[problem.status]}>{PROBLEM_STATUS_LABELS[problem.status]}</Tag>
      {problem.overdue ? <Tag color="error">逾期</Tag> : null}
    </Space>
  );
}

/** 巡查问题整改: the center's list and verification, and a unit liaison's own problems with the report upload. */
export default function ProblemsPage() {
  const user = useCurrentUser();
  const isLiaison = hasAnyRole(user, ['unit_liaison']);
  const canVerify = hasAnyRole(user, ['duty_commander', 'shift_leader', 'duty_officer']);
  const [status, setStatus] = useState<ProblemStatus | undefined>(isLiaison ? undefined : undefined);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const problemsQuery = useProblems({ status, overdueOnly });
  const problems = problemsQuery.data ?? [];
  const selected = problems.find((problem) => problem.id === selectedId) ?? null;

  const columns: TableColumnsType<PatrolProblem> = [
    { title: '发现时间', dataIndex: 'foundAt', width: 120, render: (value: string) => shortInstant(value) },
    { title: '单位', dataIndex: 'unitName' },
    { title: '点位', dataIndex: 'siteName', render: (value: string | null) => value ?? '—' },
    { title: '问题类型', dataIndex: 'kind', width: 130, render: (kind: PatrolProblem['kind']) => PROBLEM_KIND_LABELS[kind] },
    { title: '问题描述', dataIndex: 'description', ellipsis: true },
    { title: '来源', dataIndex: 'source', width: 90, render: (source: PatrolProblem['source']) => PROBLEM_SOURCE_LABELS[source] },
    { title: '整改期限', dataIndex: 'deadline', width: 120, render: (value: string) => shortInstant(value) },
    { title: '状态', key: 'status', width: 140, render: (_, problem) => <StatusTag problem={problem} /> },
    { title: '操作', key: 'actions', width: 90, render: (_, problem) => <Button type="link" size="small" onClick={() => setSelectedId(problem.id)}>{isLiaison && (problem.status === 'open' || problem.status === 'returned') ? '报送整改' : '查看'}</Button> },
  ];

  return (
    <>
      <PageHeader
        title={isLiaison ? '本单位巡查问题' : '巡查问题整改'}
        description={
          isLiaison
            ? '指挥中心视频巡查、夜查发现的本单位问题。请在整改期限内上传经本单位主要负责同志签字的书面整改报告。'
            : '单位报送经主要负责同志签字的书面整改报告后，由指挥中心核验销号或退回。'
        }
      />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            value={status}
            onChange={setStatus}
            options={problemStatuses.map((value) => ({ value, label: PROBLEM_STATUS_LABELS[value] }))}
          />
          <Space>
            <Switch checked={overdueOnly} onChange={setOverdueOnly} />
            <span>只看逾期</span>
          </Space>
        </Space>
        {problemsQuery.isError ? (
          <ErrorState error={problemsQuery.error} onRetry={() => void problemsQuery.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            loading={problemsQuery.isLoading}
            columns={columns}
            dataSource={problems}
            pagination={{ pageSize: 15 }}
            locale={{ emptyText: <EmptyState description="没有符合条件的巡查问题" /> }}
          />
        )}
      </Card>
      {selected ? <ProblemDrawer problem={selected} isLiaison={isLiaison} canVerify={canVerify} onClose={() => setSelectedId(null)} /> : null}
    </>
  );
}

function ProblemDrawer({ problem, isLiaison, canVerify, onClose }: { problem: PatrolProblem; isLiaison: boolean; canVerify: boolean; onClose: () => void }) {
  const action = useProblemAction();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [verifyForm] = Form.useForm();
  const [scanIds, setScanIds] = useState<{ id: string; name: string }[]>([]);
  const canReport = (problem.status === 'open' || problem.status === 'returned') && (isLiaison || canVerify);

  async function handleUpload(file: File) {
    try {
      const body = await apiUpload<{ attachment: { id: string; fileName: string } }>('/api/attachments', 'file', file);
      setScanIds((current) => [...current, { id: body.attachment.id, name: body.attachment.fileName }]);
    } catch (error) {
      showError(error);
    }
    return false;
  }

  async function handleReport() {
    const values = await form.validateFields();
    try {
      await action.mutateAsync({ id: problem.id, action: 'rectification', body: { ...values, headConfirmed: values.headConfirmed === true, reportAttachmentIds: scanIds.map((scan) => scan.id) } });
      void message.success('整改报告已报送，等待指挥中心核验');
      onClose();
    } catch (error) {
      showError(error, form);
    }
  }

  async function handleVerify(kind: 'close' | 'return') {
    const values = verifyForm.getFieldsValue() as { note?: string };
    try {
      await action.mutateAsync({ id: problem.id, action: kind, body: kind === 'close' ? { note: values.note ?? null } : { reason: values.note ?? '' } });
      void message.success(kind === 'close' ? '已核验销号' : '已退回单位重新整改');
      onClose();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Drawer open title={`巡查问题：${problem.unitName}`} size={640} onClose={onClose} destroyOnHidden>
      {problem.overdue ? <Alert type="error" showIcon title="已超过整改期限，请尽快报送签字的整改报告。" style={{ marginBottom: 16 }} /> : null}
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="状态"><StatusTag problem={problem} /></Descriptions.Item>
        <Descriptions.Item label="点位">{problem.siteName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="问题类型">{PROBLEM_KIND_LABELS[problem.kind]}</Descriptions.Item>
        <Descriptions.Item label="问题描述">{problem.description}</Descriptions.Item>
        <Descriptions.Item label="发现人 / 时间">{problem.foundByName}，{shortInstant(problem.foundAt)}（{PROBLEM_SOURCE_LABELS[problem.source]}）</Descriptions.Item>
        <Descriptions.Item label="证据材料">
          {problem.evidenceIds.length > 0 ? problem.evidenceIds.map((id, index) => <a key={id} href={`/api/attachments/${id}`} target="_blank" rel="noreferrer" style={{ marginRight: 8 }}>截图{index + 1}</a>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="整改期限">{shortInstant(problem.deadline)}</Descriptions.Item>
        {problem.report ? (
          <>
            <Descriptions.Item label="整改情况">{problem.report.text ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="整改报告">
              {problem.report.attachmentIds.map((id, index) => <a key={id} href={`/api/attachments/${id}`} target="_blank" rel="noreferrer" style={{ marginRight: 8 }}>扫描件{index + 1}</a>)}
            </Descriptions.Item>
            <Descriptions.Item label="主要负责同志">{problem.report.headName}（{problem.report.headConfirmed ? '已签字确认' : '未确认'}，{shortInstant(problem.report.submittedAt)}报送）</Descriptions.Item>
          </>
        ) : null}
        {problem.verifiedAt ? <Descriptions.Item label="核验意见">{problem.verifiedByName}：{problem.verifyNote ?? '—'}（{shortInstant(problem.verifiedAt)}）</Descriptions.Item> : null}
      </Descriptions>

      {canReport ? (
        <Card title="报送整改报告" size="small" style={{ marginTop: 16 }}>
          <Form form={form} layout="vertical">
            <Form.Item name="reportText" label="整改情况">
              <Input.TextArea rows={3} maxLength={5000} placeholder="简要写明核实情况、整改措施和责任追究情况" />
            </Form.Item>
            <Form.Item label="整改报告扫描件（须经本单位主要负责同志签字）" required>
              <Upload beforeUpload={(file) => handleUpload(file)} showUploadList={false} accept=".pdf,.jpg,.jpeg,.png">
                <Button icon={<UploadOutlined />}>上传扫描件</Button>
              </Upload>
              <div>{scanIds.map((scan) => <Tag key={scan.id}>{scan.name}</Tag>)}</div>
            </Form.Item>
            <Form.Item name="headName" label="单位主要负责同志姓名" rules={[{ required: true, message: '请填写签字的负责同志姓名' }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="headConfirmed" valuePropName="checked" rules={[{ validator: (_, value) => (value ? Promise.resolve() : Promise.reject(new Error('请确认负责同志已签字'))) }]}>
              <Checkbox>本单位主要负责同志已在书面整改报告上签字</Checkbox>
            </Form.Item>
            <Button type="primary" loading={action.isPending} onClick={() => void handleReport()}>报送</Button>
          </Form>
        </Card>
      ) : null}

      {canVerify && problem.status === 'submitted' ? (
        <Card title="核验" size="small" style={{ marginTop: 16 }}>
          <Form form={verifyForm} layout="vertical">
            <Form.Item name="note" label="核验意见（退回时必填）">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Space>
              <Button type="primary" loading={action.isPending} onClick={() => void handleVerify('close')}>核验销号</Button>
              <Button danger loading={action.isPending} onClick={() => void handleVerify('return')}>退回重新整改</Button>
            </Space>
          </Form>
        </Card>
      ) : null}
      {canVerify && problem.status !== 'submitted' && problem.status !== 'closed' ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>单位报送经主要负责同志签字的整改报告后才能核验销号。</Typography.Paragraph>
      ) : null}
    </Drawer>
  );
}
