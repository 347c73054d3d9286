/** 值班报告: the system's draft, edited by the officer, signed by the shift leader, revised once, sent. */
import { Alert, App, Button, Card, Collapse, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import {
  downloadDutyReport,
  useDutyReport,
  useReviseDutyReport,
  useSaveDutyReport,
  useSendDutyReport,
  useSignDutyReport,
  type DutyReportStatus,
  type ReportSection,
} from '../../api/duty-report';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { ErrorState, LoadingState } from '../../components/states';
import { DutyDatePicker, useDutyDateParam } from './DutyDatePicker';

const statusColors: Record<DutyReportStatus, string> = { none: 'default', draft: 'gold', signed: 'blue', revised: 'cyan', sent: 'green' };

export default function DutyReportPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [date, setDate] = useDutyDateParam();
  const report = useDutyReport(date);
  const save = useSaveDutyReport();
  const revise = useReviseDutyReport();
  const sign = useSignDutyReport();
  const send = useSendDutyReport();
  const [texts, setTexts] = useState<Record<string, string>>({});

  useEffect(() => {
    if (report.data) setTexts(Object.fromEntries(report.data.sections.map((section) => [section.key, section.text])));
  }, [report.data]);

  if (report.isLoading) return <LoadingState />;
  if (report.error) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const data = report.data!;
  const writer = hasAnyRole(user, ['duty_officer', 'shift_leader']);
  const editable = writer && (data.status === 'none' || data.status === 'draft');
  const revisable = writer && data.status === 'signed';
  const sections = data.sections.map((section) => ({ key: section.key, text: texts[section.key] ?? section.text }));

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
    } catch (error) {
      showError(error);
    }
  };
  const restore = (section: ReportSection) => {
    const generated = data.generated.find((item) => item.key === section.key);
    if (generated) setTexts((current) => ({ ...current, [section.key]: generated.text }));
  };

  return (
    <>
      <PageHeader
        title="值班报告"
        description="系统根据值班日志自动起草；值班员修改后由当日值班长审核签字，交接班会后可再修改一次，报送局领导。"
        extra={
          <>
            <DutyDatePicker value={date} onChange={setDate} />
            <Button onClick={() => void run(() => downloadDutyReport(date), '已导出 Word 文件')}>导出 Word</Button>
            <Button onClick={() => navigate(`/duty-report/print?date=${date}`)}>打印预览</Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="状态"><Tag color={statusColors[data.status]}>{data.statusLabel}</Tag></Descriptions.Item>
          <Descriptions.Item label="当日值班长">{data.shiftLeader?.name ?? '未排班'}</Descriptions.Item>
          <Descriptions.Item label="起草">{data.draftedBy ?? '系统草稿（未保存）'}</Descriptions.Item>
          <Descriptions.Item label="签字">{data.signedBy ? `${data.signedBy} ${formatInstant(data.signedAt)}` : '未签字'}</Descriptions.Item>
          <Descriptions.Item label="交接班后修改">{data.revisedBy ? `${data.revisedBy} ${formatInstant(data.revisedAt)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="报送">{data.sentAt ? `${data.sentTo}（${formatInstant(data.sentAt)}）` : '未报送'}</Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 8 }}>
          {editable ? <Button type="primary" loading={save.isPending} onClick={() => void run(() => save.mutateAsync({ date, sections }), '草稿已保存')}>保存草稿</Button> : null}
          {hasAnyRole(user, ['shift_leader']) && data.status === 'draft' ? (
            <Button type="primary" loading={sign.isPending} onClick={() => void run(() => sign.mutateAsync(date), '已签字')}>值班长签字</Button>
          ) : null}
          {revisable ? <Button loading={revise.isPending} onClick={() => void run(() => revise.mutateAsync({ date, sections }), '已按交接班会意见修改')}>交接班后修改</Button> : null}
          {writer && data.status !== 'sent' ? (
            <Button loading={send.isPending} onClick={() => void run(() => send.mutateAsync(date), '已报送局领导')}>报送局领导</Button>
          ) : null}
        </Space>
        {data.status === 'none' ? <Alert style={{ marginTop: 8 }} type="info" showIcon message="以下为系统根据当日记录起草的内容，保存后方可签字。" /> : null}
      </Card>

      <Card size="small" title="值班人员" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey={(row) => row[0]!}
          dataSource={data.staffRows}
          columns={[
            { title: '岗位', render: (_: unknown, row: string[]) => row[0], width: 140 },
            { title: '姓名', render: (_: unknown, row: string[]) => row[1] },
          ]}
        />
      </Card>

      {data.sections.map((section, index) => (
        <Card
          key={section.key}
          size="small"
          title={`${'一二三四五六七八九十'[index]}、${section.heading}`}
          style={{ marginBottom: 12 }}
          extra={editable || revisable ? <Button size="small" type="link" onClick={() => restore(section)}>恢复系统草稿</Button> : null}
        >
          {editable || revisable ? (
            <Input.TextArea
              aria-label={section.heading}
              autoSize={{ minRows: 2, maxRows: 16 }}
              value={texts[section.key] ?? section.text}
              onChange={(event) => setTexts((current) => ({ ...current, [section.key]: event.target.value }))}
            />
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{section.text}</Typography.Paragraph>
          )}
        </Card>
      ))}

      {data.versions.length > 0 ? (
        <Collapse
          style={{ marginTop: 16 }}
          items={data.versions.map((version) => ({
            key: String(version.version),
            label: `第 ${version.version} 版：${version.kind === 'signed' ? '值班长签字版' : '交接班后修改版'}（${version.createdBy}，${formatInstant(version.createdAt)}）`,
            children: version.sections.map((section) => (
              <div key={section.key} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{section.heading}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{section.text}</Typography.Paragraph>
              </div>
            )),
          }))}
        />
      ) : null}
    </>
  );
}
