import { SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { limits } from '../../../shared/limits';
import { useAuditEntries, useVerifyAudit, type AuditEntry, type AuditFilter } from '../../api/audit';
import { useUnits } from '../../api/units';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';
import { AuditDiff } from './AuditDiff';
import { auditActionLabel, auditActionLabels, auditEntityLabel, auditEntityLabels } from './audit-labels';

interface FilterValues {
  actorName?: string;
  unitId?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

type Criteria = Omit<AuditFilter, 'page' | 'pageSize'>;

function toCriteria(values: FilterValues): Criteria {
  const text = (value: string | undefined) => value?.trim() || undefined;
  return {
    actorName: text(values.actorName),
    unitId: values.unitId,
    action: text(values.action),
    entityType: text(values.entityType),
    from: values.range?.[0]?.startOf('minute').toISOString(),
    to: values.range?.[1]?.endOf('minute').toISOString(),
  };
}

/** 审计日志: every change and confidential read, with a tamper check of the hash chain. */
export default function AuditPage() {
  const [form] = Form.useForm<FilterValues>();
  const [criteria, setCriteria] = useState<Criteria>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(limits.pageSize.default);
  const entriesQuery = useAuditEntries({ ...criteria, page, pageSize });
  const unitsQuery = useUnits();
  const verify = useVerifyAudit();
  const showError = useShowError();

  const unitNames = useMemo(() => new Map((unitsQuery.data ?? []).map((unit) => [unit.id, unit.name])), [unitsQuery.data]);
  const filtered = Object.values(criteria).some((value) => value !== undefined);

  function handleSearch(values: FilterValues) {
    setCriteria(toCriteria(values));
    setPage(1);
  }

  function handleReset() {
    form.resetFields();
    setCriteria({});
    setPage(1);
  }

  async function handleVerify() {
    try {
      await verify.mutateAsync();
    } catch (error) {
      showError(error);
    }
  }

  const columns: TableColumnsType<AuditEntry> = [
    { title: '序号', dataIndex: 'seq', width: 70 },
    { title: '时间', dataIndex: 'at', width: 165, render: (value: string) => formatInstant(value) },
    { title: '操作人', dataIndex: 'actorName', width: 110, render: (value: string | null) => value ?? '系统' },
    { title: '操作人单位', dataIndex: 'actorUnitId', width: 150, render: (value: string | null) => (value ? (unitNames.get(value) ?? value) : '—') },
    {
      title: '操作',
      dataIndex: 'action',
      width: 150,
      // The code stays available in the tooltip for searching by it.
      render: (value: string) => (
        <Tooltip title={`操作代码：${value}`}>
          <span>{auditActionLabel(value)}</span>
        </Tooltip>
      ),
    },
    {
      title: '对象',
      key: 'entity',
      width: 130,
      render: (_, entry) => {
        if (!entry.entityType) return '—';
        const label = auditEntityLabel(entry.entityType);
        if (!entry.entityId) return label;
        // Ids mean nothing to a reader; the tooltip shows the whole id with a copy button.
        return (
          <Tooltip
            title={
              <Typography.Text copyable={{ text: entry.entityId, tooltips: ['复制编号', '已复制'] }} style={{ color: 'inherit' }}>
                编号：{entry.entityId}
              </Typography.Text>
            }
          >
            <span>{label}</span>
          </Tooltip>
        );
      },
    },
    { title: '摘要', dataIndex: 'summary' },
    { title: 'IP 地址', dataIndex: 'ip', width: 130, render: (value: string | null) => value ?? '—' },
  ];

  const verification = verify.data;
  return (
    <>
      <PageHeader
        title="审计日志"
        description="记录所有数据变更、登录和涉密信息查看。日志逐条链式签名，可校验是否被篡改。"
        extra={
          <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={handleVerify}>
            校验完整性
          </Button>
        }
      />
      {verification ? (
        verification.ok ? (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => verify.reset() }}
            style={{ marginBottom: 16 }}
            title={`审计日志完整：共校验 ${verification.rows} 条记录，未发现篡改或缺失。`}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => verify.reset() }}
            style={{ marginBottom: 16 }}
            title={`审计日志校验未通过${verification.firstBadSeq !== undefined ? `：自第 ${verification.firstBadSeq} 条记录起` : ''}校验失败，日志可能被篡改或删除，请立即报告安全管理员。`}
            description={verification.reason ? `原因：${verification.reason}（共校验 ${verification.rows} 条）` : `共校验 ${verification.rows} 条`}
          />
        )
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Form<FilterValues> form={form} layout="inline" onFinish={handleSearch} style={{ rowGap: 12 }}>
          <Form.Item label="操作人" name="actorName">
            <Input placeholder="姓名" allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label="单位" name="unitId">
            <Select
              placeholder="全部单位"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
              loading={unitsQuery.isPending}
              options={(unitsQuery.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
            />
          </Form.Item>
          <Form.Item label="操作" name="action">
            <AutoComplete
              placeholder="全部操作"
              allowClear
              style={{ width: 180 }}
              options={Object.entries(auditActionLabels).map(([value, label]) => ({ value, label: `${label}（${value}）` }))}
              showSearch={{ filterOption: (input, option) => (option?.label ?? '').toString().includes(input) }}
            />
          </Form.Item>
          <Form.Item label="对象类型" name="entityType">
            <AutoComplete
              placeholder="全部对象"
              allowClear
              style={{ width: 150 }}
              options={Object.entries(auditEntityLabels).map(([value, label]) => ({ value, label: `${label}（${value}）` }))}
              showSearch={{ filterOption: (input, option) => (option?.label ?? '').toString().includes(input) }}
            />
          </Form.Item>
          <Form.Item label="时间" name="range">
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                查询
              </Button>
              <Button onClick={handleReset}>重置</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        {entriesQuery.isError ? (
          <ErrorState error={entriesQuery.error} onRetry={() => void entriesQuery.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="seq"
            columns={columns}
            dataSource={entriesQuery.data?.entries ?? []}
            loading={entriesQuery.isFetching}
            scroll={{ x: 1150 }}
            expandable={{
              expandedRowRender: (entry) => <AuditDiff before={entry.before} after={entry.after} />,
              rowExpandable: (entry) => (entry.before ?? null) !== null || (entry.after ?? null) !== null,
            }}
            locale={{ emptyText: <EmptyState description={filtered ? '没有符合条件的审计记录' : '暂无审计记录'} /> }}
            pagination={{
              current: page,
              pageSize,
              total: entriesQuery.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (nextPage, nextSize) => {
                setPage(nextSize === pageSize ? nextPage : 1);
                setPageSize(nextSize);
              },
            }}
          />
        )}
      </Card>
    </>
  );
}
