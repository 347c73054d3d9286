import { App, Button, Card, Form, Input, Modal, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import {
  dutyPostLabels,
  dutyRequestStatusLabels,
  useAnswerDutyRequest,
  useCancelDutyRequest,
  useDecideDutyRequest,
  useDecideLeave,
  useDutyRequests,
  useLeaves,
  useRequestLeave,
  type DutyRequest,
  type Leave,
} from '../../api/roster';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/feedback';
import { DutyRequestModal } from './DutyRequestModal';
import { rosterManagerRoles } from './month';
import { DateStringPicker } from '../../components/DateStringPicker';

const leaveStatusLabels: Record<Leave['status'], { label: string; color: string }> = {
  requested: { label: '待审批', color: 'gold' },
  approved: { label: '已批准', color: 'green' },
  rejected: { label: '已驳回', color: 'default' },
};

export default function DutyRequestsPage() {
  const user = useCurrentUser();
  const isManager = hasAnyRole(user, rosterManagerRoles);
  const [creating, setCreating] = useState(false);
  const [leaveOpen, setLeaveOpen] = useState(false);

  return (
    <>
      <PageHeader
        title="换班、替班与请假"
        description="换班、替班须对方同意并经审批后生效；批准前值班表不变。"
        extra={
          <>
            <Button type="primary" onClick={() => setCreating(true)}>申请换班或替班</Button>
            <Button onClick={() => setLeaveOpen(true)}>申请请假</Button>
          </>
        }
      />
      <Card>
        <Tabs
          items={[
            { key: 'to_handle', label: '待我处理', children: <RequestTable scope="to_handle" /> },
            { key: 'mine', label: '我的申请', children: <RequestTable scope="mine" /> },
            ...(isManager ? [{ key: 'all', label: '全部换班替班', children: <RequestTable scope="all" /> }] : []),
            { key: 'leave', label: '我的请假', children: <LeaveTable scope="mine" /> },
            ...(isManager ? [{ key: 'leave-all', label: '请假审批', children: <LeaveTable scope="all" /> }] : []),
          ]}
        />
      </Card>
      {creating ? <DutyRequestModal onClose={() => setCreating(false)} /> : null}
      {leaveOpen ? <LeaveModal onClose={() => setLeaveOpen(false)} /> : null}
    </>
  );
}

function RequestTable({ scope }: { scope: 'mine' | 'to_handle' | 'all' }) {
  const requests = useDutyRequests(scope);
  const answer = useAnswerDutyRequest();
  const decide = useDecideDutyRequest();
  const cancel = useCancelDutyRequest();
  const showError = useShowError();
  const { message } = App.useApp();
  const done = (text: string) => ({ onSuccess: () => void message.success(text), onError: (error: unknown) => showError(error) });

  return (
    <Table<DutyRequest>
      size="small"
      rowKey="id"
      loading={requests.isPending}
      dataSource={requests.data?.requests ?? []}
      locale={{ emptyText: scope === 'to_handle' ? '没有待处理的申请' : '暂无申请' }}
      columns={[
        { title: '类型', dataIndex: 'kind', render: (kind: DutyRequest['kind']) => (kind === 'swap' ? '换班' : '替班') },
        { title: '岗位', dataIndex: 'role', render: (role: DutyRequest['role']) => dutyPostLabels[role] },
        { title: '申请人', render: (_, row) => `${row.requesterName}（${row.date}）` },
        { title: '对方', render: (_, row) => (row.counterpartDate ? `${row.counterpartName}（${row.counterpartDate}）` : row.counterpartName) },
        { title: '原因', dataIndex: 'reason' },
        { title: '状态', dataIndex: 'status', render: (status: DutyRequest['status']) => <Tag>{dutyRequestStatusLabels[status]}</Tag> },
        { title: '审批人', dataIndex: 'decidedBy' },
        {
          title: '操作',
          render: (_, row) => (
            <Space>
              {row.canAgree ? <Button size="small" type="primary" onClick={() => answer.mutate({ id: row.id, agree: true }, done('已同意，等待审批'))}>同意</Button> : null}
              {row.canAgree ? <Button size="small" onClick={() => answer.mutate({ id: row.id, agree: false }, done('已拒绝'))}>不同意</Button> : null}
              {row.canApprove ? <Button size="small" type="primary" onClick={() => decide.mutate({ id: row.id, approve: true }, done('已批准，值班表已更新'))}>批准</Button> : null}
              {row.canApprove ? <Button size="small" danger onClick={() => decide.mutate({ id: row.id, approve: false }, done('已驳回'))}>驳回</Button> : null}
              {row.canCancel ? <Button size="small" onClick={() => cancel.mutate(row.id, done('已撤回'))}>撤回</Button> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

function LeaveTable({ scope }: { scope: 'mine' | 'all' }) {
  const leaves = useLeaves(scope);
  const decide = useDecideLeave();
  const showError = useShowError();
  const { message } = App.useApp();
  const user = useCurrentUser();

  return (
    <Table<Leave>
      size="small"
      rowKey="id"
      loading={leaves.isPending}
      dataSource={leaves.data?.leaves ?? []}
      locale={{ emptyText: '暂无请假记录' }}
      columns={[
        { title: '人员', dataIndex: 'personName' },
        { title: '日期', render: (_, row) => `${row.from} 至 ${row.to}` },
        { title: '原因', dataIndex: 'reason' },
        { title: '状态', dataIndex: 'status', render: (status: Leave['status']) => <Tag color={leaveStatusLabels[status].color}>{leaveStatusLabels[status].label}</Tag> },
        {
          title: '涉及已发布值班',
          render: (_, row) => (row.affectedDuties.length === 0 ? '无' : row.affectedDuties.map((duty) => `${duty.date} ${dutyPostLabels[duty.role]}`).join('；')),
        },
        {
          title: '操作',
          render: (_, row) =>
            scope === 'all' && row.status === 'requested' && row.personId !== user.personId ? (
              <Space>
                <Button size="small" type="primary" onClick={() => decide.mutate({ id: row.id, approve: true }, { onSuccess: () => void message.success('已批准'), onError: (error) => showError(error) })}>批准</Button>
                <Button size="small" danger onClick={() => decide.mutate({ id: row.id, approve: false }, { onSuccess: () => void message.success('已驳回'), onError: (error) => showError(error) })}>驳回</Button>
              </Space>
            ) : null,
        },
      ]}
    />
  );
}

function LeaveModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ from: string; to: string; reason: string }>();
  const request = useRequestLeave();
  const showError = useShowError();

  async function handleSubmit() {
    const values = await form.validateFields();
    request.mutate(values, { onSuccess: onClose, onError: (error) => showError(error, form) });
  }

  return (
    <Modal open title="申请请假" okText="提交" cancelText="取消" onOk={handleSubmit} onCancel={onClose} confirmLoading={request.isPending}>
      <Form form={form} layout="vertical">
        <Form.Item name="from" label="开始日期" rules={[{ required: true, message: '请填写开始日期' }]}>
          <DateStringPicker />
        </Form.Item>
        <Form.Item name="to" label="结束日期" rules={[{ required: true, message: '请填写结束日期' }]}>
          <DateStringPicker />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写请假原因' }]}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
