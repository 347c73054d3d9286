import { Table, Typography } from 'antd';
import { formatDateTimeSeconds } from '../../app/time';

interface DiffRow {
  key: string;
  before: string;
  after: string;
  changed: boolean;
}

// An ISO instant with a time and an offset (`Z` or `+08:00`), shown in the center's zone.
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function render(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return instantPattern.test(value) ? formatDateTimeSeconds(value) : value;
  return JSON.stringify(value, null, 2);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Field-by-field rows of two snapshots; non-object snapshots become one row. */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const beforeRecord = asRecord(before);
  const afterRecord = asRecord(after);
  if ((before !== null && before !== undefined && !beforeRecord) || (after !== null && after !== undefined && !afterRecord)) {
    return [{ key: '（整体）', before: render(before), after: render(after), changed: render(before) !== render(after) }];
  }
  const keys = [...new Set([...Object.keys(beforeRecord ?? {}), ...Object.keys(afterRecord ?? {})])];
  return keys.map((key) => {
    const beforeText = beforeRecord && key in beforeRecord ? render(beforeRecord[key]) : '';
    const afterText = afterRecord && key in afterRecord ? render(afterRecord[key]) : '';
    return { key, before: beforeText, after: afterText, changed: beforeText !== afterText };
  });
}

const cellStyle = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-all' as const, fontFamily: 'monospace', fontSize: 12 };

/** Shows the before and after snapshots of an audit entry side by side, with changed fields highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  if ((before === null || before === undefined) && (after === null || after === undefined)) {
    return <Typography.Text type="secondary">此操作没有记录变更前后的数据。</Typography.Text>;
  }
  const rows = diffRows(before, after);
  return (
    <Table<DiffRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      onRow={(row) => ({ style: row.changed ? { background: '#fffbe6' } : undefined })}
      columns={[
        { title: '字段', dataIndex: 'key', width: 180, render: (key: string, row) => (row.changed ? <Typography.Text strong>{key}</Typography.Text> : key) },
        { title: '变更前', dataIndex: 'before', render: (text: string) => <div style={cellStyle}>{text || '—'}</div> },
        { title: '变更后', dataIndex: 'after', render: (text: string) => <div style={cellStyle}>{text || '—'}</div> },
      ]}
    />
  );
}
