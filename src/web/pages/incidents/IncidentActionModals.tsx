/** Dialogs of the incident detail page: a handling step, a report, an order and its result. */
import { Form, Input, Modal } from 'antd';
import { useShowError } from '../../components/feedback';
import { useAddIncidentReport, useCompleteOrder, useIssueOrder, useRecordStep, type IncidentActions, type ReportKind } from '../../api/incidents';

const { TextArea } = Input;

export const reportKindLabels: Record<ReportKind, string> = { written: '书面报告', follow_up: '续报', verification: '核报', final: '终报' };

type Step = IncidentActions['steps'][number];

export function StepModal({ incidentId, step, onClose }: { incidentId: string; step: Step; onClose: () => void }) {
  const [form] = Form.useForm<{ note?: string; process?: string; handling?: string; lessons?: string }>();
  const recordStep = useRecordStep(incidentId);
  const showError = useShowError();
  const isSummary = step.step === 'summarize';

  async function handleOk() {
    const values = await form.validateFields();
    try {
      await recordStep.mutateAsync({
        step: step.step,
        note: values.note ?? null,
        summary: isSummary ? { process: values.process ?? '', handling: values.handling ?? '', lessons: values.lessons ?? '' } : undefined,
      });
      onClose();
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Modal open title={step.label} okText="登记" cancelText="取消" onOk={handleOk} onCancel={onClose} confirmLoading={recordStep.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        {isSummary ? (
          <>
            <Form.Item name="process" label="事件过程" rules={[{ required: true, whitespace: true, message: '请填写事件过程' }]}>
              <TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="handling" label="处置情况" rules={[{ required: true, whitespace: true, message: '请填写处置情况' }]}>
              <TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="lessons" label="经验教训" rules={[{ required: true, whitespace: true, message: '请填写经验教训' }]}>
              <TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="note" label="说明" rules={step.noteRequired ? [{ required: true, whitespace: true, message: step.noteRequired }] : []} extra={step.noteRequired ?? '可不填'}>
            <TextArea rows={3} maxLength={4000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ReportModal({ incidentId, kind, title, onClose }: { incidentId: string; kind: ReportKind; title: string; onClose: () => void }) {
  const [form] = Form.useForm<{ content: string }>();
  const addReport = useAddIncidentReport(incidentId);
  const showError = useShowError();

  async function handleOk() {
    const values = await form.validateFields();
    try {
      await addReport.mutateAsync({ kind, content: values.content });
      onClose();
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Modal open title={`登记${title}`} okText="登记" cancelText="取消" onOk={handleOk} onCancel={onClose} confirmLoading={addReport.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="content" label="报告内容" rules={[{ required: true, whitespace: true, message: '请填写报告内容' }]}>
          <TextArea rows={6} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OrderModal({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ assignee: string; content: string }>();
  const issueOrder = useIssueOrder(incidentId);
  const showError = useShowError();

  async function handleOk() {
    const values = await form.validateFields();
    try {
      await issueOrder.mutateAsync(values);
      onClose();
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Modal open title="下达指令" okText="下达" cancelText="取消" onOk={handleOk} onCancel={onClose} confirmLoading={issueOrder.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="assignee" label="承办单位或人员" rules={[{ required: true, whitespace: true, message: '请填写承办单位或人员' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="content" label="指令内容" rules={[{ required: true, whitespace: true, message: '请填写指令内容' }]}>
          <TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OrderDoneModal({ incidentId, orderId, onClose }: { incidentId: string; orderId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ result: string }>();
  const completeOrder = useCompleteOrder(incidentId);
  const showError = useShowError();

  async function handleOk() {
    const values = await form.validateFields();
    try {
      await completeOrder.mutateAsync({ orderId, result: values.result });
      onClose();
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Modal open title="登记指令落实情况" okText="登记" cancelText="取消" onOk={handleOk} onCancel={onClose} confirmLoading={completeOrder.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="result" label="落实情况" rules={[{ required: true, whitespace: true, message: '请填写落实情况' }]}>
          <TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
