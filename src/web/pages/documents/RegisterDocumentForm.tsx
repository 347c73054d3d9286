import { Alert, Button, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  CLASSIFIED_FAX_RULE,
  DOCUMENT_KIND_LABELS,
  URGENCY_LABELS,
  urgencies,
  type DocumentKind,
  type Urgency,
} from '../../../domain/documents/index';
import { useRegisterDocument, type DocumentDetail } from '../../api/documents';
import { useShowError } from '../../components/feedback';
import { inputToInstant, nowForInput } from './document-labels';
import { useEnterNavigation } from './use-enter-navigation';

interface FormValues {
  kind: Exclude<DocumentKind, 'phone_record'>;
  senderUnit: string;
  referenceNumber?: string;
  title: string;
  urgency: Urgency;
  copies: number;
  receivedAt: string;
  attachmentTitles?: string;
  content?: string;
}

const registerKinds = ['plain_fax', 'electronic', 'classified_fax'] as const;

function defaults(kind: FormValues['kind']): Partial<FormValues> {
  return { kind, urgency: 'normal', copies: 1, receivedAt: nowForInput(), senderUnit: '', referenceNumber: '', title: '', attachmentTitles: '', content: '' };
}

/**
 * 收文登记 form, built for speed: the sending unit has the focus, Enter moves
 * on, Ctrl+Enter registers, and after each registration the form is ready for
 * the next document of the same kind.
 */
export function RegisterDocumentForm({ onRegistered }: { onRegistered?: (document: DocumentDetail) => void }) {
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'plain_fax';
  const register = useRegisterDocument();
  const showError = useShowError();
  const senderRef = useRef<HTMLInputElement>(null);
  const [last, setLast] = useState<DocumentDetail | null>(null);
  const classified = kind === 'classified_fax';

  useEffect(() => {
    senderRef.current?.focus();
  }, []);

  async function handleSubmit() {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const receivedAt = inputToInstant(values.receivedAt);
    if (!receivedAt) {
      form.setFields([{ name: 'receivedAt', errors: ['请按“2026-03-10 09:15”的格式填写收文时间'] }]);
      return;
    }
    const attachmentTitles = classified ? [] : (values.attachmentTitles ?? '').split(/[、,，;；\n]/).map((title) => title.trim()).filter(Boolean);
    try {
      const document = await register.mutateAsync({
        kind: values.kind,
        senderUnit: values.senderUnit,
        referenceNumber: values.referenceNumber || null,
        title: values.title,
        urgency: values.urgency,
        copies: values.copies,
        receivedAt,
        attachmentTitles,
        content: classified ? null : values.content || null,
      });
      setLast(document);
      form.setFieldsValue(defaults(values.kind));
      senderRef.current?.focus();
      onRegistered?.(document);
    } catch (error) {
      showError(error, form);
    }
  }

  const handleKeyDown = useEnterNavigation(() => void handleSubmit());

  return (
    <div onKeyDown={handleKeyDown}>
      {last ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已登记：收文编号 ${last.serial}`}
          description={`《${last.title}》，可继续登记下一份。`}
        />
      ) : null}
      <Form<FormValues> form={form} layout="vertical" initialValues={defaults('plain_fax')} requiredMark="optional" name="register">
        <Form.Item name="kind" label="文电类型" className="nav-field" rules={[{ required: true, message: '请选择文电类型' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={registerKinds.map((value) => ({ value, label: DOCUMENT_KIND_LABELS[value] }))} />
        </Form.Item>
        {classified ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="密传文件只登记元数据" description={CLASSIFIED_FAX_RULE} /> : null}
        <Form.Item name="senderUnit" label="来文单位" className="nav-field" rules={[{ required: true, whitespace: true, message: '请填写来文单位' }, { max: 100 }]}>
          <Input ref={(element) => { senderRef.current = element?.input ?? null; }} placeholder="如：海南省司法厅" autoComplete="off" />
        </Form.Item>
        <Form.Item name="referenceNumber" label="来文文号" className="nav-field" rules={[{ max: 64 }]}>
          <Input placeholder="如：琼司发〔2026〕12号（同一单位同一文号只能登记一次）" autoComplete="off" />
        </Form.Item>
        <Form.Item name="title" label="标题" className="nav-field" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Space size={24} wrap>
          <Form.Item name="urgency" label="紧急程度" className="nav-field" rules={[{ required: true, message: '请选择紧急程度' }]}>
            <Radio.Group optionType="button" options={urgencies.map((value) => ({ value, label: URGENCY_LABELS[value] }))} />
          </Form.Item>
          <Form.Item name="copies" label="份数" className="nav-field" rules={[{ required: true, message: '请填写份数' }]}>
            <InputNumber min={1} max={999} precision={0} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="receivedAt" label="收文时间" className="nav-field" rules={[{ required: true, message: '请填写收文时间' }]}>
            <Input style={{ width: 180 }} placeholder="2026-03-10 09:15" autoComplete="off" />
          </Form.Item>
        </Space>
        {classified ? null : (
          <>
            <Form.Item name="attachmentTitles" label="附件清单" className="nav-field" extra="多个附件用顿号或逗号分隔">
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="content" label="正文摘要" className="nav-field" rules={[{ max: 20000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </>
        )}
        <Space align="center">
          <Button type="primary" onClick={() => void handleSubmit()} loading={register.isPending}>
            登记（Ctrl+Enter）
          </Button>
          <Typography.Text type="secondary">回车跳到下一项；默认收文时间为当前时间、紧急程度为平急。</Typography.Text>
        </Space>
      </Form>
    </div>
  );
}
