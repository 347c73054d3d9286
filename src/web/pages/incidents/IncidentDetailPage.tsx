/** 突发案事件详情: deadlines, missing elements, handling steps, reports, orders and the timeline. */
import { ExportOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Flex, Form, Popconfirm, Row, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  downloadIncidentDocument,
  gradeColors,
  statusLabels,
  statusOrder,
  useActivateSeats,
  useIncident,
  useUpdateIncident,
  type Incident,
  type IncidentActions,
  type IncidentElements,
  type IncidentOrder,
  type ReportKind,
} from '../../api/incidents';
import { PageHeader } from '../../components/PageHeader';
import { Countdown } from '../../components/live/Countdown';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { ErrorState, LoadingState } from '../../components/states';
import { ElementFields } from './IncidentForm';
import { OrderDoneModal, OrderModal, ReportModal, StepModal, reportKindLabels } from './IncidentActionModals';

/** Name of the written report this incident still needs: a supplement after a phone report, else the written first report. */
function writtenReportLabel(incident: Incident): string {
  return incident.needsWrittenSupplement ? '书面补报' : '书面初报';
}

function reportLabel(incident: Incident, kind: ReportKind): string {
  return kind === 'written' ? writtenReportLabel(incident) : reportKindLabels[kind];
}

function short(value: string | null): string {
  return value ? formatInstant(value).slice(0, 16) : '—';
}

function ElementValue({ value, element, missing }: { value: string | null; element?: string; missing: string[] }) {
  if (element && missing.includes(element)) return <Typography.Text type="danger" strong>未报</Typography.Text>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{value ?? '—'}</span>;
}

