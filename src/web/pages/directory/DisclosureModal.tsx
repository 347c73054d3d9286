import { Alert, Form, Input, Modal, Radio, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { VERIFICATION_METHOD_LABELS, verificationMethods, type VerificationMethod } from '../../../domain/documents/index';
import { PHONE_FIELD_LABELS, useDisclose, type DirectoryEntry, type PhoneField } from '../../api/directory';
import { useShowError } from '../../components/feedback';

interface FormValues {
  phoneField: PhoneField;
  requesterName: string;
  requesterUnit: string;
  verification: VerificationMethod;
  verificationNote?: string;
  reason: string;
}

/**
 * Records a disclosure (号码提供登记): the officer enters who asked, how
 * their identity was verified and why, and only then gets the number to give.
 */
export function DisclosureModal({ entry, onClose }: { entry: DirectoryEntry; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const verification = Form.useWatch('verification', form);
  const disclose = useDisclose();
  const showError = useShowError();
  const [phone, setPhone] = useState<string | null>(null);

  async function handleOk() {
    if (phone) {
      onClose();
      return;
    }
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      const result = await disclose.mutateAsync({ entryType: entry.type, entryId: entry.id, ...values, verificationNote: values.verificationNote || null });
      setPhone(result.phone);
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Modal open title={`提供号码：${entry.unitName} ${entry.type === 'person' ? entry.name : ''}`} okText={phone ? '完成' : '登记并显示号码'} cancelText="取消" onOk={() => void handleOk()} onCancel={onClose} confirmLoading={disclose.isPending} cancelButtonProps={{ style: phone ? { display: 'none' } : undefined }} destroyOnHidden>
      {phone ? (
        <Result status="success" title={<Typography.Text copyable style={{ fontSize: 24 }}>{phone}</Typography.Text>} subTitle="本次提供已登记并记入审计日志。" />
      ) : (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="重要电话号码不得向与工作无关的人员提供。请先核实对方身份、确认是工作需要，再登记后提供。" />
          <Form<FormValues> form={form} layout="vertical" initialValues={{ phoneField: entry.available[0], verification: 'callback' }}>
            <Form.Item name="phoneField" label="号码类型" rules={[{ required: true, message: '请选择号码类型' }]}>
              <Radio.Group options={entry.available.map((value) => ({ value, label: PHONE_FIELD_LABELS[value] }))} />
            </Form.Item>
            <Form.Item name="requesterName" label="询问人姓名" rules={[{ required: true, whitespace: true, message: '请填写询问人姓名' }]}>
              <Input autoFocus maxLength={32} />
            </Form.Item>
            <Form.Item name="requesterUnit" label="询问人单位" rules={[{ required: true, whitespace: true, message: '请填写询问人单位' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="verification" label="核实方式" rules={[{ required: true, message: '请选择核实方式' }]}>
              <Select options={verificationMethods.map((value) => ({ value, label: VERIFICATION_METHOD_LABELS[value] }))} />
            </Form.Item>
            <Form.Item name="verificationNote" label="核实说明" rules={[{ required: verification === 'other', whitespace: true, message: '核实方式为“其他”时请写明如何核实' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="reason" label="询问事由" rules={[{ required: true, whitespace: true, message: '请填写询问事由（工作需要）' }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={200} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
