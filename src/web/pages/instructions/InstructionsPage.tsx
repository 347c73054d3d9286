/** Leaders' instructions (领导批示): register and assign, follow each unit's daily feedback, close. */
import { App, Button, Card, DatePicker, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useInstructionAction, useInstructions, type Instruction } from '../../api/reports';
import { useUnits } from '../../api/units';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { centerToday, formatClock, formatDateTime } from '../../app/time';

interface RegisterForm {
  leaderName: string;
  issuedOn: dayjs.Dayjs;
  text: string;
  unitIds: string[];
}

export default function InstructionsPage() {
  const user = useCurrentUser();
  const isCenter = !hasAnyRole(user, ['unit_liaison']);
  const instructions = useInstructions();
  const units = useUnits({ enabled: isCenter });
  const action = useInstructionAction();
  const showError = useShowError();
  const { message } = App.useApp();
  const [registering, setRegistering] = useState(false);
  const [feedbackFor, setFeedbackFor] = useState<Instruction | null>(null);
  const [feedback, setFeedback] = useState('');
  const [form] = Form.useForm<RegisterForm>();

  async function run(path: string, body: unknown, done: string): Promise<boolean> {
    try {
      await action.mutateAsync({ path, body });
      void message.success(done);
      return true;
    } catch (error) {
      showError(error, form);
      return false;
    }
  }

  async function handleRegister() {
    const values = await form.validateFields();
    const ok = await run('/api/instructions', { ...values, issuedOn: values.issuedOn.format('YYYY-MM-DD') }, '已登记并交办。');
    if (ok) {
      setRegistering(false);
      form.resetFields();
    }
  }

  return (
    <div>
      <PageHeader
        title="领导批示"
        description="承办单位当天反馈贯彻落实情况，并每日续报，直至局指挥中心办结；超时未反馈的标红并自动提醒。"
        extra={isCenter && <Button type="primary" onClick={() => setRegistering(true)}>登记批示</Button>}
      />
      {instructions.isLoading ? (
        <LoadingState />
      ) : instructions.isError ? (
        <ErrorState error={instructions.error} onRetry={() => void instructions.refetch()} />
      ) : (instructions.data ?? []).length === 0 ? (
        <EmptyState description="暂无领导批示" />
      ) : (
        <List
          dataSource={instructions.data}
          renderItem={(instruction) => (
            <Card size="small" style={{ marginBottom: 12, borderColor: instruction.overdue ? '#ff4d4f' : undefined }}
              title={<Space wrap>{instruction.leaderName}批示<span>{instruction.issuedOn}</span>{instruction.status === 'closed' ? <Tag>已办结</Tag> : <Tag color="processing">办理中</Tag>}{instruction.overdue && <Tag color="red">反馈超时</Tag>}</Space>}
              extra={
                <Space>
                  {instruction.status === 'open' && <Button size="small" onClick={() => { setFeedbackFor(instruction); setFeedback(''); }}>反馈</Button>}
                  {isCenter && instruction.status === 'open' && <Button size="small" onClick={() => void run(`/api/instructions/${instruction.id}/close`, {}, '已办结。')}>办结</Button>}
                </Space>
              }
            >
              <Typography.Paragraph>{instruction.text}</Typography.Paragraph>
              <Space wrap style={{ marginBottom: 8 }}>
                {instruction.units.map((unit) => (
                  <Tag key={unit.unitId} color={unit.overdue ? 'red' : unit.dueDate ? 'gold' : 'green'}>
                    {unit.unitName}：{unit.overdue ? `${unit.dueDate} 未反馈` : unit.dueDate ? `今日 ${formatClock(unit.dueAt)} 前反馈` : '已反馈'}
                  </Tag>
                ))}
              </Space>
              {instruction.feedback.length > 0 && (
                <List size="small" dataSource={[...instruction.feedback].reverse()} renderItem={(entry) => (
                  <List.Item><Typography.Text type="secondary">{formatDateTime(entry.submittedAt)} {entry.unitName}</Typography.Text>：{entry.content}</List.Item>
                )} />
              )}
            </Card>
          )}
        />
      )}
      <Modal title="登记领导批示" open={registering} okText="登记并交办" onCancel={() => setRegistering(false)} onOk={() => void handleRegister()}>
        <Form form={form} layout="vertical" initialValues={{ issuedOn: dayjs(centerToday()) }}>
          <Form.Item name="leaderName" label="批示领导" rules={[{ required: true, message: '请填写批示领导' }]}><Input maxLength={50} /></Form.Item>
          <Form.Item name="issuedOn" label="批示日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="text" label="批示内容" rules={[{ required: true, message: '请填写批示内容' }]}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>
          <Form.Item name="unitIds" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
            <Select mode="multiple" options={(units.data ?? []).filter((unit) => unit.active && unit.kind !== 'command_center').map((unit) => ({ value: unit.id, label: unit.name }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="反馈落实情况" open={feedbackFor !== null} okText="提交反馈" onCancel={() => setFeedbackFor(null)}
        onOk={async () => { if (feedbackFor && (await run(`/api/instructions/${feedbackFor.id}/feedback`, { content: feedback }, '已反馈。'))) setFeedbackFor(null); }}>
        <Input.TextArea rows={4} value={feedback} onChange={(event) => setFeedback(event.target.value)} placeholder="当日贯彻落实情况" />
      </Modal>
    </div>
  );
}
