import { Button, Card, DatePicker, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { VERIFICATION_METHOD_LABELS, type VerificationMethod } from '../../../domain/documents/index';
import { limits } from '../../../shared/limits';
import { centerRoles, phoneReaderRoles, type Role } from '../../../shared/roles';
import { PHONE_FIELD_LABELS, useDirectory, useDisclosures, type DirectoryEntry, type Disclosure, type PhoneField } from '../../api/directory';
import { useUnits } from '../../api/units';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { formatInstant } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';
import { DisclosureModal } from './DisclosureModal';
import { centerToday } from '../../app/time';

const disclosureReaders: readonly Role[] = [...phoneReaderRoles, 'audit_admin'];

function EntriesTab() {
  const user = useCurrentUser();
  const mayDisclose = hasAnyRole(user, centerRoles);
  const [keyword, setKeyword] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(limits.pageSize.default);
  const [disclosing, setDisclosing] = useState<DirectoryEntry | null>(null);
  const directoryQuery = useDirectory({ q: keyword.trim() || undefined, unitId, page, pageSize });
  const unitsQuery = useUnits();
  const phonesVisible = directoryQuery.data?.phonesVisible ?? false;

  const numbers = (entry: DirectoryEntry) => {
    if (entry.available.length === 0) return <Typography.Text type="secondary">未登记号码</Typography.Text>;
    if (!entry.phonesVisible) return <Typography.Text type="secondary">{entry.available.map((field) => PHONE_FIELD_LABELS[field]).join('、')}（登记后提供）</Typography.Text>;
    const values: [PhoneField, string | null][] = [['duty_room', entry.dutyRoomPhone], ['mobile', entry.mobilePhone], ['office', entry.officePhone]];
    return (
      <Space size={12} wrap>
        {values.filter(([, value]) => value).map(([field, value]) => (
          <span key={field}>
            <Typography.Text type="secondary">{PHONE_FIELD_LABELS[field]}</Typography.Text> {value}
          </span>
        ))}
      </Space>
    );
  };

  const columns: TableColumnsType<DirectoryEntry> = [
    { title: '名称', dataIndex: 'name', width: 200, render: (name: string, entry) => (entry.type === 'unit' ? <><Tag color="blue">值班室</Tag>{name}</> : name) },
    { title: '单位', dataIndex: 'unitName', width: 220 },
    { title: '职务', dataIndex: 'position', width: 160, render: (value: string | null) => value ?? '—' },
    { title: '号码', key: 'numbers', render: (_, entry) => numbers(entry) },
  ];
  if (mayDisclose) {
    columns.push({
      title: '来电询问',
      key: 'disclose',
      width: 120,
      render: (_, entry) =>
        entry.available.length > 0 ? (
          <Button size="small" onClick={() => setDisclosing(entry)}>
            登记提供
          </Button>
        ) : null,
    });
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="搜索姓名、职务、单位" allowClear style={{ width: 240 }} onSearch={(value) => { setKeyword(value); setPage(1); }} aria-label="搜索通讯录" />
        <Select<string>
          placeholder="全部单位"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          value={unitId}
          onChange={(value) => { setUnitId(value); setPage(1); }}
          options={(unitsQuery.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
        />
        <Typography.Text type="secondary">{phonesVisible ? '查看号码已记入审计日志。' : '您的角色只能看到姓名；来电询问号码时，须核实身份并登记后提供。'}</Typography.Text>
      </Space>
      {directoryQuery.isError ? (
        <ErrorState error={directoryQuery.error} onRetry={() => void directoryQuery.refetch()} />
      ) : (
        <Table<DirectoryEntry>
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={directoryQuery.data?.entries ?? []}
          loading={directoryQuery.isFetching}
          locale={{ emptyText: <EmptyState description="没有符合条件的条目" /> }}
          pagination={{ current: page, pageSize, total: directoryQuery.data?.total ?? 0, showTotal: (total) => `共 ${total} 条`, onChange: (nextPage, nextSize) => { setPage(nextPage); setPageSize(nextSize); } }}
        />
      )}
      {disclosing ? <DisclosureModal entry={disclosing} onClose={() => setDisclosing(null)} /> : null}
    </>
  );
}

function DisclosuresTab() {
  const [month, setMonth] = useState<Dayjs>(() => dayjs(centerToday()));
  const disclosuresQuery = useDisclosures(month.format('YYYY-MM'));
  const columns: TableColumnsType<Disclosure> = [
    { title: '时间', dataIndex: 'at', width: 150, render: (value: string) => formatInstant(value).slice(0, 16) },
    { title: '询问人', key: 'requester', width: 220, render: (_, item) => `${item.requesterUnit} ${item.requesterName}` },
    { title: '核实方式', dataIndex: 'verification', width: 160, render: (value: VerificationMethod, item) => `${VERIFICATION_METHOD_LABELS[value]}${item.verificationNote ? `（${item.verificationNote}）` : ''}` },
    { title: '事由', dataIndex: 'reason', ellipsis: true },
    { title: '提供的号码', key: 'entry', width: 220, render: (_, item) => `${item.entryName} ${PHONE_FIELD_LABELS[item.phoneField]}` },
    { title: '经办人', dataIndex: 'officerName', width: 90 },
  ];
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <DatePicker picker="month" value={month} allowClear={false} onChange={(value) => value && setMonth(value)} aria-label="月份" />
      </Space>
      {disclosuresQuery.isError ? (
        <ErrorState error={disclosuresQuery.error} onRetry={() => void disclosuresQuery.refetch()} />
      ) : (
        <Table<Disclosure> rowKey="id" size="middle" columns={columns} dataSource={disclosuresQuery.data ?? []} loading={disclosuresQuery.isFetching} pagination={false} locale={{ emptyText: <EmptyState description="本月没有提供号码的登记" /> }} />
      )}
    </>
  );
}

/** 通讯录: people and duty rooms; numbers only for roles that need them, or after a recorded verification. */
export default function DirectoryPage() {
  const user = useCurrentUser();
  const showDisclosures = hasAnyRole(user, disclosureReaders);
  return (
    <>
      <PageHeader title="通讯录" description="重要电话号码和联系方式不得向与工作无关的人员提供；对来电询问号码的，核实身份、确认工作需要并登记后提供，登记可查。" />
      <Card>
        <Tabs
          items={[
            { key: 'entries', label: '通讯录', children: <EntriesTab /> },
            ...(showDisclosures ? [{ key: 'disclosures', label: '号码提供登记', children: <DisclosuresTab /> }] : []),
          ]}
        />
      </Card>
    </>
  );
}
