import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { limits } from '../../../shared/limits';
import { usePhoneRecords, type PhoneRecord } from '../../api/documents';
import { apiSend } from '../../app/api-client';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';
import { StatusTag } from './document-labels';
import { PhoneRecordDrawer } from './PhoneRecordDrawer';

type MajorFilter = 'all' | 'major' | 'ordinary';

/** 电话记录: calls the center received, each also in the documents register. */
export default function PhoneRecordsPage() {
  const user = useCurrentUser();
  const canEdit = hasAnyRole(user, ['duty_officer', 'shift_leader', 'duty_commander']);
  const [keyword, setKeyword] = useState('');
  const [major, setMajor] = useState<MajorFilter>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(limits.pageSize.default);
  const [editing, setEditing] = useState<PhoneRecord | 'new' | null>(null);
  const showError = useShowError();
  const { message } = App.useApp();
  const recordsQuery = usePhoneRecords({ q: keyword.trim() || undefined, majorIncident: major === 'all' ? undefined : major === 'major', page, pageSize });

  async function handleConvert(record: PhoneRecord) {
    try {
      await apiSend('POST', `/api/phone-records/${encodeURIComponent(record.id)}/incident`);
      void message.success('已转为突发案事件');
      void recordsQuery.refetch();
    } catch (error) {
      showError(error);
    }
  }

  const columns: TableColumnsType<PhoneRecord> = [
    { title: '收文编号', dataIndex: 'serial', width: 110, render: (serial: string, record) => <Link to={`/documents/${record.id}`}>{serial}</Link> },
    { title: '来电时间', dataIndex: 'calledAt', width: 150, render: (value: string) => formatInstant(value).slice(0, 16) },
    { title: '来电单位', dataIndex: 'callerUnit', width: 180, ellipsis: true, render: (value: string | null) => value ?? '—' },
    { title: '来电人', key: 'caller', width: 150, render: (_, record) => [record.callerName, record.callerPosition].filter(Boolean).join(' ') || '—' },
    { title: '来电号码', dataIndex: 'callerPhone', width: 130, render: (value: string | null) => value ?? '—' },
    { title: '受话人', dataIndex: 'receiverName', width: 90 },
    { title: '事由', dataIndex: 'title', width: 240, ellipsis: true, render: (value: string, record) => (record.majorIncident ? <><Tag color="red">重大</Tag>{value}</> : value) },
    { title: '处理结果', dataIndex: 'handlingResult', width: 180, ellipsis: true, render: (value: string | null) => value ?? <Typography.Text type="warning">待处理</Typography.Text> },
    // Fixed beside 操作, so the status stays in view while the wide table scrolls.
    { title: '状态', dataIndex: 'status', width: 110, fixed: 'right', render: (value: PhoneRecord['status']) => <StatusTag status={value} /> },
  ];
  if (canEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_, record) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(record)}>
            办理
          </Button>
          {record.majorIncident && !record.incidentId ? (
            <Button type="link" size="small" onClick={() => void handleConvert(record)}>
              转为突发案事件
            </Button>
          ) : null}
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="电话记录"
        description="接听的工作信息和重大案事件报告；重大案事件须完整记录来电人、号码、时间、受话人和通话内容。"
        extra={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              登记电话记录
            </Button>
          ) : undefined
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder="搜索来电单位、来电人、内容" allowClear style={{ width: 260 }} onSearch={(value) => { setKeyword(value); setPage(1); }} aria-label="搜索电话记录" />
          <Select<MajorFilter>
            style={{ width: 140 }}
            value={major}
            onChange={(value) => { setMajor(value); setPage(1); }}
            options={[{ value: 'all', label: '全部来电' }, { value: 'major', label: '重大案事件' }, { value: 'ordinary', label: '一般来电' }]}
          />
        </Space>
        {recordsQuery.isError ? (
          <ErrorState error={recordsQuery.error} onRetry={() => void recordsQuery.refetch()} />
        ) : (
          <Table<PhoneRecord>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={recordsQuery.data?.phoneRecords ?? []}
            loading={recordsQuery.isFetching}
            scroll={{ x: 1560 }}
            locale={{ emptyText: <EmptyState description="还没有电话记录" /> }}
            pagination={{ current: page, pageSize, total: recordsQuery.data?.total ?? 0, showTotal: (total) => `共 ${total} 条`, onChange: (nextPage, nextSize) => { setPage(nextPage); setPageSize(nextSize); } }}
          />
        )}
      </Card>
      {editing ? <PhoneRecordDrawer record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
