/** The liaison's form to add a 书面补报, 初步核查, 续报 or 终报 to one of the unit's items. */
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useAddItemUpdate, type ItemUpdateKind, type ReportItem } from '../../api/reports';
import { useShowError } from '../../components/feedback';
import { owesWrittenSupplement } from './ItemDetailDrawer';

const KIND_LABELS: Record<ItemUpdateKind, string> = { written_supplement: '书面补报', verification: '初步核查', follow_up: '续报', closing: '终报' };

/** Returns the update kinds the server accepts for an item in its current state. */
function allowedKinds(item: ReportItem): ItemUpdateKind[] {
  const kinds: ItemUpdateKind[] = [];
  if (owesWrittenSupplement(item)) kinds.push('written_supplement');
  if (item.verifiedAt === null) kinds.push('verification');
  kinds.push('follow_up', 'closing');
  return kinds;
}

export function ItemUpdateModal({ item, onClose }: { item: ReportItem | null; onClose: () => void }) {
  const add = useAddItemUpdate();
  const showError = useShowError();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ItemUpdateKind>('follow_up');
  const [content, setContent] = useState('');

  useEffect(() => {
    if (!item) return;
    setKind(allowedKinds(item)[0] ?? 'follow_up');
    setContent('');
  }, [item]);

  async function handleOk() {
    if (!item) return;
    try {
      await add.mutateAsync({ id: item.id, kind, content });
      void message.success(`已报送${KIND_LABELS[kind]}。`);
      onClose();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Modal title="补报 / 续报" open={item !== null} okText="报送" confirmLoading={add.isPending} onCancel={onClose} onOk={() => void handleOk()}>
      {item && (
        <Form layout="vertical">
          <Typography.Paragraph>信息：{item.title}</Typography.Paragraph>
          <Form.Item label="报送类型" required>
            <Radio.Group value={kind} onChange={(event) => setKind(event.target.value as ItemUpdateKind)} optionType="button">
              {allowedKinds(item).map((value) => (
                <Radio.Button key={value} value={value}>{KIND_LABELS[value]}</Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item label="内容" required>
            <Input.TextArea aria-label="补报内容" rows={5} maxLength={4000} value={content} onChange={(event) => setContent(event.target.value)}
              placeholder="写明新的进展、核查结论或处置结果" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
