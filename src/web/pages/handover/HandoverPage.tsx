/** 交接班: the meeting's participants and attendance, what was handed over, and the new shift's confirmation. */
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useEffect } from 'react';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useConfirmHandover, useHandover, useResponsibleShift, useSaveHandover, type HandoverInput } from '../../api/duty-report';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { ErrorState, LoadingState } from '../../components/states';
import { DutyDatePicker, useDutyDateParam } from '../duty-report/DutyDatePicker';

function clock(value: string): string {
  return formatInstant(value).slice(11, 16);
}

export default function HandoverPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const [date, setDate] = useDutyDateParam();
  const meeting = useHandover(date);
  const responsible = useResponsibleShift();
  const save = useSaveHandover();
  const confirm = useConfirmHandover();
  const [form] = Form.useForm<HandoverInput>();

  useEffect(() => {
    if (!meeting.data) return;
    form.setFieldsValue({
      attendedPersonIds: meeting.data.participants.filter((p) => p.attended).map((p) => p.personId),
      previousOfficerReport: meeting.data.previousOfficerReport,
      previousLeaderReport: meeting.data.previousLeaderReport,
      leaderInstructions: meeting.data.leaderInstructions,
      matters: meeting.data.matters,
      record: meeting.data.record,
    });
  }, [meeting.data, form]);

  if (meeting.isLoading) return <LoadingState />;
  if (meeting.error) return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const data = meeting.data!;
  const mayEdit = hasAnyRole(user, ['duty_officer', 'shift_leader', 'duty_commander']) && !data.confirmedAt;

  const submit = async (values: HandoverInput) => {
    try {
      await save.mutateAsync({ date, input: { ...values, attendedPersonIds: values.attendedPersonIds ?? [] } });
      void message.success('交接班记录已保存');
    } catch (error) {
      showError(error, form);
    }
  };
  const confirmNow = async () => {
    try {
      await confirm.mutateAsync(date);
      void message.success('已确认接班，当日值班人员开始负责');
    } catch (error) {
      showError(error);
    }
  };

  const shift = responsible.data;
  return (
    <>
      <PageHeader title="交接班" description="每日交接班会：前日值班人员汇报并移交事项，当日值班员记录，当日值班人员确认接班。" extra={<DutyDatePicker value={date} onChange={setDate} />} />
      {shift ? (
        <Alert
          style={{ marginBottom: 16 }}
          type={shift.awaitingHandover ? 'warning' : 'success'}
          showIcon
          message={shift.awaitingHandover
            ? `当日值班人员尚未确认接班，目前仍由 ${shift.date} 一班负责（值班长：${shift.shiftLeader?.name ?? '未排班'}）。`
            : `当前由 ${shift.date} 一班负责（值班长：${shift.shiftLeader?.name ?? '未排班'}）。`}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="时间">{clock(data.startsAt)}—{clock(data.endsAt)}</Descriptions.Item>
          <Descriptions.Item label="主持">{data.chair ? `${data.chair.label} ${data.chair.name}` : '未排班'}</Descriptions.Item>
          <Descriptions.Item label="范围">{data.commanderLed ? '法定节假日、重要敏感时期：指挥长参加' : '平时：值班长、值班员参加'}</Descriptions.Item>
          <Descriptions.Item label="接班确认">
            {data.confirmedAt ? <Tag color="green">{data.confirmedBy} {formatInstant(data.confirmedAt)}</Tag> : <Tag color="orange">未确认</Tag>}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Form form={form} layout="vertical" disabled={!mayEdit} onFinish={(values) => void submit(values)}>
        <Card size="small" title="出席人员" style={{ marginBottom: 16 }}>
          <Form.Item name="attendedPersonIds" style={{ marginBottom: 0 }}>
            <Checkbox.Group>
              <Space wrap>
                {data.participants.map((participant) => (
                  <Checkbox key={`${participant.shift}-${participant.personId}`} value={participant.personId}>
                    {participant.label} {participant.name}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        </Card>
        <Card size="small" title="交接内容" style={{ marginBottom: 16 }}>
          <Form.Item name="previousOfficerReport" label="前日值班员汇报（视频巡查、夜查、信息收集报送情况）">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
          </Form.Item>
          <Form.Item name="previousLeaderReport" label="前日值班长汇报和讲评">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
          </Form.Item>
          <Form.Item name="leaderInstructions" label="传达领导指示、批示">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
          </Form.Item>
          <Form.Item name="matters" label="移交当日关注、衔接的事项">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
          </Form.Item>
          <Form.Item name="record" label="交接班记录（当日值班员填写）">
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={8000} />
          </Form.Item>
          {mayEdit ? (
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending}>保存记录</Button>
              <Button disabled={!data.saved} loading={confirm.isPending} onClick={() => void confirmNow()}>确认接班</Button>
            </Space>
          ) : null}
        </Card>
      </Form>
    </>
  );
}
