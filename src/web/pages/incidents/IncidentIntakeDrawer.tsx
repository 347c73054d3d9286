/**
 * 接报登记: a phone-first intake form. Only the title, unit, grade and the
 * three times are required; every other element can be filled in later.
 */
import { Button, Collapse, DatePicker, Drawer, Flex, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../app/auth';
import { useCreateIncident, gradeLabels, channelLabels, type IncidentElements, type IncidentGrade, type ReportChannel } from '../../api/incidents';
import { useUnits } from '../../api/units';
import { useShowError } from '../../components/feedback';
import { ElementFields } from './IncidentForm';
import { centerWallNow, wallToInstant } from '../../app/time';

interface IntakeValues extends IncidentElements {
  title: string;
  unitId: string;
  grade: IncidentGrade;
  channel: ReportChannel;
  occurredAt: Dayjs;
  discoveredAt: Dayjs;
  receivedAt: Dayjs;
}

export function IncidentIntakeDrawer({ onClose }: { onClose: () => void }) {
  const user = useCurrentUser();
  const [form] = Form.useForm<IntakeValues>();
  const units = useUnits();
  const createIncident = useCreateIncident();
  const showError = useShowError();
  const navigate = useNavigate();
  const isLiaison = user.roles.includes('unit_liaison') && !user.roles.some((role) => role !== 'unit_liaison');
  const now = centerWallNow().second(0);

  async function handleFinish(values: IntakeValues) {
    const { occurredAt, discoveredAt, receivedAt, ...rest } = values;
    try {
      const incident = await createIncident.mutateAsync({
        ...rest,
        occurredAt: wallToInstant(occurredAt),
        discoveredAt: wallToInstant(discoveredAt),
        receivedAt: wallToInstant(receivedAt),
      });
      onClose();
      void navigate(`/incidents/${incident.id}`);
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Drawer
      open
      title="接报登记"
      size={640}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={createIncident.isPending} onClick={() => form.submit()} data-testid="incident-submit">
            登记
          </Button>
        </Flex>
      }
    >
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ grade: 'general', channel: 'phone', occurredAt: now, discoveredAt: now, receivedAt: now, unitId: isLiaison ? user.unitId : undefined, earlySign: false }}
      >
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={100} placeholder="如：某司法所社区矫正对象脱管" autoFocus />
        </Form.Item>
        <Form.Item name="unitId" label="报送单位" rules={[{ required: true, message: '请选择报送单位' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isPending}
            disabled={isLiaison}
            placeholder="选择单位"
            options={(units.data ?? []).filter((unit) => unit.active).map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </Form.Item>
        <Form.Item name="grade" label="事件等级" rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={(Object.keys(gradeLabels) as IncidentGrade[]).map((grade) => ({ value: grade, label: gradeLabels[grade] }))} />
        </Form.Item>
        <Form.Item name="channel" label="报送方式" rules={[{ required: true }]}>
          <Radio.Group options={(Object.keys(channelLabels) as ReportChannel[]).map((channel) => ({ value: channel, label: channelLabels[channel] }))} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="occurredAt" label="发生时间" rules={[{ required: true, message: '请选择发生时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="discoveredAt" label="发现时间" rules={[{ required: true, message: '请选择发现时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="receivedAt" label="接报时间" rules={[{ required: true, message: '请选择接报时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </Flex>
        <Collapse
          size="small"
          items={[{ key: 'elements', label: '其他要素（可稍后补充，书面报告前须补齐）', forceRender: true, children: <ElementFields /> }]}
        />
      </Form>
    </Drawer>
  );
}
