import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, List, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAnswerSheet, useRecordRollCall, useRehabDaily, useRollCalls, useRollCallWindows, useSaveRehabDaily } from '../../api/patrols';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { centerToday, shortInstant, toApiInstant } from '../patrols/patrol-time';
import { centerWallNow } from '../../app/time';

/**
 * 视频点名: upcoming windows with the preparation checklist, the answer sheet
 * in large type for reading aloud, and the record of each call. The
 * rehabilitation center's liaison sees only the daily figures form.
 */
export default function RollCallsPage() {
  const user = useCurrentUser();
  const isLiaison = hasAnyRole(user, ['unit_liaison']);
  const [date, setDate] = useState(centerToday());

  if (isLiaison) {
    return (
      <>
        <PageHeader title="戒毒所每日情况" description="每日填报戒毒人员数量、一日活动和监管安全秩序，供省司法厅视频点名时如实报告。" />
        <RehabDailyForm date={date} onDateChange={setDate} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="视频点名"
        description="法定节假日和重要敏感时期 9:30-11:30、15:00-17:00、21:00-23:00 响应省司法厅视频点名。"
        extra={
          <Space>
            <span>点名日期</span>
            <DatePicker allowClear={false} value={dayjs(date)} onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))} />
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <WindowsCard />
          <RehabDailyForm date={date} />
        </Col>
        <Col xs={24} lg={16}>
          <AnswerSheetCard date={date} />
          <RollCallRecords />
        </Col>
      </Row>
    </>
  );
}

function WindowsCard() {
  const windowsQuery = useRollCallWindows();
  if (windowsQuery.isLoading) return <LoadingState />;
  if (windowsQuery.isError) return <ErrorState error={windowsQuery.error} onRetry={() => void windowsQuery.refetch()} />;
  const days = (windowsQuery.data?.days ?? []).filter((day) => day.windows.length > 0);
  return (
    <Card title="近期点名时段" size="small" style={{ marginBottom: 16 }}>
      {days.length === 0 ? <EmptyState description="未来14天没有点名时段" /> : null}
      {days.map((day) => (
        <div key={day.date} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{day.date}</Typography.Text> <Tag color="red">{day.name ?? day.dayTypeLabel}</Tag>
          <div>{day.windows.map((window) => <Tag key={window.start}>{window.startTime}-{window.endTime}</Tag>)}</div>
        </div>
      ))}
      <Typography.Title level={5} style={{ marginTop: 12 }}>点名准备事项</Typography.Title>
      <List size="small" dataSource={windowsQuery.data?.checklist ?? []} renderItem={(item, index) => <List.Item>{index + 1}. {item}</List.Item>} />
    </Card>
  );
}

function AnswerSheetCard({ date }: { date: string }) {
  const sheetQuery = useAnswerSheet(date);
  const sheet = sheetQuery.data;
  return (
    <Card title={`点名应答单（${date}${sheet ? ` · ${sheet.dayTypeLabel}` : ''}）`} style={{ marginBottom: 16 }}>
      {sheetQuery.isLoading ? <LoadingState /> : null}
      {sheetQuery.isError ? <ErrorState error={sheetQuery.error} onRetry={() => void sheetQuery.refetch()} /> : null}
      {sheet
        ? sheet.items.map((item, index) => (
            <div key={item.question} style={{ marginBottom: 20 }}>
              <Typography.Text type="secondary" style={{ fontSize: 18 }}>
                {index + 1}. 省司法厅问询：{item.question}
              </Typography.Text>
              <Typography.Paragraph style={{ fontSize: 24, lineHeight: 1.6, margin: '4px 0 0' }} data-testid="answer">
                报告：{item.answer}
              </Typography.Paragraph>
              {item.missing.length > 0 ? <Tag color="warning">待核实：{item.missing.join('、')}</Tag> : null}
            </div>
          ))
        : null}
      {sheet ? <RecordForm date={date} items={sheet.items} defaultAnswerer={sheet.officers[0]?.name ?? ''} /> : null}
    </Card>
  );
}