function ElementsDrawer({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const [form] = Form.useForm<IncidentElements>();
  const update = useUpdateIncident(incident.id);
  const showError = useShowError();

  async function handleFinish(values: IncidentElements) {
    try {
      await update.mutateAsync(values);
      onClose();
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Drawer
      open
      title="补充要素"
      size={640}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <Form<IncidentElements>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{
          type: incident.type,
          earlySign: incident.earlySign,
          place: incident.place,
          reporterName: incident.reporterName,
          reporterContact: incident.contactsHidden ? undefined : incident.reporterContact,
          onSiteCommanderName: incident.onSiteCommanderName,
          onSiteCommanderContact: incident.contactsHidden ? undefined : incident.onSiteCommanderContact,
          facts: incident.facts,
          casualties: incident.casualties,
          trend: incident.trend,
          measures: incident.measures,
          publicOpinion: incident.publicOpinion,
          background: incident.background,
        }}
      >
        <ElementFields missing={incident.missingElements} />
      </Form>
    </Drawer>
  );
}

function ActionBar({ incident, actions, onStep, onReport, onEdit }: { incident: Incident; actions: IncidentActions; onStep: (step: IncidentActions['steps'][number]) => void; onReport: (kind: ReportKind) => void; onEdit: () => void }) {
  const { message } = App.useApp();
  const activateSeats = useActivateSeats(incident.id);
  const showError = useShowError();
  const reportKinds: ReportKind[] = [
    ...(!incident.writtenReportAt ? (['written'] as const) : []),
    'follow_up',
    ...(!incident.verifiedAt ? (['verification'] as const) : []),
    'final',
  ];

  async function handleActivateSeats() {
    try {
      await activateSeats.mutateAsync(`${incident.gradeLabel}突发案事件：${incident.title}`);
      void message.success('已启动联合坐席，各席位备勤人员已收到通知。');
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Flex gap={8} wrap className="no-print" style={{ marginBottom: 16 }}>
      {actions.steps.map((step) => (
        <Button key={step.step} type={step.step === 'report' || step.step === 'start_handling' ? 'primary' : 'default'} onClick={() => onStep(step)}>
          {step.label}
        </Button>
      ))}
      {actions.canEdit ? <Button onClick={onEdit}>补充要素</Button> : null}
      {actions.canReport
        ? reportKinds.map((kind) => (
            <Button key={kind} onClick={() => onReport(kind)}>
              登记{reportLabel(incident, kind)}
            </Button>
          ))
        : null}
      {actions.canActivateSeats ? (
        <Popconfirm title="为本事件启动全部联合坐席？" okText="启动" cancelText="取消" onConfirm={handleActivateSeats}>
          <Button danger loading={activateSeats.isPending}>
            启动联合坐席
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}

export default function IncidentDetailPage() {
  const { id = '' } = useParams();
  const detail = useIncident(id);
  const showError = useShowError();
  const [step, setStep] = useState<IncidentActions['steps'][number] | null>(null);
  const [reportKind, setReportKind] = useState<ReportKind | null>(null);
  const [editing, setEditing] = useState(false);
  const [ordering, setOrdering] = useState(false);
  const [completing, setCompleting] = useState<string | null>(null);

  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { incident, timeline, reports, orders, actions } = detail.data;
  const missing = incident.missingElements;
  const currentStep = statusOrder.indexOf(incident.status);

  async function handleExport() {
    try {
      await downloadIncidentDocument(incident);
    } catch (error) {
      showError(error);
    }
  }

  const orderColumns = [
    { title: '下达时间', dataIndex: 'issuedAt', width: 150, render: short },
    { title: '承办', dataIndex: 'assignee', width: 160 },
    { title: '指令内容', dataIndex: 'content' },
    {
      title: '落实情况',
      key: 'status',
      render: (_: unknown, order: IncidentOrder) =>
        order.status === 'done' ? (
          <>
            <Tag color="success">已落实</Tag>
            {order.result}（{order.doneByName}，{short(order.doneAt)}）
          </>
        ) : actions.canCompleteOrders ? (
          <Button size="small" onClick={() => setCompleting(order.id)}>
            登记落实
          </Button>
        ) : (
          <Tag color="processing">落实中</Tag>
        ),
    },
  ];

  return (
    <>
      <style>{'@media print { .no-print, .ant-layout-sider, .ant-layout-header { display: none !important; } }'}</style>
      <PageHeader
        title={incident.title}
        description={
          <Flex gap={6} wrap align="center">
            <span>{incident.serialNumber}</span>
            <span>{incident.unitName}</span>
            <Tag color={gradeColors[incident.grade]}>{incident.gradeLabel}</Tag>
            <Tag color={incident.status === 'archived' ? 'default' : 'processing'}>{incident.statusLabel}</Tag>
            {incident.lateLabel ? <Tag color="red">{incident.lateLabel}</Tag> : <Tag color="green">按时报送</Tag>}
            {incident.earlySign ? <Tag color="purple">苗头性信息</Tag> : null}
          </Flex>
        }
        extra={
          <>
            <Link to="/incidents" className="no-print">
              <Button>返回列表</Button>
            </Link>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
              打印
            </Button>
            <Button icon={<ExportOutlined />} onClick={handleExport} className="no-print">
              导出Word
            </Button>
          </>
        }
      />
      <ActionBar incident={incident} actions={actions} onStep={setStep} onReport={setReportKind} onEdit={() => setEditing(true)} />

      <Card style={{ marginBottom: 16 }}>
        <Steps current={currentStep} status={incident.status === 'archived' ? 'finish' : 'process'} items={statusOrder.map((status) => ({ title: statusLabels[status] }))} />
      </Card>

      {missing.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="missing-elements"
          title={`书面报告尚缺要素：${missing.join('、')}`}
          description={
            <>
              {incident.needsWrittenSupplement ? '电话报告后须书面补报' : '书面初报要素须齐全'}，时限 {short(incident.writtenReportDue)}，<Countdown due={incident.writtenReportDue} doneAt={incident.writtenReportAt} />
            </>
          }
        />
      ) : null}

      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <Card title="报送时限" size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="报送时限">
                {short(incident.reportDeadline)} {incident.lateLabel ? <Tag color="red">{incident.lateLabel}</Tag> : <Tag color="green">按时</Tag>}
              </Descriptions.Item>
              {incident.deadlines.map((deadline) => (
                <Descriptions.Item key={deadline.kind} label={deadline.label}>
                  <Flex vertical>
                    <span>时限 {short(deadline.due)}</span>
                    {deadline.doneAt ? <span>已于 {short(deadline.doneAt)} 完成</span> : incident.status === 'archived' ? null : <Countdown due={deadline.due} />}
                  </Flex>
                </Descriptions.Item>
              ))}
              <Descriptions.Item label="终报">{incident.finalReportAt ? short(incident.finalReportAt) : '未报'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={`值班人员（${incident.dutyDate} 值班日）`} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="值班指挥长">{incident.commander?.name ?? '未排班'}</Descriptions.Item>
              <Descriptions.Item label="值班长">{incident.shiftLeader?.name ?? '未排班'}</Descriptions.Item>
              <Descriptions.Item label="值班员">{incident.officers.map((officer) => officer.name).join('、') || '未排班'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title="事件要素" size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label="发生时间">{short(incident.occurredAt)}</Descriptions.Item>
              <Descriptions.Item label="发现时间">{short(incident.discoveredAt)}</Descriptions.Item>
              <Descriptions.Item label="接报时间">{short(incident.receivedAt)}（{incident.channelLabel}）</Descriptions.Item>
              <Descriptions.Item label="事件类型">{incident.type ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="发生地点" span={2}><ElementValue value={incident.place} element="地点" missing={missing} /></Descriptions.Item>
              <Descriptions.Item label="基本情况" span={2}><ElementValue value={incident.facts} element="基本情况" missing={missing} /></Descriptions.Item>
              <Descriptions.Item label="伤亡和损失" span={2}><ElementValue value={incident.casualties} element="伤亡和损失情况" missing={missing} /></Descriptions.Item>
              <Descriptions.Item label="已采取的措施" span={2}><ElementValue value={incident.measures} element="已采取的措施" missing={missing} /></Descriptions.Item>
              <Descriptions.Item label="报告人" span={2}>
                {missing.includes('报告人及联系方式') ? <ElementValue value={null} element="报告人及联系方式" missing={missing} /> : `${incident.reporterName ?? '—'} ${incident.contactsHidden ? '（电话不公开）' : incident.reporterContact ?? ''}`}
              </Descriptions.Item>
              <Descriptions.Item label="现场指挥员" span={2}>
                {missing.includes('现场指挥员及联系方式') ? <ElementValue value={null} element="现场指挥员及联系方式" missing={missing} /> : `${incident.onSiteCommanderName ?? '—'} ${incident.contactsHidden ? '（电话不公开）' : incident.onSiteCommanderContact ?? ''}`}
              </Descriptions.Item>
              <Descriptions.Item label="发展趋势" span={2}><ElementValue value={incident.trend} missing={missing} /></Descriptions.Item>
              <Descriptions.Item label="网上舆情" span={2}><ElementValue value={incident.publicOpinion} element="网上舆情" missing={missing} /></Descriptions.Item>
              <Descriptions.Item label="背景资料" span={2}><ElementValue value={incident.background} element="背景资料" missing={missing} /></Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>

      <Card title="报送情况（书面报告、续报、核报、终报）" size="small" style={{ marginBottom: 16 }}>
        {reports.length === 0 ? (
          <Typography.Text type="secondary">尚无首报之后的报告。</Typography.Text>
        ) : (
          reports.map((report) => (
            <div key={report.id} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{report.label}</Typography.Text>
              <Typography.Text type="secondary"> {short(report.reportedAt)} {report.createdByName}</Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{report.content}</div>
            </div>
          ))
        )}
      </Card>

      <Card
        title="指令及落实"
        size="small"
        style={{ marginBottom: 16 }}
        extra={actions.canIssueOrders ? <Button size="small" type="primary" onClick={() => setOrdering(true)} className="no-print">下达指令</Button> : null}
      >
        <Table<IncidentOrder> rowKey="id" size="small" pagination={false} columns={orderColumns} dataSource={orders} locale={{ emptyText: '尚未下达指令' }} />
      </Card>

      {incident.summary.process ? (
        <Card title="总结分析" size="small" style={{ marginBottom: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="事件过程">{incident.summary.process}</Descriptions.Item>
            <Descriptions.Item label="处置情况">{incident.summary.handling}</Descriptions.Item>
            <Descriptions.Item label="经验教训">{incident.summary.lessons}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}

      <Card title="处置时间线" size="small" data-testid="incident-timeline">
        {timeline.map((entry) => (
          <Flex key={entry.id} gap={12} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
            <span style={{ width: 130, flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>{short(entry.at)}</span>
            <span style={{ width: 220, flexShrink: 0, fontWeight: 600 }}>{entry.label}</span>
            <span style={{ width: 90, flexShrink: 0 }}>{entry.actorName ?? '系统'}</span>
            <span style={{ whiteSpace: 'pre-wrap' }}>{entry.note ?? ''}</span>
          </Flex>
        ))}
      </Card>

      {step ? <StepModal incidentId={incident.id} step={step} onClose={() => setStep(null)} /> : null}
      {reportKind ? (
        <ReportModal
          incidentId={incident.id}
          kind={reportKind}
          title={reportLabel(incident, reportKind)}
          onClose={() => setReportKind(null)}
        />
      ) : null}
      {editing ? <ElementsDrawer incident={incident} onClose={() => setEditing(false)} /> : null}
      {ordering ? <OrderModal incidentId={incident.id} onClose={() => setOrdering(false)} /> : null}
      {completing ? <OrderDoneModal incidentId={incident.id} orderId={completing} onClose={() => setCompleting(null)} /> : null}
    </>
  );
}
