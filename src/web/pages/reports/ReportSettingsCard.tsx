/** The system administrator's settings of the report deadlines (单位报送、汇总、报省厅). */
import { App, Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useReportSettings, useUpdateReportSettings, type DailyReportSettings } from '../../api/reports';
import { useShowError } from '../../components/feedback';

export function ReportSettingsCard() {
  const settings = useReportSettings();
  const update = useUpdateReportSettings();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm<DailyReportSettings>();

  async function handleSave(values: DailyReportSettings) {
    try {
      await update.mutateAsync(values);
      void message.success('截止时间已保存。');
    } catch (error) {
      showError(error, form);
    }
  }

  if (!settings.data) return null;
  return (
    <Card size="small" title="报送截止时间设置" style={{ marginTop: 16 }}>
      <Form form={form} layout="inline" initialValues={settings.data} onFinish={(values) => void handleSave(values)}>
        <Space wrap>
          <Form.Item name="unitDeadline" label="单位报送"><Input style={{ width: 80 }} placeholder="15:00" /></Form.Item>
          <Form.Item name="collectionDeadline" label="汇总"><Input style={{ width: 80 }} placeholder="15:30" /></Form.Item>
          <Form.Item name="provinceDeadline" label="报省厅"><Input style={{ width: 80 }} placeholder="16:00" /></Form.Item>
          <Form.Item name="rectificationWorkingDays" label="整改期限（工作日）"><InputNumber min={1} max={30} /></Form.Item>
          <Form.Item name="instructionFeedbackTime" label="批示反馈截止"><Input style={{ width: 80 }} placeholder="23:59" /></Form.Item>
          <Button htmlType="submit" loading={update.isPending}>保存</Button>
        </Space>
      </Form>
    </Card>
  );
}
