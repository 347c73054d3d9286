import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Modal, Progress, Radio, Row, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DAY_TYPE_LABELS } from '../../../domain/calendar/types';
import { CHECK_METHOD_LABELS, PROBLEM_KIND_LABELS, PROBLEM_STATUS_LABELS, problemKinds, type CheckMethod } from '../../../domain/patrols/labels';
import { isApiError } from '../../app/api-client';
import { useCreatePlan, useNightCheckPlan, useRecordNightCheck, type PlanDetail } from '../../api/patrols';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { centerDutyDate, shortInstant, toApiInstant } from '../patrols/patrol-time';
import { ScreenshotUpload } from '../patrols/ScreenshotUpload';
import { centerWallNow, formatClock } from '../../app/time';

type PlannedSite = PlanDetail['sites'][number];

/** 夜查: tonight's drawn plan, the record buttons, coverage, and last night's problems to follow up first. */
export default function NightChecksPage() {
  const user = useCurrentUser();
  const canRecord = hasAnyRole(user, ['duty_commander', 'shift_leader', 'duty_officer']);
  const [date, setDate] = useState(centerDutyDate());
  const [majorEvent, setMajorEvent] = useState(false);
  const [recording, setRecording] = useState<PlannedSite | null>(null);
  const planQuery = useNightCheckPlan(date);
  const createPlan = useCreatePlan();
  const showError = useShowError();
  const plan = planQuery.data;
  const missing = planQuery.isError && isApiError(planQuery.error, 'NOT_FOUND');

  async function handleCreate() {
    try {
      await createPlan.mutateAsync({ date, majorEvent: majorEvent || undefined });
    } catch (error) {
      showError(error);
    }
  }

  const columns: TableColumnsType<PlannedSite> = [
    { title: '计划时间', dataIndex: 'plannedAt', width: 110, render: (value: string) => <Typography.Text strong>{formatClock(value)}</Typography.Text> },
    { title: '点位', dataIndex: 'name' },
    { title: '责任单位', dataIndex: 'unitName' },
    { title: '方式', dataIndex: 'checkMethod', width: 80, render: (method: CheckMethod) => CHECK_METHOD_LABELS[method] },
    { title: '完成情况', dataIndex: 'checked', width: 100, render: (checked: boolean) => (checked ? <Tag color="success">已查</Tag> : <Tag>未查</Tag>) },
  ];
  if (canRecord) {
    columns.push({ title: '操作', key: 'record', width: 100, render: (_, site) => <Button size="small" type={site.checked ? 'default' : 'primary'} onClick={() => setRecording(site)}>登记</Button> });
  }

  return (
    <>
      <PageHeader
        title="夜查"
        description="系统在次日 00:00-06:00 随机抽取点位和时间：平时不少于20%，法定节假日、重大活动、重要敏感时期不少于25%。只有在该时段内的夜查计入覆盖率。"
        extra={
          <Space>
            <span>值班日</span>
            <DatePicker allowClear={false} value={dayjs(date)} onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))} />
          </Space>
        }
      />
      {planQuery.isLoading ? <LoadingState /> : null}
      {missing ? (
        <Card>
          <EmptyState description={`${date} 的夜查计划尚未生成`}>
            {canRecord ? (
              <Space>
                <Switch checked={majorEvent} onChange={setMajorEvent} />
                <span>重大活动期间（按25%抽查）</span>
                <Button type="primary" loading={createPlan.isPending} onClick={() => void handleCreate()}>生成夜查计划</Button>
              </Space>
            ) : null}
          </EmptyState>
        </Card>
      ) : null}
      {planQuery.isError && !missing ? <ErrorState error={planQuery.error} onRetry={() => void planQuery.refetch()} /> : null}
      {plan ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {plan.followUps.length > 0 ? (
            <Card title="前一夜发现问题跟踪督办（请优先复查）" size="small">
              {plan.followUps.map((problem) => (
                <Alert
                  key={problem.id}
                  type={problem.status === 'closed' ? 'success' : 'warning'}
                  showIcon
                  style={{ marginBottom: 8 }}
                  title={`${problem.unitName}${problem.siteName ? ` · ${problem.siteName}` : ''}：${PROBLEM_KIND_LABELS[problem.kind]}（${PROBLEM_STATUS_LABELS[problem.status]}）`}
                  description={problem.description}
                />
              ))}
            </Card>
          ) : null}
          <Row gutter={16}>
            <Col xs={12} md={6}><Card><Statistic title="日期类型" value={`${DAY_TYPE_LABELS[plan.dayType]}${plan.majorEvent ? '·重大活动' : ''}`} /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="抽查比例" value={Math.round(plan.sampleRatio * 100)} suffix="%" /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="应查 / 启用点位" value={`${plan.requiredCount} / ${plan.activeSites}`} /></Card></Col>
            <Col xs={12} md={6}>
              <Card>
                <Typography.Text type="secondary">时段内已查</Typography.Text>
                <Progress percent={plan.requiredCount === 0 ? 0 : Math.round((plan.coverage.checkedSites / plan.requiredCount) * 100)} status={plan.coverage.meetsRule ? 'success' : 'active'} format={() => `${plan.coverage.checkedSites}/${plan.requiredCount}`} />
              </Card>
            </Col>
          </Row>
          {plan.coverage.outsideWindow > 0 ? <Alert type="info" showIcon title={`有${plan.coverage.outsideWindow}条夜查记录不在 00:00-06:00 时段内，不计入覆盖率。`} /> : null}
          <Card title={`夜查计划：${plan.windowStart.slice(0, 10)} 00:00-06:00`}>
            <Table rowKey="siteId" size="middle" pagination={false} columns={columns} dataSource={plan.sites} />
          </Card>
          <Card title="夜查记录">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={plan.records}
              locale={{ emptyText: <EmptyState description="还没有夜查记录" /> }}
              columns={[
                { title: '时间', dataIndex: 'checkedAt', width: 110, render: (value: string, record) => <Space>{shortInstant(value)}{record.inWindow ? null : <Tag color="warning">时段外</Tag>}</Space> },
                { title: '点位', dataIndex: 'siteName' },
                { title: '联通', dataIndex: 'reached', width: 70, render: (value: boolean) => (value ? '是' : <Tag color="error">否</Tag>) },
                { title: '在岗在位', dataIndex: 'inPost', width: 90, render: (value: boolean) => (value ? '是' : <Tag color="error">否</Tag>) },
                { title: '应答人', dataIndex: 'answeredBy', render: (value: string | null) => value ?? '—' },
                { title: '情况', dataIndex: 'findings', render: (value: string | null) => value ?? '—' },
              ]}
            />
          </Card>
        </Space>
      ) : null}
      {recording ? <RecordModal date={date} site={recording} onClose={() => setRecording(null)} /> : null}
    </>
  );
}

