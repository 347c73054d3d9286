import { App, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useParams } from 'react-router';
import { Link } from 'react-router';
import { CLASSIFIED_FAX_RULE, DOCUMENT_EVENT_LABELS, OPINION_KIND_LABELS, type DocumentEventKind } from '../../../domain/documents/index';
import { useDocument, useDocumentAction, type DocumentEvent, type DocumentTransfer } from '../../api/documents';
import { useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/states';
import { DocumentActions } from './DocumentActions';
import { KindTag, StatusTag, UrgencyTag } from './document-labels';

const eventColors: Partial<Record<DocumentEventKind, string>> = {
  registered: 'blue',
  reported: 'blue',
  opinion: 'purple',
  transferred: 'orange',
  signed: 'green',
  reminded: 'red',
  archived: 'gray',
  destroyed: 'gray',
};

function eventText(event: DocumentEvent): string {
  const head = event.kind === 'opinion' && event.opinionKind ? OPINION_KIND_LABELS[event.opinionKind] : DOCUMENT_EVENT_LABELS[event.kind];
  const unit = event.unitName ? `（${event.unitName}）` : '';
  return `${head}${unit} · ${event.actorName}${event.text ? `：${event.text}` : ''}`;
}

/** Shows a document's whole life on one page: its register entry, transfers and timeline. */
export default function DocumentDetailPage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const documentQuery = useDocument(id);
  const action = useDocumentAction();
  const showError = useShowError();
  const { message } = App.useApp();

  if (documentQuery.isPending) return <LoadingState />;
  if (documentQuery.isError) return <ErrorState error={documentQuery.error} onRetry={() => void documentQuery.refetch()} />;
  const document = documentQuery.data;

  async function handleSign(transfer: DocumentTransfer) {
    try {
      await action.mutateAsync({ id: document.id, action: { type: 'sign', transferId: transfer.id } });
      void message.success(`已签收（${user.name}）`);
    } catch (error) {
      showError(error);
    }
  }

  const transferColumns: TableColumnsType<DocumentTransfer> = [
    { title: '承办单位', dataIndex: 'unitName' },
    { title: '通知时间', dataIndex: 'notifiedAt', render: (value: string) => formatInstant(value).slice(0, 16) },
    { title: '催办', dataIndex: 'reminderCount', render: (count: number, transfer) => (count > 0 ? `${count}次，最近 ${formatInstant(transfer.lastRemindedAt).slice(5, 16)}` : '—') },
    {
      title: '签收',
      key: 'signed',
      render: (_, transfer) =>
        transfer.signedAt ? (
          <span>
            <Tag color="success">已签收</Tag>
            {transfer.signedByName} {formatInstant(transfer.signedAt).slice(0, 16)}
          </span>
        ) : transfer.unitId === user.unitId ? (
          <Button type="primary" size="small" loading={action.isPending} onClick={() => void handleSign(transfer)}>
            签收
          </Button>
        ) : (
          <Tag color="warning">待签收</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={`${document.serial}　${document.title}`}
        description={<Link to="/documents">返回收文登记</Link>}
        extra={<DocumentActions document={document} />}
      />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="登记信息" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="收文编号">{document.serial}</Descriptions.Item>
              <Descriptions.Item label="类型"><KindTag kind={document.kind} /></Descriptions.Item>
              <Descriptions.Item label="收文时间">{formatInstant(document.receivedAt).slice(0, 16)}</Descriptions.Item>
              <Descriptions.Item label="紧急程度"><UrgencyTag urgency={document.urgency} /></Descriptions.Item>
              <Descriptions.Item label="来文单位">{document.senderUnit}</Descriptions.Item>
              <Descriptions.Item label="来文文号">{document.referenceNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="份数">{document.copies}</Descriptions.Item>
              <Descriptions.Item label="接收人">{document.receivedByName}</Descriptions.Item>
              <Descriptions.Item label="状态"><StatusTag status={document.status} /></Descriptions.Item>
              <Descriptions.Item label="报告值班长">{document.reportedAt ? `${document.reportedToName ?? ''} ${formatInstant(document.reportedAt).slice(0, 16)}` : '未报告'}</Descriptions.Item>
              <Descriptions.Item label="附件清单" span={2}>{document.attachmentTitles.length > 0 ? document.attachmentTitles.join('、') : '—'}</Descriptions.Item>
              {document.closedAt ? (
                <Descriptions.Item label={document.status === 'destroyed' ? '销毁' : '归档'} span={2}>
                  {document.closedByName} {formatInstant(document.closedAt).slice(0, 16)} {document.closureNote ?? ''}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {document.kind === 'classified_fax' ? (
              <Typography.Paragraph type="warning" style={{ marginTop: 12, marginBottom: 0 }}>{CLASSIFIED_FAX_RULE}</Typography.Paragraph>
            ) : document.content ? (
              <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{document.content}</Typography.Paragraph>
            ) : null}
          </Card>
          <Card title="转办与签收">
            <Table<DocumentTransfer> rowKey="id" size="small" pagination={false} columns={transferColumns} dataSource={document.transfers} locale={{ emptyText: '尚未转办' }} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="办理过程">
            <Timeline
              items={document.events.map((event) => ({
                key: event.id,
                color: eventColors[event.kind] ?? 'blue',
                content: (
                  <Space direction="vertical" size={0}>
                    <Typography.Text type="secondary">{formatInstant(event.at).slice(0, 16)}</Typography.Text>
                    <Typography.Text>{eventText(event)}</Typography.Text>
                  </Space>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
