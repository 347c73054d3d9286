import { DownloadOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Space } from 'antd';
import { useState } from 'react';
import { phoneReaderRoles } from '../../../shared/roles';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { downloadRosterExcel } from './roster-outputs-api';
import { RosterImportModal } from './RosterImportModal';

/** Roles that import a hand-made roster (the server enforces the same list). */
const importRoles = ['sys_admin', 'shift_leader', 'duty_commander'] as const;

/**
 * Excel export, print view and Excel import of one month's roster, for the
 * roster page's header. Phones are offered only to roles that may read them.
 */
export function RosterOutputsBar({ month }: { month: string }) {
  const user = useCurrentUser();
  const showError = useShowError();
  const [withPhones, setWithPhones] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const mayReadPhones = hasAnyRole(user, phoneReaderRoles);
  const mayImport = hasAnyRole(user, importRoles);

  async function handleExport() {
    setExporting(true);
    try {
      await downloadRosterExcel(month, withPhones);
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  }

  function handlePrint() {
    window.open(`/roster/print?month=${month}${withPhones ? '&withPhones=true' : ''}`, '_blank', 'noopener');
  }

  return (
    <Space wrap>
      {mayReadPhones ? (
        <Checkbox checked={withPhones} onChange={(event) => setWithPhones(event.target.checked)}>
          含联系电话
        </Checkbox>
      ) : null}
      <Button icon={<DownloadOutlined />} onClick={handleExport} loading={exporting}>
        导出Excel
      </Button>
      <Button icon={<PrinterOutlined />} onClick={handlePrint}>
        打印
      </Button>
      {mayImport ? (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          导入Excel
        </Button>
      ) : null}
      {importing ? <RosterImportModal month={month} onClose={() => setImporting(false)} /> : null}
    </Space>
  );
}
