import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { downloadImportTemplate, useImportPeople, type ImportRowProblem } from '../../api/people';
import { ApiError } from '../../app/api-client';
import { useShowError } from '../../components/feedback';

function importProblems(error: unknown): ImportRowProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_FAILED') return [];
  const rows = (error.details as { rows?: unknown } | null | undefined)?.rows;
  return Array.isArray(rows) ? (rows as ImportRowProblem[]) : [];
}

/** Uploads an .xlsx of people; the server imports all rows or none and lists each bad row. */
export function PeopleImportModal({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<ImportRowProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const importPeople = useImportPeople();
  const showError = useShowError();
  const { message } = App.useApp();

  async function handleImport() {
    if (!file) return;
    setProblems([]);
    setFailure(null);
    try {
      const result = await importPeople.mutateAsync(file);
      void message.success(`已导入 ${result.imported} 人`);
      onClose();
    } catch (error) {
      const rows = importProblems(error);
      if (rows.length > 0 || (error instanceof ApiError && error.code === 'IMPORT_FAILED')) {
        setProblems(rows);
        setFailure(error instanceof ApiError ? error.message : '导入失败');
        return;
      }
      showError(error);
    }
  }

  async function handleDownloadTemplate() {
    try {
      await downloadImportTemplate();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Modal
      open
      title="从 Excel 导入人员"
      width={720}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          关闭
        </Button>,
        <Button key="import" type="primary" disabled={!file} loading={importPeople.isPending} onClick={handleImport}>
          开始导入
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        请先
        <Button type="link" size="small" onClick={handleDownloadTemplate} style={{ paddingInline: 4 }}>
          下载导入模板
        </Button>
        ，按模板填写后上传 .xlsx 文件。文件中只要有一行有错误，就不会导入任何数据。
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
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖拽 Excel 文件到此处</p>
        <p className="ant-upload-hint">仅支持 .xlsx 格式</p>
      </Upload.Dragger>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} /> : null}
      {problems.length > 0 ? (
        <Table<ImportRowProblem>
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(problem) => `${problem.row}-${problem.field}-${problem.message}`}
          dataSource={problems}
          pagination={problems.length > 10 ? { pageSize: 10, showTotal: (total) => `共 ${total} 处问题` } : false}
          columns={[
            { title: '行号', dataIndex: 'row', width: 90, render: (row: number) => `第${row}行` },
            { title: '字段', dataIndex: 'field', width: 140 },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      ) : null}
    </Modal>
  );
}
