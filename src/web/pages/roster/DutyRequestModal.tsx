import { Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { dutyPostLabels, useCandidates, useCreateDutyRequest, useRoster, type DutyPost, type DutyRequestInput, type RosterDay, type RosterSlot } from '../../api/roster';
import { useShowError } from '../../components/feedback';
import { DateStringPicker } from '../../components/DateStringPicker';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Lists the people holding the role on the counterpart's date, who may take part in a swap. */
function swapOptions(day: RosterDay | undefined, role: DutyPost): { value: string; label: string }[] {
  if (!day) return [];
  let people: (RosterSlot | null)[] = day.officers;
  if (role === 'commander') people = [day.commander];
  if (role === 'shiftLeader') people = [day.shiftLeader];
  return people.filter((person) => person !== null).map((person) => ({ value: person.personId, label: person.name }));
}

/** New swap (换班) or substitution (替班) request for one of the user's own duties. */
export function DutyRequestModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<DutyRequestInput>();
  const create = useCreateDutyRequest();
  const showError = useShowError();
  const kind = Form.useWatch('kind', form) ?? 'swap';
  const role = (Form.useWatch('role', form) ?? 'officer') as DutyPost;
  const date = Form.useWatch('date', form) ?? '';
  const counterpartDate = Form.useWatch('counterpartDate', form) ?? '';
  const [submitted, setSubmitted] = useState(false);

  const validCounterpartDate = isoDatePattern.test(counterpartDate) ? counterpartDate : null;
  const counterpartRoster = useRoster(validCounterpartDate?.slice(0, 7) ?? '2000-01');
  const candidates = useCandidates(kind === 'substitution' && isoDatePattern.test(date) ? date : null, role);

  const counterpartOptions =
    kind === 'swap'
      ? swapOptions(counterpartRoster.data?.days.find((candidate) => candidate.date === validCounterpartDate), role)
      : (candidates.data?.candidates ?? []).map((candidate) => ({ value: candidate.personId, label: `${candidate.name}（共 ${candidate.totalCount} 次）` }));

  async function handleSubmit() {
    const values = await form.validateFields();
    setSubmitted(true);
    create.mutate(
      { ...values, counterpartDate: values.kind === 'swap' ? values.counterpartDate : null },
      { onSuccess: onClose, onError: (error) => { setSubmitted(false); showError(error, form); } },
    );
  }

  return (
    <Modal open title="申请换班或替班" okText="提交申请" cancelText="取消" onOk={handleSubmit} onCancel={onClose} confirmLoading={create.isPending || submitted}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'swap', role: 'officer' }}>
        <Form.Item name="kind" label="类型">
          <Radio.Group options={[{ value: 'swap', label: '换班（与对方交换值班日）' }, { value: 'substitution', label: '替班（对方代本人值班）' }]} />
        </Form.Item>
        <Form.Item name="role" label="岗位">
          <Select options={(Object.keys(dutyPostLabels) as DutyPost[]).map((value) => ({ value, label: dutyPostLabels[value] }))} />
        </Form.Item>
        <Form.Item name="date" label="本人值班日期" rules={[{ required: true, pattern: isoDatePattern, message: '请填写 YYYY-MM-DD 格式的日期' }]}>
          <DateStringPicker />
        </Form.Item>
        {kind === 'swap' ? (
          <Form.Item name="counterpartDate" label="对方值班日期" rules={[{ required: true, pattern: isoDatePattern, message: '请填写对方值班的日期' }]}>
            <DateStringPicker />
          </Form.Item>
        ) : null}
        <Form.Item name="counterpartPersonId" label={kind === 'swap' ? '对方人员（当天同岗位值班人员）' : '替班人员（系统推荐，负担轻者在前）'} rules={[{ required: true, message: '请选择对方人员' }]}>
          <Select options={counterpartOptions} placeholder="请先填写日期" notFoundContent="该日期没有可选人员" />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
