import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  dayTypeColors,
  dayTypeLabels,
  useCalendarDays,
  useCalendarOverrides,
  useDeleteCalendarOverride,
  useDeleteSensitivePeriod,
  useSaveCalendarOverride,
  useSaveSensitivePeriod,
  useSensitivePeriods,
  type CalendarDay,
  type OfficialDayType,
  type SensitivePeriod,
} from '../../api/calendar';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/feedback';
import { ErrorState } from '../../components/states';
import { centerNow } from '../../app/time';
import { DateStringPicker } from '../../components/DateStringPicker';

const overrideTypes: OfficialDayType[] = ['holiday', 'makeup_workday', 'workday', 'weekend'];

/** 值班日历: the year's holidays and make-up workdays, sensitive periods and the administrator's overrides. */
export default function CalendarAdminPage() {
  const user = useCurrentUser();
  const [year, setYear] = useState(() => centerNow().year());
  const days = useCalendarDays(`${year}-01-01`, `${year}-12-31`);
  const mayEditPeriods = hasAnyRole(user, ['sys_admin', 'duty_commander']);
  const mayEditOverrides = hasAnyRole(user, ['sys_admin']);

  const special = (days.data?.days ?? []).filter((day) => day.dayType !== 'workday' && day.dayType !== 'weekend');
  const unofficial = days.data ? days.data.days.some((day) => !day.official) : false;

  return (
    <>
      <PageHeader
        title="值班日历"
        description="日期类型优先级：法定节假日 > 重要敏感时期 > 调休上班日 > 周六周日 > 工作日。已过去的值班日不能修改。"
        extra={
          <Space>
            年份
            <InputNumber min={2000} max={2100} value={year} onChange={(value) => value && setYear(value)} aria-label="年份" />
          </Space>
        }
      />
      {unofficial ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${year} 年未载入国务院节假日安排（official:false），日期类型按周一至周五为工作日推算。国务院通知发布后，请系统管理员在下方“节假日调整”中逐日录入放假日和调休上班日，再生成该年的排班。`}
        />
      ) : null}
      {days.isError ? <ErrorState error={days.error} onRetry={() => void days.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={`${year} 年节假日、调休与敏感时期`}>
            <Table<CalendarDay>
              size="small"
              rowKey="date"
              loading={days.isPending}
              dataSource={special}
              pagination={{ pageSize: 15 }}
              locale={{ emptyText: '本年没有法定节假日或调休记录' }}
              columns={[
                { title: '日期', dataIndex: 'date' },
                { title: '类型', dataIndex: 'dayType', render: (type: CalendarDay['dayType']) => <Tag color={dayTypeColors[type].tag}>{dayTypeLabels[type]}</Tag> },
                { title: '名称', dataIndex: 'name' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <SensitivePeriodsCard editable={mayEditPeriods} />
            <OverridesCard year={year} editable={mayEditOverrides} />
          </Space>
        </Col>
      </Row>
    </>
  );
}

function SensitivePeriodsCard({ editable }: { editable: boolean }) {
  const periods = useSensitivePeriods();
  const remove = useDeleteSensitivePeriod();
  const showError = useShowError();
  const [editing, setEditing] = useState<SensitivePeriod | 'new' | null>(null);

  return (
    <Card title="重要敏感时期" extra={editable ? <Button onClick={() => setEditing('new')}>新增</Button> : null}>
      <Table<SensitivePeriod>
        size="small"
        rowKey="id"
        loading={periods.isPending}
        dataSource={periods.data?.periods ?? []}
        pagination={false}
        locale={{ emptyText: '尚未设置重要敏感时期' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '日期', render: (_, row) => `${row.startDate} 至 ${row.endDate}` },
          ...(editable
            ? [{
                title: '操作',
                render: (_: unknown, row: SensitivePeriod) => (
                  <Space>
                    <Button size="small" onClick={() => setEditing(row)}>修改</Button>
                    <Popconfirm title="删除该重要敏感时期？" okText="删除" cancelText="取消" onConfirm={() => remove.mutate(row.id, { onError: (error) => showError(error) })}>
                      <Button size="small" danger>删除</Button>
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {editing ? <PeriodModal period={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

function PeriodModal({ period, onClose }: { period: SensitivePeriod | null; onClose: () => void }) {
  const [form] = Form.useForm<{ name: string; startDate: string; endDate: string; note?: string }>();
  const save = useSaveSensitivePeriod();
  const showError = useShowError();

  async function handleSubmit() {
    const values = await form.validateFields();
    save.mutate({ ...values, ...(period ? { id: period.id } : {}) }, { onSuccess: onClose, onError: (error) => showError(error, form) });
  }

  return (
    <Modal open title={period ? '修改重要敏感时期' : '新增重要敏感时期'} okText="保存" cancelText="取消" onOk={handleSubmit} onCancel={onClose} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" initialValues={period ?? {}}>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称，如“全国两会”' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请填写开始日期' }]}>
          <DateStringPicker />
        </Form.Item>
        <Form.Item name="endDate" label="结束日期" rules={[{ required: true, message: '请填写结束日期' }]}>
          <DateStringPicker />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OverridesCard({ year, editable }: { year: number; editable: boolean }) {
  const overrides = useCalendarOverrides(year);
  const save = useSaveCalendarOverride();
  const remove = useDeleteCalendarOverride();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: string; dayType: OfficialDayType; name?: string }>();

  async function handleSubmit() {
    const values = await form.validateFields();
    save.mutate(values, {
      onSuccess: () => {
        void message.success(`已调整 ${values.date}`);
        form.resetFields();
      },
      onError: (error) => showError(error, form),
    });
  }

  return (
    <Card title="节假日调整（系统管理员）">
      {editable ? (
        <Form form={form} layout="inline" style={{ marginBottom: 12, rowGap: 8 }} initialValues={{ dayType: 'holiday' }}>
          <Form.Item name="date" rules={[{ required: true, message: '请填写日期' }]}>
            <DateStringPicker aria-label="调整日期" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="dayType">
            <Select style={{ width: 130 }} options={overrideTypes.map((type) => ({ value: type, label: dayTypeLabels[type] }))} />
          </Form.Item>
          <Form.Item name="name">
            <Input placeholder="所属节日，如春节" style={{ width: 150 }} maxLength={20} />
          </Form.Item>
          <Button type="primary" onClick={handleSubmit} loading={save.isPending}>保存</Button>
        </Form>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        loading={overrides.isPending}
        dataSource={overrides.data?.overrides ?? []}
        pagination={false}
        locale={{ emptyText: '本年没有调整，按国务院安排执行' }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '类型', dataIndex: 'dayType', render: (type: OfficialDayType) => dayTypeLabels[type] },
          { title: '节日', dataIndex: 'name' },
          ...(editable
            ? [{
                title: '操作',
                render: (_: unknown, row: { id: string }) => (
                  <Popconfirm title="删除这条调整？" okText="删除" cancelText="取消" onConfirm={() => remove.mutate(row.id, { onError: (error) => showError(error) })}>
                    <Button size="small" danger>删除</Button>
                  </Popconfirm>
                ),
              }]
            : []),
        ]}
      />
    </Card>
  );
}
