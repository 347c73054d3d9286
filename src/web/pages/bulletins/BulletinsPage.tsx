/** 《司法要情》: compose a day's issue, edit it next to an A4 preview, review, sign off, mark sent, export. */
import { App, Button, Card, Col, DatePicker, Descriptions, Input, List, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useBulletin, useBulletinAction, useBulletins, type Bulletin } from '../../api/reports';
import { apiDownload } from '../../app/api-client';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { localToday } from '../reports/report-labels';
import { BulletinPreview } from './bulletin-preview';
import { formatDateTime } from '../../app/time';

const statusColors: Record<Bulletin['status'], string> = { draft: 'gold', reviewed: 'blue', signed: 'green', sent: 'default' };

export default function BulletinsPage() {
  const user = useCurrentUser();
  const [year] = useState(Number(localToday().slice(0, 4)));
  const [date, setDate] = useState(localToday());
  const [selected, setSelected] = useState<string | null>(null);
  const list = useBulletins(year);
  const detail = useBulletin(selected);
  const action = useBulletinAction();
  const showError = useShowError();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Bulletin | null>(null);

  useEffect(() => {
    setDraft(detail.data ?? null);
  }, [detail.data]);

  useEffect(() => {
    if (selected === null && list.data && list.data.length > 0) setSelected(list.data[0]!.id);
  }, [list.data, selected]);

  async function run(method: 'POST' | 'PUT', path: string, body?: unknown, done = '已保存。') {
    try {
      const result = await action.mutateAsync({ method, path, body });
      setSelected(result.bulletin.id);
      void message.success(done);
    } catch (error) {
      showError(error);
    }
  }

  function updateItem(sectionIndex: number, itemIndex: number, patch: { title?: string; content?: string }) {
    setDraft((current) => current && {
      ...current,
      sections: current.sections.map((section, s) => (s !== sectionIndex ? section : { ...section, items: section.items.map((item, i) => (i === itemIndex ? { ...item, ...patch } : item)) })),
    });
  }

  const editable = draft !== null && (draft.status === 'draft' || draft.status === 'reviewed');
  return (
    <div>
      <PageHeader
        title="《司法要情》"
        description="取当日已采用信息按类别汇编，期号按年连续编排；值班长审核，当日值班指挥长签发后报省厅指挥中心。"
        extra={
          <Space>
            <DatePicker allowClear={false} value={dayjs(date)} onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))} />
            <Button type="primary" onClick={() => void run('POST', '/api/bulletins', { date }, '已编制。')}>编制当日要情</Button>
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card size="small" title={`${year}年各期`}>
            {list.isLoading ? <LoadingState /> : list.isError ? <ErrorState error={list.error} /> : (list.data ?? []).length === 0 ? <EmptyState description="本年尚未编制" /> : (
              <List
                size="small"
                dataSource={list.data}
                style={{ maxHeight: 640, overflow: 'auto' }}
                renderItem={(bulletin) => (
                  <List.Item onClick={() => setSelected(bulletin.id)} style={{ cursor: 'pointer', background: bulletin.id === selected ? '#e6f4ff' : undefined }}>
                    <Space>第{bulletin.issueNumber}期<span>{bulletin.date}</span><Tag color={statusColors[bulletin.status]}>{bulletin.statusLabel}</Tag></Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          {!draft ? (
            detail.isLoading ? <LoadingState /> : <EmptyState description="请选择或编制一期《司法要情》" />
          ) : (
            <Row gutter={16}>
              <Col xs={24} xl={10}>
                <Card size="small" title={`${draft.issueLabel}（${draft.date}）`} extra={<Tag color={statusColors[draft.status]}>{draft.statusLabel}</Tag>}>
                  <Descriptions size="small" column={1} items={[
                    { key: 'e', label: '编辑', children: draft.editedBy },
                    { key: 'r', label: '审核', children: draft.reviewedBy ?? '—' },
                    { key: 's', label: '签发', children: draft.signedBy ? `${draft.signedBy} ${formatDateTime(draft.signedAt)}` : '—' },
                    { key: 'p', label: '报省厅', children: formatDateTime(draft.sentAt) },
                  ]} />
                  <Input style={{ marginTop: 8 }} value={draft.title} disabled={!editable} onChange={(event) => setDraft({ ...draft, title: event.target.value })} />
                  {draft.sections.map((section, sectionIndex) => (
                    <div key={section.category} style={{ marginTop: 12 }}>
                      <Typography.Text strong>{section.heading}</Typography.Text>
                      {section.items.map((item, itemIndex) => (
                        <div key={itemIndex} style={{ marginTop: 6 }}>
                          <Input size="small" value={item.title} disabled={!editable} onChange={(event) => updateItem(sectionIndex, itemIndex, { title: event.target.value })} />
                          <Input.TextArea size="small" autoSize value={item.content} disabled={!editable} onChange={(event) => updateItem(sectionIndex, itemIndex, { content: event.target.value })} />
                        </div>
                      ))}
                    </div>
                  ))}
                  <Space wrap style={{ marginTop: 12 }}>
                    <Button disabled={!editable} onClick={() => void run('PUT', `/api/bulletins/${draft.id}`, { title: draft.title, sections: draft.sections })}>保存</Button>
                    <Button disabled={!editable} onClick={() => void run('POST', `/api/bulletins/${draft.id}/recompose`, {}, '已按最新采用情况重新汇编。')}>重新汇编</Button>
                    {hasAnyRole(user, ['shift_leader', 'duty_commander']) && <Button disabled={draft.status !== 'draft'} onClick={() => void run('POST', `/api/bulletins/${draft.id}/review`, {}, '已审核。')}>审核</Button>}
                    {hasAnyRole(user, ['duty_commander']) && <Button type="primary" disabled={draft.status !== 'reviewed'} onClick={() => void run('POST', `/api/bulletins/${draft.id}/sign`, {}, '已签发。')}>签发</Button>}
                    <Button disabled={draft.status !== 'signed'} onClick={() => void run('POST', `/api/bulletins/${draft.id}/send`, {}, '已标记报送省厅。')}>已报省厅</Button>
                    <Button onClick={() => void apiDownload(`/api/bulletins/${draft.id}/export.docx`, `司法要情第${draft.issueNumber}期.docx`).catch(showError)}>导出 Word</Button>
                    <Button href={`/bulletins/${draft.id}/print`} target="_blank">打印</Button>
                  </Space>
                </Card>
              </Col>
              <Col xs={24} xl={14}>
                <div style={{ background: '#f0f0f0', padding: 16, overflow: 'auto' }}>
                  <BulletinPreview bulletin={draft} width={460} />
                </div>
              </Col>
            </Row>
          )}
        </Col>
      </Row>
    </div>
  );
}
