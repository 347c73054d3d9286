import { App, Form, Input, Modal, Select } from 'antd';
import { useSubmissionForm, useSubmitStaff, type UnitSubmission } from '../../api/submissions';
import { useShowError } from '../../components/feedback';
import { ErrorState, LoadingState } from '../../components/states';

type FormValues = Record<string, string[] | string | undefined> & { note?: string };

function groupKey(role: string, seatId: string | null): string {
  return `${role}__${seatId ?? ''}`;
}

/** Shows the form of one unit's submission: one multi-select per duty role or seat, prefilled with the last submission. */
export function SubmissionFormModal({ month, unit, onClose }: { month: string; unit: UnitSubmission; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const showError = useShowError();
  const formData = useSubmissionForm(month, unit.unitId);
  const submit = useSubmitStaff();

  const initialValues: FormValues = { note: unit.note ?? undefined };
  for (const entry of unit.entries) initialValues[groupKey(entry.role, entry.seatId)] = entry.people.map((person) => person.personId);

  async function handleSubmit() {
    const values = await form.validateFields();
    const groups = formData.data?.groups ?? [];
    const entries = groups
      .map((group) => ({ role: group.role, seatId: group.seatId, personIds: (values[groupKey(group.role, group.seatId)] as string[] | undefined) ?? [] }))
      .filter((entry) => entry.personIds.length > 0);
    try {
      await submit.mutateAsync({ month, unitId: unit.unitId, entries, note: (values.note as string | undefined) ?? null });
      void message.success('已报送');
      onClose();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Modal open title={`${unit.unitName} · ${month} 人员报送`} width={640} onCancel={onClose} onOk={handleSubmit} okText="提交报送" cancelText="取消" confirmLoading={submit.isPending} destroyOnHidden>
      {formData.isLoading ? <LoadingState /> : null}
      {formData.error ? <ErrorState error={formData.error} /> : null}
      {formData.data ? (
        <Form form={form} layout="vertical" initialValues={initialValues}>
          {formData.data.groups.map((group) => (
            <Form.Item key={groupKey(group.role, group.seatId)} name={groupKey(group.role, group.seatId)} label={group.label} extra={group.candidates.length === 0 ? '本单位没有可选人员，请先在人员管理中设置值班角色。' : undefined}>
              <Select
                mode="multiple"
                allowClear
                placeholder={`选择${group.label}人员`}
                optionFilterProp="label"
                options={group.candidates.map((person) => ({ value: person.personId, label: `${person.name}（${person.unitName}）` }))}
              />
            </Form.Item>
          ))}
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：某人某日因公外出，不能值班" />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
