/**
 * Late and missing reports (迟报/漏报) of the last 30 days with their
 * rectification deadlines; duty handlers mark them rectified (整改完成).
 */
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useRectifyViolation, useViolations, type ReportViolation } from '../../api/reports';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { formatDateTime } from '../../app/time';
import { useShowError } from '../../components/feedback';
import { ErrorState } from '../../components/states';

const KIND_LABELS: Record<ReportViolation['kind'], string> = { late: '迟报', missing: '漏报' };

export function ViolationsCard({ today }: { today: string }) {
  const user = useCurrentUser();
  const violations = useViolations({ from: dayjs(today).subtract(30, 'day').format('YYYY-MM-DD'), to: today });
  const rectify = useRectifyViolation();
  const showError = useShowError();
  const { message } = App.useApp();
  const canRectify = hasAnyRole(user, ['duty_commander', 'shift_leader', 'duty_officer']);
  const now = Date.now();

  async function handleRectify(violation: ReportViolation) {
    try {
      await rectify.mutateAsync(violation.id);
      void message.success(`已标记${violation.unitName} ${violation.date} 的${KIND_LABELS[violation.kind]}整改完成。`);
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Card size="small" title="迟报漏报及限期整改（近30天）" style={{ marginTop: 16 }} data-testid="violations-card">
      {violations.isError ? (
        <ErrorState error={violations.error} onRetry={() => void violations.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={violations.isLoading}
          dataSource={violations.data}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '近30天无迟报漏报记录' }}
          columns={[
            { title: '报送日期', dataIndex: 'date', width: 110 },
            { title: '单位', dataIndex: 'unitName' },
            { title: '类型', dataIndex: 'kind', width: 80, render: (kind: ReportViolation['kind']) => <Tag color={kind === 'missing' ? 'red' : 'orange'}>{KIND_LABELS[kind]}</Tag> },
            { title: '整改期限', dataIndex: 'rectificationDueAt', width: 150, render: (value: string) => formatDateTime(value) },
            {
              title: '整改情况',
              width: 170,
              render: (_, violation) =>
                violation.rectifiedAt ? (
                  <Tag color="green">已整改 {formatDateTime(violation.rectifiedAt)}</Tag>
                ) : new Date(violation.rectificationDueAt).getTime() < now ? (
                  <Tag color="red">逾期未整改</Tag>
                ) : (
                  <Tag color="gold">整改中</Tag>
                ),
            },
            ...(canRectify
              ? [{
                  title: '操作',
                  width: 120,
                  render: (_: unknown, violation: ReportViolation) =>
                    violation.rectifiedAt ? null : (
                      <Popconfirm title={`确认${violation.unitName}已完成整改？`} okText="确认" cancelText="取消" onConfirm={() => void handleRectify(violation)}>
                        <Button size="small" data-testid="rectify-violation">标记整改完成</Button>
                      </Popconfirm>
                    ),
                }]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