function RecordModal({ date, site, onClose }: { date: string; site: PlannedSite; onClose: () => void }) {
  const record = useRecordNightCheck(date);
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const hasProblem = Form.useWatch('hasProblem', form) as boolean | undefined;

  async function handleSave() {
    const values = await form.validateFields();
    try {
      await record.mutateAsync({
        siteId: site.siteId,
        checkedAt: toApiInstant(values.checkedAt),
        method: values.method,
        reached: values.reached,
        inPost: values.inPost,
        answeredBy: values.answeredBy ?? null,
        findings: values.findings ?? null,
        problem: values.hasProblem ? { kind: values.problemKind, description: values.problemDescription } : null,
        evidenceIds: values.hasProblem ? (values.evidenceIds ?? []) : [],
      });
      void message.success('夜查情况已登记');
      onClose();
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Modal open title={`登记夜查：${site.name}`} onCancel={onClose} onOk={() => void handleSave()} confirmLoading={record.isPending} okText="登记" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ checkedAt: centerWallNow(), method: site.checkMethod, reached: true, inPost: true, hasProblem: false }}>
        <Form.Item name="checkedAt" label="夜查时间" rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="method" label="方式">
          <Radio.Group options={[{ value: 'video', label: '视频' }, { value: 'phone', label: '电话' }]} />
        </Form.Item>
        <Space size={32}>
          <Form.Item name="reached" label="是否联通" valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="inPost" label="是否在岗在位" valuePropName="checked"><Switch /></Form.Item>
        </Space>
        <Form.Item name="answeredBy" label="应答人"><Input maxLength={50} /></Form.Item>
        <Form.Item name="findings" label="夜查情况"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="hasProblem" label="发现问题" valuePropName="checked"><Switch /></Form.Item>
        {hasProblem ? (
          <>
            <Form.Item name="problemKind" label="问题类型" rules={[{ required: true, message: '请选择问题类型' }]}>
              <Select options={problemKinds.map((kind) => ({ value: kind, label: PROBLEM_KIND_LABELS[kind] }))} />
            </Form.Item>
            <Form.Item name="problemDescription" label="问题描述" rules={[{ required: true, message: '请描述发现的问题' }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="evidenceIds" label="截图或录像回放">
              <ScreenshotUpload />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
