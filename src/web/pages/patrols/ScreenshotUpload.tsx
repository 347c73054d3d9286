import { UploadOutlined } from '@ant-design/icons';
import { Button, Tag, Upload } from 'antd';
import { useState } from 'react';
import { apiUpload } from '../../app/api-client';
import { useShowError } from '../../components/feedback';

/** Form control for screenshots or clips: uploads each file and keeps the attachment ids as its value. */
export function ScreenshotUpload({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const showError = useShowError();
  const [names, setNames] = useState<Record<string, string>>({});
  const ids = value ?? [];

  async function handleUpload(file: File) {
    try {
      const body = await apiUpload<{ attachment: { id: string; fileName: string } }>('/api/attachments', 'file', file);
      setNames((current) => ({ ...current, [body.attachment.id]: body.attachment.fileName }));
      onChange?.([...ids, body.attachment.id]);
    } catch (error) {
      showError(error);
    }
    return false;
  }

  return (
    <>
      <Upload beforeUpload={(file) => handleUpload(file)} showUploadList={false} accept=".jpg,.jpeg,.png,.mp4">
        <Button icon={<UploadOutlined />}>截图或录像</Button>
      </Upload>
      {ids.map((id) => (
        <Tag key={id} closable onClose={() => onChange?.(ids.filter((candidate) => candidate !== id))} style={{ marginLeft: 4 }}>
          {names[id] ?? '附件'}
        </Tag>
      ))}
    </>
  );
}
