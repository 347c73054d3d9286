import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Drawer, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
  documentKinds,
  documentStatuses,
  URGENCY_LABELS,
  urgencies,
  type DocumentKind,
  type DocumentStatus,
  type Urgency,
} from '../../../domain/documents/index';
import { limits } from '../../../shared/limits';
import { useDocuments, type DocumentSummary } from '../../api/documents';
import { useUnits } from '../../api/units';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { formatInstant } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';
import { KindTag, StatusTag, UrgencyTag } from './document-labels';
import { RegisterDocumentForm } from './RegisterDocumentForm';

/** 收文登记簿: every registered document, fax and phone record, with filters and search. */
export default function DocumentsPage() {
  const user = useCurrentUser();
  const canRegister = hasAnyRole(user, ['duty_officer', 'shift_leader', 'duty_commander']);
  const navigate = useNavigate();
  const [kind, setKind] = useState<DocumentKind | undefined>();
  const [urgency, setUrgency] = useState<Urgency | undefined>();
  const [status, setStatus] = useState<DocumentStatus | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(limits.pageSize.default);
  const [registering, setRegistering] = useState(false);

  const documentsQuery = useDocuments({
    kind,
    urgency,
    status,
    unitId,
    q: keyword.trim() || undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    page,
    pageSize,
  });
  const unitsQuery = useUnits();

  function changeFilter<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setPage(1);
    };
  }

  const columns: TableColumnsType<DocumentSummary> = [
    { title: '收文编号', dataIndex: 'serial', width: 110, render: (serial: string, document) => <Link to={`/documents/${document.id}`}>{serial}</Link> },
    { title: '类型', dataIndex: 'kind', width: 100, render: (value: DocumentKind) => <KindTag kind={value} /> },
    { title: '收文时间', dataIndex: 'receivedAt', width: 160, render: (value: string) => formatInstant(value).slice(0, 16) },
    { title: '来文单位', dataIndex: 'senderUnit', width: 180, ellipsis: true },
    { title: '文号', dataIndex: 'referenceNumber', width: 170, render: (value: string | null) => value ?? '—' },
    { title: '紧急程度', dataIndex: 'urgency', width: 90, render: (value: Urgency) => <UrgencyTag urgency={value} /> },
    { title: '标题', dataIndex: 'title', width: 260, ellipsis: true },
    {
      title: '承办单位',
      key: 'transfers',
      width: 220,
      // 承办单位 and 状态 stay in view while the wide table scrolls.
      fixed: 'right',
      render: (_, document) => {
        if (document.transfers.length === 0) return <Typography.Text type="secondary">未转办</Typography.Text>;
        const text = document.transfers.map((transfer) => `${transfer.unitName}${transfer.signedAt ? '✓' : '（待签收）'}`).join('、');
        // Many units fit on one line cut short; the tooltip lists them all.
        return (
          <Typography.Text ellipsis={{ tooltip: text }} style={{ width: 196 }}>
            {text}
          </Typography.Text>
        );
      },
    },
    { title: '状态', dataIndex: 'status', width: 120, fixed: 'right', render: (value: DocumentStatus) => <StatusTag status={value} /> },
  ];

  return (
    <>
      <PageHeader
        title="收文登记"
        description="电子公文、明传、密传和电话记录即收即登，按年度连续编号；报告值班长后转办承办单位签收，办结后归档或销毁。"
        extra={
          canRegister ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              收文登记
            </Button>
          ) : undefined
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            placeholder="搜索标题、来文单位、文号、编号"
            allowClear
            style={{ width: 260 }}
            onSearch={changeFilter(setKeyword)}
            onChange={(event) => !event.target.value && changeFilter(setKeyword)('')}
            aria-label="搜索收文"
          />
          <Select<DocumentKind> placeholder="全部类型" allowClear style={{ width: 120 }} value={kind} onChange={changeFilter(setKind)} options={documentKinds.map((value) => ({ value, label: DOCUMENT_KIND_LABELS[value] }))} />
          <Select<Urgency> placeholder="全部紧急程度" allowClear style={{ width: 130 }} value={urgency} onChange={changeFilter(setUrgency)} options={urgencies.map((value) => ({ value, label: URGENCY_LABELS[value] }))} />
          <Select<DocumentStatus> placeholder="全部状态" allowClear style={{ width: 140 }} value={status} onChange={changeFilter(setStatus)} options={documentStatuses.map((value) => ({ value, label: DOCUMENT_STATUS_LABELS[value] }))} />
          <Select<string>
            placeholder="全部承办单位"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            value={unitId}
            onChange={changeFilter(setUnitId)}
            loading={unitsQuery.isPending}
            options={(unitsQuery.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          />
          <DatePicker.RangePicker value={range} onChange={changeFilter(setRange)} placeholder={['收文开始日期', '收文结束日期']} />
        </Space>
        {documentsQuery.isError ? (
          <ErrorState error={documentsQuery.error} onRetry={() => void documentsQuery.refetch()} />
        ) : (
          <Table<DocumentSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={documentsQuery.data?.documents ?? []}
            loading={documentsQuery.isFetching}
            scroll={{ x: 1430 }}
            onRow={(document) => ({ onDoubleClick: () => void navigate(`/documents/${document.id}`) })}
            locale={{ emptyText: <EmptyState description={keyword || kind || urgency || status || unitId || range ? '没有符合条件的文电' : '还没有登记文电'} /> }}
            pagination={{
              current: page,
              pageSize,
              total: documentsQuery.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 件`,
              onChange: (nextPage, nextSize) => {
                setPage(nextPage);
                setPageSize(nextSize);
              },
            }}
          />
        )}
      </Card>
      <Drawer title="收文登记" open={registering} onClose={() => setRegistering(false)} size={640} destroyOnHidden>
        <RegisterDocumentForm />
      </Drawer>
    </>
  );
}
