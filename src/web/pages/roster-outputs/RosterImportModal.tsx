import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api-client';
import { useShowError } from '../../components/feedback';
import { useImportRoster } from './roster-outputs-api';

interface RowProblem {
  row: number;
  field: string;
  message: string;
}

function importProblems(error: unknown): RowProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_FAILED') return [];
  const rows = (error.details as { rows?: unknown } | null | undefined)?.rows;
  return Array.isArray(rows) ? (rows as RowProblem[]) : [];
}

/** Uploads a hand-made roster (.xlsx) into a draft month; the server imports all rows or none and lists each bad row. */
export function RosterImportModal({ month, onClose }: { month: string; onClose: () => void }) {
  const { message } = App.useApp();
  const showError = useShowError();
  const importRoster = useImportRoster();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  async function handleImport() {
    if (!file) return;
    setProblems([]);
    setFailure(null);
    try {
      const result = await importRoster.mutateAsync({ month, file });
      void message.success(`已导入 ${result.imported} 天的排班草稿`);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'IMPORT_FAILED') {
        setProblems(importProblems(error));
        setFailure(error.message);
        return;
      }
      showError(error);
    }
  }

  return (
    <Modal
      open
      title={`导入 ${month} 值班表`}
      width={720}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>关闭</Button>,
        <Button key="import" type="primary" disabled={!file} loading={importRoster.isPending} onClick={handleImport}>开始导入</Button>,
      ]}
    >
      <Typography.Paragraph>
        只能导入尚未发布的月份，导入后替换本月草稿。表格格式与“导出Excel”相同：列“日期、值班指挥长、值班长、值班员”必填，多名值班员用顿号分隔，姓名须与人员管理中具有相应值班角色的人员一致。任一行有误则不导入任何数据。
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        beforeUpload={(selected) => {
          setFile(selected);
          setProblems([]);
          setFailure(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          return true;
        }}
        fileList={file ? [{ uid: 'selected', name: file.name, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">点击或拖拽 Excel 值班表到此处</p>
        <p className="ant-upload-hint">仅支持 .xlsx 格式</p>
      </Upload.Dragger>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} /> : null}
      {problems.length > 0 ? (
        <Table<RowProblem>
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(problem) => `${problem.row}-${problem.field}-${problem.message}`}
          dataSource={problems}
          pagination={problems.length > 10 ? { pageSize: 10, showTotal: (total) => `共 ${total} 处问题` } : false}
          columns={[
            { title: '行号', dataIndex: 'row', width: 90, render: (row: number) => `第${row}行` },
            { title: '字段', dataIndex: 'field', width: 120 },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      ) : null}
    </Modal>
  );
}
