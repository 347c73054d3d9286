import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useActivateSeats, useActivations, useEndActivation, useSeatCheck, useSeatStaff, type SeatActivation, type SeatStaffView } from '../../api/seats';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { ErrorState, LoadingState } from '../../components/states';
import { SeatConfigTable } from './SeatConfigTable';
import { SeatLogDrawer } from './SeatLogDrawer';
import { StandbyScheduleTable } from './StandbyScheduleTable';

/** The server's lists: who starts and ends an activation, who checks in at a seat. */
const activationRoles = ['bureau_leader', 'duty_commander', 'shift_leader', 'duty_officer'] as const;
const seatDutyRoles = ['seat_staff', 'duty_commander', 'shift_leader', 'duty_officer'] as const;

type SeatRow = SeatStaffView['seats'][number];

/** 联合坐席: today's seat staff, activation for a sensitive period or incident, check-in, seat logs and the standby schedule. */
export default function SeatsPage() {
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const staff = useSeatStaff();
  const activate = useActivateSeats();
  const endActivation = useEndActivation();
  const seatCheck = useSeatCheck();
  const [activating, setActivating] = useState(false);
  const [logSeat, setLogSeat] = useState<SeatRow | null>(null);
  const [form] = Form.useForm<{ reason: string; incidentId?: string }>();

  const mayActivate = hasAnyRole(user, activationRoles);
  const mayCheckIn = hasAnyRole(user, seatDutyRoles) && user.personId !== null;
  const activation = staff.data?.activation ?? null;

  async function handleActivate() {
    const values = await form.validateFields();
    try {
      await activate.mutateAsync({ reason: values.reason, incidentId: values.incidentId?.trim() || null });
      void message.success('联合坐席已启用，已通知各席位');
      setActivating(false);
      form.resetFields();
    } catch (error) {
      showError(error, form);
    }
  }

  function handleEnd(current: SeatActivation) {
    modal.confirm({
      title: '结束联合坐席启用？',
      content: '结束后，仍在非常设席位签到的人员将同时签退。',
      okText: '结束启用',
      cancelText: '取消',
      onOk: () => endActivation.mutateAsync(current.id).then(() => void message.success('已结束启用'), (error: unknown) => showError(error)),
    });
  }

  function handleCheck(row: SeatRow, action: 'check-in' | 'check-out') {
    seatCheck.mutate({ seatId: row.seat.id, action }, {
      onSuccess: () => void message.success(action === 'check-in' ? `已在“${row.seat.name}”席位签到` : '已签退'),
      onError: (error) => showError(error),
    });
  }

  return (
    <>
      <PageHeader
        title="联合坐席"
        description="综合管理席为常设席位，由当日值班员值守；重要敏感时期或重大案事件处置时启用全部席位，各责任单位备勤人员到指挥中心值守。"
        extra={
          mayActivate ? (
            activation ? (
              <Button danger onClick={() => handleEnd(activation)}>结束启用</Button>
            ) : (
              <Button type="primary" onClick={() => setActivating(true)}>启用全部席位</Button>
            )
          ) : null
        }
      />
      {staff.isLoading ? <LoadingState /> : null}
      {staff.error ? <ErrorState error={staff.error} onRetry={() => void staff.refetch()} /> : null}
      {staff.data ? (
        <Tabs
          items={[
            {
              key: 'today',
              label: `今日席位（${staff.data.date}）`,
              children: (
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  {activation ? (
                    <Alert
                      type="warning"
                      showIcon
                      title={`联合坐席已启用：${activation.reason}`}
                      description={`启用时间 ${formatInstant(activation.startedAt).slice(0, 16)}，启用人 ${activation.startedByName ?? '—'}${activation.incidentId ? `，关联事件 ${activation.incidentId}` : ''}`}
                    />
                  ) : (
                    <Alert type="info" showIcon title="当前仅综合管理席常设值守，其他席位为备勤状态。" />
                  )}
                  {!staff.data.rosterPublished ? <Alert type="warning" showIcon title="当日排班尚未发布，综合管理席值守人员待定。" /> : null}
                  <Row gutter={[16, 16]}>
                    {staff.data.seats.map((row) => {
                      const mine = row.occupants.some((occupant) => occupant.personId === user.personId);
                      return (
                        <Col key={row.seat.id} xs={24} md={12} xl={8}>
                          <Card
                            size="small"
                            title={<Space>{row.seat.name}{row.seat.isGeneral ? <Tag color="blue">常设</Tag> : null}{row.occupants.length > 0 ? <Tag color="green">值守中</Tag> : null}</Space>}
                            extra={<Button size="small" type="link" onClick={() => setLogSeat(row)}>席位日志</Button>}
                            data-testid={`seat-${row.seat.name}`}
                          >
                            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                              责任单位：{row.seat.isGeneral ? '指挥中心（当日值班员）' : row.seat.units.map((unit) => unit.name).join('、') || '未设置'}
                            </Typography.Paragraph>
                            <div>
                              {row.seat.isGeneral ? '值守人员' : '今日备勤'}：
                              {row.standby.length > 0 ? row.standby.map((person) => person.name).join('、') : <Typography.Text type="warning">未安排</Typography.Text>}
                            </div>
                            <div style={{ marginTop: 4 }}>
                              在席：
                              {row.occupants.length > 0
                                ? row.occupants.map((occupant) => `${occupant.name}（${formatInstant(occupant.checkedInAt).slice(11, 16)} 签到）`).join('、')
                                : '无'}
                            </div>
                            {mayCheckIn ? (
                              <div style={{ marginTop: 8 }}>
                                {mine ? (
                                  <Button size="small" onClick={() => handleCheck(row, 'check-out')}>签退</Button>
                                ) : (
                                  <Button size="small" type="primary" ghost onClick={() => handleCheck(row, 'check-in')}>签到</Button>
                                )}
                              </div>
                            ) : null}
                          </Card>
                        </Col>
                      );
                    })}
                  </Row>
                  <ActivationHistory />
                </Space>
              ),
            },
            { key: 'standby', label: '备勤安排', children: <StandbyScheduleTable /> },
            { key: 'config', label: '席位配置', children: <SeatConfigTable /> },
          ]}
        />
      ) : null}
      <Modal open={activating} title="启用全部席位" okText="启用" cancelText="取消" onOk={handleActivate} onCancel={() => setActivating(false)} confirmLoading={activate.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="启用原因" rules={[{ required: true, whitespace: true, message: '请填写启用原因，如重要敏感时期名称或事件名称' }]}>
            <Input.TextArea rows={2} maxLength={200} showCount placeholder="如：全国两会重要敏感时期" />
          </Form.Item>
          <Form.Item name="incidentId" label="关联事件编号（选填）">
            <Input maxLength={64} />
          </Form.Item>
        </Form>
      </Modal>
      {logSeat ? <SeatLogDrawer seat={logSeat.seat} seatedHere={logSeat.occupants.some((occupant) => occupant.personId === user.personId)} onClose={() => setLogSeat(null)} /> : null}
    </>
  );
}

function ActivationHistory() {
  const activations = useActivations();
  if (activations.error) return <ErrorState error={activations.error} />;
  return (
    <Card size="small" title="启用记录">
      <Table<SeatActivation>
        size="small"
        rowKey="id"
        loading={activations.isLoading}
        dataSource={activations.data?.activations ?? []}
        pagination={false}
        locale={{ emptyText: '暂无启用记录' }}
        columns={[
          { title: '原因', dataIndex: 'reason' },
          { title: '关联事件', dataIndex: 'incidentId', width: 140, render: (value: string | null) => value ?? '—' },
          { title: '启用', width: 200, render: (_value, row) => `${formatInstant(row.startedAt).slice(0, 16)} ${row.startedByName ?? ''}` },
          { title: '结束', width: 200, render: (_value, row) => (row.endedAt ? `${formatInstant(row.endedAt).slice(0, 16)} ${row.endedByName ?? ''}` : <Tag color="orange">进行中</Tag>) },
        ]}
      />
    </Card>
  );
}
