import { Alert, Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { PHONE_RECORD_FIELD_LABELS, URGENCY_LABELS, urgencies, type PhoneRecordFields, type Urgency } from '../../../domain/documents/index';
import { useSavePhoneRecord, type PhoneRecord } from '../../api/documents';
import { useUnits } from '../../api/units';
import { useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { inputToInstant, nowForInput } from './document-labels';
import { useEnterNavigation } from './use-enter-navigation';
import { formatDateTime } from '../../app/time';

interface FormValues extends Record<keyof PhoneRecordFields, string | undefined> {
  calledAt: string;
  title?: string;
  urgency?: Urgency;
  callerUnitId?: string;
  majorIncident: boolean;
}

const textFields: (keyof PhoneRecordFields)[] = ['callerUnit', 'callerName', 'callerPosition', 'callerPhone', 'receiverName'];
const textFieldMaxLength: Partial<Record<keyof PhoneRecordFields, number>> = { callerUnit: 100, callerPhone: 20 };

/** 电话记录 form; a major-incident call requires every field, as the regulations ask. */
export function PhoneRecordDrawer({ record, onClose }: { record: PhoneRecord | null; onClose: () => void }) {
  const user = useCurrentUser();
  const [form] = Form.useForm<FormValues>();
  const major = Form.useWatch('majorIncident', form) ?? false;
  const save = useSavePhoneRecord();
  const unitsQuery = useUnits();
  const showError = useShowError();

  useEffect(() => {
    if (!record) return;
    form.setFieldsValue({ ...record, calledAt: formatDateTime(record.calledAt) } as unknown as FormValues);
  }, [form, record]);

  async function handleSubmit() {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const calledAt = inputToInstant(values.calledAt);
    if (!calledAt) {
      form.setFields([{ name: 'calledAt', errors: ['请按“2026-03-10 09:15”的格式填写来电时间'] }]);
      return;
    }
    const { calledAt: _typed, ...rest } = values;
    const input = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, value === '' ? null : value]));
    try {
      await save.mutateAsync({ id: record?.id ?? null, input: record ? input : { ...input, calledAt } });
      onClose();
    } catch (error) {
      showError(error, form);
    }
  }

  const handleKeyDown = useEnterNavigation(() => void handleSubmit());
  const required = (key: keyof PhoneRecordFields) => [{ required: major, whitespace: true, message: `重大案事件须填写${PHONE_RECORD_FIELD_LABELS[key]}` }];

  return (
    <Drawer
      open
      title={record ? `电话记录 ${record.serial}` : '登记电话记录'}
      size={620}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void handleSubmit()}>
            保存（Ctrl+Enter）
          </Button>
        </Space>
      }
    >
      <div onKeyDown={handleKeyDown}>
        <Form<FormValues> form={form} layout="vertical" initialValues={{ calledAt: nowForInput(), receiverName: user.name, majorIncident: false }} requiredMark="optional">
          <Space size={24} wrap>
            <Form.Item name="majorIncident" label="重大案事件" valuePropName="checked" className="nav-field">
              <Switch />
            </Form.Item>
            <Form.Item name="calledAt" label="来电时间" className="nav-field" rules={[{ required: true, message: '请填写来电时间' }]}>
              <Input style={{ width: 180 }} disabled={record !== null} autoComplete="off" />
            </Form.Item>
            <Form.Item name="urgency" label="紧急程度" className="nav-field">
              <Select<Urgency> style={{ width: 110 }} placeholder={major ? '特急' : '平急'} allowClear options={urgencies.map((value) => ({ value, label: URGENCY_LABELS[value] }))} />
            </Form.Item>
          </Space>
          {major ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="重大案事件的电话记录必须详细记录来电人姓名、电话号码、时间，受话人姓名和详细的受话内容。" /> : null}
          {textFields.map((key) => (
            <Form.Item key={key} name={key} label={PHONE_RECORD_FIELD_LABELS[key]} className="nav-field" rules={required(key)}>
              <Input autoFocus={key === 'callerUnit'} autoComplete="off" maxLength={textFieldMaxLength[key] ?? 64} />
            </Form.Item>
          ))}
          <Form.Item name="callerUnitId" label="来电单位（本系统单位，可选）" extra="选择后可一键转为该单位的突发案事件">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(unitsQuery.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))} />
          </Form.Item>
          <Form.Item name="title" label="事由（登记标题）" className="nav-field" extra="不填则取通话内容开头">
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
          <Form.Item name="content" label={PHONE_RECORD_FIELD_LABELS.content} className="nav-field" rules={required('content')}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={20000} />
          </Form.Item>
          <Form.Item name="handlingOpinion" label={PHONE_RECORD_FIELD_LABELS.handlingOpinion} className="nav-field" rules={required('handlingOpinion')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="handlingResult" label={PHONE_RECORD_FIELD_LABELS.handlingResult} className="nav-field" rules={required('handlingResult')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="handlerName" label={PHONE_RECORD_FIELD_LABELS.handlerName} className="nav-field" rules={required('handlerName')}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        </Form>
      </div>
    </Drawer>
  );
}