function RecordForm({ date, items, defaultAnswerer }: { date: string; items: { question: string; answer: string }[]; defaultAnswerer: string }) {
  const record = useRecordRollCall();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm();

  async function handleSave() {
    const values = await form.validateFields();
    try {
      await record.mutateAsync({
        calledAt: toApiInstant(values.calledAt),
        caller: values.caller,
        answeredBy: values.answeredBy,
        answers: items.map((item) => ({ question: item.question, answer: item.answer })),
        remarks: values.remarks ?? null,
      });
      void message.success('点名情况已登记');
      form.resetFields(['remarks']);
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Card type="inner" title="登记本次点名" size="small">
      <Form form={form} layout="inline" initialValues={{ calledAt: centerWallNow(), caller: '省司法厅指挥中心', answeredBy: defaultAnswerer }} key={date}>
        <Form.Item name="calledAt" label="点名时间" rules={[{ required: true }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
        <Form.Item name="caller" label="点名人" rules={[{ required: true, message: '请填写点名人' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="answeredBy" label="应答人" rules={[{ required: true, message: '请填写应答人' }]}><Input maxLength={50} /></Form.Item>
        <Form.Item name="remarks" label="备注（问询的其他问题及答复）" style={{ width: '100%', marginTop: 8 }}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Button type="primary" loading={record.isPending} onClick={() => void handleSave()} style={{ marginTop: 8 }}>登记点名</Button>
      </Form>
    </Card>
  );
}

function RollCallRecords() {
  const recordsQuery = useRollCalls();
  return (
    <Card title="点名记录（近30天）" size="small">
      {recordsQuery.isError ? <ErrorState error={recordsQuery.error} onRetry={() => void recordsQuery.refetch()} /> : null}
      <Table
        rowKey="id"
        size="small"
        loading={recordsQuery.isLoading}
        dataSource={recordsQuery.data ?? []}
        pagination={{ pageSize: 5 }}
        locale={{ emptyText: <EmptyState description="近30天没有点名记录" /> }}
        columns={[
          { title: '时间', dataIndex: 'calledAt', width: 110, render: (value: string) => shortInstant(value) },
          { title: '点名人', dataIndex: 'caller' },
          { title: '应答人', dataIndex: 'answeredBy', width: 90 },
          { title: '问答', dataIndex: 'items', width: 70, render: (items: unknown[]) => `${items.length}项` },
          { title: '备注', dataIndex: 'remarks', render: (value: string | null) => value ?? '—' },
        ]}
      />
    </Card>
  );
}

function RehabDailyForm({ date, onDateChange }: { date: string; onDateChange?: (date: string) => void }) {
  const reportQuery = useRehabDaily(date);
  const save = useSaveRehabDaily(date);
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const report = reportQuery.data;

  async function handleSave() {
    const values = await form.validateFields();
    try {
      await save.mutateAsync(values);
      void message.success('戒毒所每日情况已保存');
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Card title={`戒毒所每日情况（${date}）`} size="small" extra={onDateChange ? <DatePicker allowClear={false} value={dayjs(date)} onChange={(value) => value && onDateChange(value.format('YYYY-MM-DD'))} /> : null}>
      {reportQuery.isLoading ? <LoadingState /> : null}
      {report ? <Typography.Paragraph type="secondary">{report.submittedByName}于{shortInstant(report.updatedAt)}填报</Typography.Paragraph> : null}
      {!reportQuery.isLoading ? (
        <Form form={form} layout="vertical" key={`${date}-${report?.updatedAt ?? 'new'}`} initialValues={report ?? undefined}>
          <Form.Item name="inmateCount" label="戒毒人员数量（名）" rules={[{ required: true, message: '请填写戒毒人员数量' }]}><InputNumber min={0} max={100000} /></Form.Item>
          <Form.Item name="policeOnDuty" label="干警在岗在位情况" rules={[{ required: true, message: '请填写干警在岗在位情况' }]}><Input maxLength={500} /></Form.Item>
          <Form.Item name="activities" label="一日活动" rules={[{ required: true, message: '请填写一日活动' }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <Form.Item name="orderStatus" label="监管安全秩序" rules={[{ required: true, message: '请填写监管安全秩序' }]}><Input maxLength={500} /></Form.Item>
          <Button type="primary" loading={save.isPending} onClick={() => void handleSave()}>保存</Button>
        </Form>
      ) : null}
    </Card>
  );
}
