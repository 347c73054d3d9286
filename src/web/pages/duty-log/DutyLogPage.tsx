/** 值班日志: the duty day's timeline assembled from every module, with filters and free entries. */
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { dutyLogSourceLabels, useAddDutyLogEntry, useDutyLog, type DutyLogEntry, type DutyLogSource } from '../../api/duty-report';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { EmptyState, ErrorState } from '../../components/states';
import { DutyDatePicker, useDutyDateParam } from '../duty-report/DutyDatePicker';

const columns: ColumnsType<DutyLogEntry> = [
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatInstant(at) },
  { title: '类别', dataIndex: 'sourceLabel', width: 110, render: (label: string, entry) => <Tag color={entry.problem ? 'red' : 'blue'}>{label}</Tag> },
  { title: '人员', dataIndex: 'who', width: 110, render: (who: string | null) => who ?? '系统' },
  { title: '事项', dataIndex: 'what', render: (what: string, entry) => (entry.problem ? <Typography.Text type="danger">{what}</Typography.Text> : what) },
  { title: '记录', dataIndex: 'link', width: 80, render: (link: string | null) => (link ? <Link to={link}>查看</Link> : '—') },
];

export default function DutyLogPage() {
  const user = useCurrentUser();
  const [date, setDate] = useDutyDateParam();
  const [source, setSource] = useState<DutyLogSource | undefined>();
  const [text, setText] = useState('');
  const log = useDutyLog(date, source, text);
  const addEntry = useAddDutyLogEntry();
  const showError = useShowError();
  const [form] = Form.useForm<{ content: string; at?: Dayjs }>();
  const mayWrite = hasAnyRole(user, ['duty_officer', 'shift_leader', 'duty_commander']);

  const submit = async (values: { content: string; at?: Dayjs }) => {
    try {
      await addEntry.mutateAsync({ content: values.content, ...(values.at ? { at: values.at.toISOString() } : {}) });
      form.resetFields();
    } catch (error) {
      showError(error, form);
    }
  };

  return (
    <>
      <PageHeader
        title="值班日志"
        description="值班日（当日 08:30 至次日 08:30）内各模块的记录按时间汇总，不需重复填写。"
        extra={<DutyDatePicker value={date} onChange={setDate} />}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          {(log.data?.groups ?? []).map((group) => (
            <Tag key={group.source} color={group.problems > 0 ? 'red' : 'default'}>
              {group.label} {group.count}{group.problems > 0 ? `（问题 ${group.problems}）` : ''}
            </Tag>
          ))}
        </Space>
        <Space wrap style={{ marginTop: 12, display: 'flex' }}>
          <Select
            allowClear
            placeholder="全部类别"
            style={{ width: 160 }}
            value={source}
            onChange={(value) => setSource(value)}
            options={Object.entries(dutyLogSourceLabels).map(([value, label]) => ({ value, label }))}
            aria-label="类别"
          />
          <Input.Search placeholder="搜索事项或人员" allowClear onSearch={setText} style={{ width: 240 }} />
        </Space>
      </Card>
      {log.error ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Table
          rowKey={(entry) => `${entry.at}|${entry.source}|${entry.what}`}
          size="small"
          loading={log.isLoading}
          columns={columns}
          dataSource={log.data?.entries ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState description="本值班日暂无记录" /> }}
        />
      )}
      {mayWrite ? (
        <Card title="记事" size="small" style={{ marginTop: 16 }}>
          <Form form={form} layout="inline" onFinish={(values) => void submit(values)} style={{ rowGap: 8 }}>
            <Form.Item name="at" label="时间">
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder="默认为当前时间" />
            </Form.Item>
            <Form.Item name="content" label="记事内容" rules={[{ required: true, message: '请填写记事内容，如来访、来电等' }]} style={{ flex: 1, minWidth: 320 }}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder="来访、无需单独登记的电话等" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={addEntry.isPending}>添加</Button>
            </Form.Item>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
