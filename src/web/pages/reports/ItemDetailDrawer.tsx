/**
 * Detail of one key-information item: every stored version (the returned
 * ones and their revisions are all kept) and its 书面补报/初步核查/续报/终报 in order.
 */
import { Descriptions, Drawer, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { REPORT_CATEGORY_LABELS } from '../../../domain/reports/categories';
import { useReportItem, type ReportItem } from '../../api/reports';
import { formatDateTime } from '../../app/time';
import { ErrorState, LoadingState } from '../../components/states';

/** Returns whether an urgent or phone-first item still owes its written supplement (书面补报). */
export function owesWrittenSupplement(item: Pick<ReportItem, 'urgent' | 'phoneFirst' | 'writtenSupplementAt'>): boolean {
  return (item.urgent || item.phoneFirst) && item.writtenSupplementAt === null;
}

/** The 「书面补报待补」 tag with its deadline, shown until the supplement arrives. */
export function SupplementMarker({ item }: { item: Pick<ReportItem, 'urgent' | 'phoneFirst' | 'writtenSupplementAt' | 'writtenSupplementDueAt'> }) {
  if (!owesWrittenSupplement(item)) return null;
  const due = item.writtenSupplementDueAt ? `（${formatDateTime(item.writtenSupplementDueAt)} 前）` : '';
  return <Tag color="volcano" data-testid="supplement-pending">书面补报待补{due}</Tag>;
}

export function ItemDetailDrawer({ itemId, onClose }: { itemId: string | null; onClose: () => void }) {
  const detail = useReportItem(itemId);
  const item = detail.data;
  const versions = [...(item?.versions ?? [])].sort((a, b) => b.version - a.version);

  return (
    <Drawer title="要情信息详情" width={640} open={itemId !== null} onClose={onClose} destroyOnClose>
      {detail.isLoading ? (
        <LoadingState />
      ) : detail.isError || !item ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <div data-testid="item-detail">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="单位">{item.unitName}</Descriptions.Item>
            <Descriptions.Item label="标题">
              <Space wrap>
                {item.title}
                {item.urgent && <Tag color="red">紧急</Tag>}
                {item.phoneFirst && <Tag>先电话报告</Tag>}
                <SupplementMarker item={item} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="当前版本">第{item.version}版</Descriptions.Item>
            {item.reviewReason && <Descriptions.Item label="退回原因">{item.reviewReason}</Descriptions.Item>}
          </Descriptions>

          <Typography.Title level={5} style={{ marginTop: 16 }}>各版本（{versions.length}）</Typography.Title>
          {versions.map((version) => (
            <div key={version.version} style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 12, marginBottom: 12 }}>
              <Space wrap>
                <Tag color={version.version === item.version ? 'green' : 'default'}>第{version.version}版{version.version === item.version ? '（当前）' : ''}</Tag>
                <Typography.Text type="secondary">{formatDateTime(version.createdAt)} {version.createdBy}</Typography.Text>
              </Space>
              <div>【{REPORT_CATEGORY_LABELS[version.content.category]}】{version.content.title}</div>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{version.content.content}</Typography.Paragraph>
            </div>
          ))}

          <Typography.Title level={5} style={{ marginTop: 16 }}>续报、核报与终报</Typography.Title>
          {item.updates.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无续报" />
          ) : (
            <Timeline
              items={item.updates.map((update) => ({
                color: update.kind === 'closing' ? 'green' : 'blue',
                children: (
                  <div>
                    <Space wrap>
                      <Tag>{update.label}</Tag>
                      <Typography.Text type="secondary">{formatDateTime(update.submittedAt)} {update.submittedBy}</Typography.Text>
                    </Space>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{update.content}</Typography.Paragraph>
                  </div>
                ),
              }))}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}
