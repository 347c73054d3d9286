import { App, Button, Drawer, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useAddSeatLog, useSeatLog, type Seat } from '../../api/seats';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { ErrorState } from '../../components/states';

const handlerRoles = ['duty_commander', 'shift_leader', 'duty_officer'] as const;

/** 席位日志 of one seat; the seat person writes entries while checked in, duty handlers at any time. */
export function SeatLogDrawer({ seat, seatedHere, onClose }: { seat: Seat; seatedHere: boolean; onClose: () => void }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const log = useSeatLog(seat.id);
  const addEntry = useAddSeatLog();
  const [content, setContent] = useState('');
  const mayWrite = seatedHere || hasAnyRole(user, handlerRoles);

  async function handleAdd() {
    if (content.trim() === '') return;
    try {
      await addEntry.mutateAsync({ seatId: seat.id, content: content.trim() });
      setContent('');
      void message.success('已记录');
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Drawer open title={`${seat.name}席位日志`} size="large" onClose={onClose}>
      {mayWrite ? (
        <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
          <Input.TextArea value={content} onChange={(event) => setContent(event.target.value)} rows={3} maxLength={2000} placeholder="记录席位值守情况、处置事项、发现的问题…" aria-label="日志内容" />
          <Button type="primary" onClick={handleAdd} loading={addEntry.isPending} disabled={content.trim() === ''} style={{ height: 'auto' }}>
            记录
          </Button>
        </Space.Compact>
      ) : (
        <Typography.Paragraph type="secondary">在该席位签到后可填写席位日志。</Typography.Paragraph>
      )}
      {log.error ? <ErrorState error={log.error} /> : null}
      <List
        loading={log.isLoading}
        dataSource={log.data?.entries ?? []}
        locale={{ emptyText: '暂无日志' }}
        renderItem={(entry) => (
          <List.Item>
            <List.Item.Meta title={`${formatInstant(entry.at).slice(0, 16)}  ${entry.authorName}`} description={<span style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.88)' }}>{entry.content}</span>} />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
