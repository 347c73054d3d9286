import { App, Button, Form, Input, Modal, Popconfirm, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { OPINION_KIND_LABELS, opinionKinds, type OpinionKind } from '../../../domain/documents/index';
import { useDocumentAction, type DocumentAction, type DocumentDetail } from '../../api/documents';
import { useUnits } from '../../api/units';
import { useShowError } from '../../components/feedback';

type Dialog = 'report' | 'opinion' | 'transfer' | null;

/** Renders the handling buttons of a document: report, opinion, transfer, archive and destroy. */
export function DocumentActions({ document }: { document: DocumentDetail }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const action = useDocumentAction();
  const unitsQuery = useUnits();
  const showError = useShowError();
  const { message } = App.useApp();
  const closed = document.status === 'archived' || document.status === 'destroyed';
  const unsigned = document.transfers.some((transfer) => !transfer.signedAt);
  const transferred = new Set(document.transfers.map((transfer) => transfer.unitId));

  async function run(step: DocumentAction, done: string) {
    try {
      await action.mutateAsync({ id: document.id, action: step });
      void message.success(done);
      setDialog(null);
      form.resetFields();
    } catch (error) {
      showError(error, form);
    }
  }

  async function handleOk() {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (dialog === 'report') await run({ type: 'report', reportedToName: (values.reportedToName as string) || null, note: (values.note as string) || null }, '已记录报告值班长');
    if (dialog === 'opinion') await run({ type: 'opinion', kind: values.kind as OpinionKind, authorName: (values.authorName as string) || null, text: values.text as string }, '已记录办理意见');
    if (dialog === 'transfer') await run({ type: 'transfer', unitIds: values.unitIds as string[], note: (values.note as string) || null }, '已转办，等待承办单位签收');
  }

  if (closed) return null;
  const titles: Record<Exclude<Dialog, null>, string> = { report: '报告值班长', opinion: '记录拟办意见或领导批示', transfer: '转办承办单位' };
  return (
    <>
      <Space wrap>
        <Button onClick={() => setDialog('report')} disabled={document.reportedAt !== null}>
          {document.reportedAt ? '已报告值班长' : '报告值班长'}
        </Button>
        <Button onClick={() => setDialog('opinion')}>记录意见</Button>
        <Button type="primary" onClick={() => setDialog('transfer')}>
          转办
        </Button>
        <Popconfirm title="确定归档吗？" description="归档后不能再办理。" okText="归档" cancelText="取消" disabled={unsigned} onConfirm={() => run({ type: 'archive', note: '转办公室保密员存档' }, '已归档')}>
          <Button disabled={unsigned} title={unsigned ? '还有承办单位未签收' : undefined}>
            归档
          </Button>
        </Popconfirm>
        <Popconfirm title="确定销毁吗？" description="登记信息和办理过程会保留，并记录销毁人和时间。" okText="销毁" okButtonProps={{ danger: true }} cancelText="取消" disabled={unsigned} onConfirm={() => run({ type: 'destroy', note: null }, '已记录销毁')}>
          <Button danger disabled={unsigned}>
            销毁
          </Button>
        </Popconfirm>
      </Space>
      <Modal open={dialog !== null} title={dialog ? titles[dialog] : ''} okText="确定" cancelText="取消" onOk={() => void handleOk()} confirmLoading={action.isPending} onCancel={() => setDialog(null)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'proposal' }}>
          {dialog === 'report' ? (
            <>
              <Form.Item name="reportedToName" label="值班长" extra="不填则取当日排班的值班长">
                <Input autoFocus maxLength={32} />
              </Form.Item>
              <Form.Item name="note" label="备注">
                <Input maxLength={500} />
              </Form.Item>
            </>
          ) : null}
          {dialog === 'opinion' ? (
            <>
              <Form.Item name="kind" label="意见类型">
                <Radio.Group optionType="button" options={opinionKinds.map((value) => ({ value, label: OPINION_KIND_LABELS[value] }))} />
              </Form.Item>
              <Form.Item name="authorName" label="意见人" extra="不填则为当前登录人">
                <Input maxLength={32} />
              </Form.Item>
              <Form.Item name="text" label="意见内容" rules={[{ required: true, whitespace: true, message: '请填写意见内容' }]}>
                <Input.TextArea autoFocus autoSize={{ minRows: 3 }} maxLength={2000} />
              </Form.Item>
            </>
          ) : null}
          {dialog === 'transfer' ? (
            <>
              <Form.Item name="unitIds" label="承办单位" rules={[{ required: true, message: '请选择至少一个承办单位' }]}>
                <Select
                  mode="multiple"
                  autoFocus
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(unitsQuery.data ?? []).filter((unit) => unit.active && !transferred.has(unit.id)).map((unit) => ({ value: unit.id, label: unit.name }))}
                />
              </Form.Item>
              <Form.Item name="note" label="转办说明">
                <Input maxLength={500} />
              </Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
