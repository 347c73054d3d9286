import { Form, InputNumber, Modal, Select, Space } from 'antd';
import { dayTypeLabels, type DayType } from '../../api/calendar';
import { dutyPostLabels, useRosterSettings, useSaveRosterSettings, type DutyPost, type RosterSettings } from '../../api/roster';
import { useShowError } from '../../components/feedback';
import { LoadingState } from '../../components/states';
import { roleLabels, roles } from '../../../shared/roles';

const dayTypes: DayType[] = ['workday', 'makeup_workday', 'weekend', 'holiday', 'sensitive'];
const posts: DutyPost[] = ['commander', 'shiftLeader', 'officer'];

/** Edits the rotation settings. They apply to rosters generated afterwards, so published and past days keep their staff. */
export function RosterSettingsModal({ onClose }: { onClose: () => void }) {
  const settings = useRosterSettings();
  const save = useSaveRosterSettings();
  const showError = useShowError();
  const [form] = Form.useForm<RosterSettings>();

  async function handleSubmit() {
    const values = await form.validateFields();
    save.mutate(values, { onSuccess: onClose, onError: (error) => showError(error, form) });
  }

  return (
    <Modal open title="排班设置" okText="保存" cancelText="取消" onOk={handleSubmit} onCancel={onClose} confirmLoading={save.isPending} width={560}>
      {settings.isPending ? <LoadingState /> : null}
      {settings.data ? (
        <Form form={form} layout="vertical" initialValues={settings.data.settings}>
          <Form.Item label="每日值班员人数（按日期类型）">
            <Space wrap>
              {dayTypes.map((type) => (
                <Form.Item key={type} name={['officersPerDay', type]} label={dayTypeLabels[type]} rules={[{ required: true, message: '请填写人数' }]} style={{ marginBottom: 0 }}>
                  <InputNumber min={1} max={50} />
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
          <Form.Item name="minRestDays" label="两次值班之间至少间隔的天数" rules={[{ required: true, message: '请填写间隔天数' }]}>
            <InputNumber min={0} max={30} />
          </Form.Item>
          <Form.Item name="fairnessWindow" label="均衡统计区间">
            <Select options={[{ value: 'calendar_year', label: '自然年（1月1日至12月31日）' }, { value: 'rolling_year', label: '滚动一年（截至排班月份末）' }]} />
          </Form.Item>
          {posts.map((post) => (
            <Form.Item key={post} name={['approverRoles', post]} label={`${dutyPostLabels[post]}换班、替班的审批角色`} rules={[{ required: true, message: '请至少选择一个审批角色' }]}>
              <Select mode="multiple" options={roles.filter((role) => role !== 'hall_display').map((role) => ({ value: role, label: roleLabels[role] }))} />
            </Form.Item>
          ))}
        </Form>
      ) : null}
    </Modal>
  );
}
