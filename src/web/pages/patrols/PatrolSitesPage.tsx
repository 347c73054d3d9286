import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { CHECK_METHOD_LABELS, SITE_KIND_LABELS, checkMethods, siteKinds } from '../../../domain/patrols/labels';
import { usePatrolSites, useSaveSite, type PatrolSite } from '../../api/patrols';
import { useUnits } from '../../api/units';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';

/** 巡查点位: the places watched by video patrols and night checks. */
export default function PatrolSitesPage() {
  const user = useCurrentUser();
  const canEdit = hasAnyRole(user, ['sys_admin', 'shift_leader']);
  const sitesQuery = usePatrolSites();
  const unitsQuery = useUnits();
  const saveSite = useSaveSite();
  const showError = useShowError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<PatrolSite | 'new' | null>(null);
  const [form] = Form.useForm();
  const sites = sitesQuery.data ?? [];
  const activeCount = sites.filter((site) => site.active).length;

  function handleOpen(site: PatrolSite | 'new') {
    setEditing(site);
    form.setFieldsValue(site === 'new' ? { kind: 'command_room', checkMethod: 'video', sortOrder: sites.length, name: '', note: '' } : site);
  }

  async function handleSave() {
    const values = await form.validateFields();
    try {
      await saveSite.mutateAsync({ id: editing === 'new' || editing === null ? null : editing.id, input: values });
      void message.success('巡查点位已保存');
      setEditing(null);
    } catch (error) {
      showError(error, form);
    }
  }

  async function handleToggle(site: PatrolSite) {
    try {
      await saveSite.mutateAsync({ id: site.id, input: { active: !site.active } });
    } catch (error) {
      showError(error);
    }
  }

  const columns: TableColumnsType<PatrolSite> = [
    { title: '点位名称', dataIndex: 'name' },
    { title: '责任单位', dataIndex: 'unitName' },
    { title: '类型', dataIndex: 'kind', render: (kind: PatrolSite['kind']) => SITE_KIND_LABELS[kind] },
    { title: '检查方式', dataIndex: 'checkMethod', width: 100, render: (method: PatrolSite['checkMethod']) => <Tag color={method === 'video' ? 'blue' : 'gold'}>{CHECK_METHOD_LABELS[method]}</Tag> },
    { title: '状态', dataIndex: 'active', width: 80, render: (active: boolean) => (active ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>) },
  ];
  if (canEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_, site) => (
        <Space>
          <Button type="link" size="small" onClick={() => handleOpen(site)}>编辑</Button>
          <Button type="link" size="small" onClick={() => void handleToggle(site)}>{site.active ? '停用' : '启用'}</Button>
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="巡查点位"
        description={`各单位指挥室（值班室）及戒毒所、社区矫正、未成年人法制教育中心等重点部位。启用${activeCount}个，夜查平时抽查不少于20%，节假日和敏感时期不少于25%。`}
        extra={canEdit ? <Button type="primary" icon={<PlusOutlined />} onClick={() => handleOpen('new')}>新增点位</Button> : null}
      />
      <Card>
        {sitesQuery.isError ? (
          <ErrorState error={sitesQuery.error} onRetry={() => void sitesQuery.refetch()} />
        ) : (
          <Table rowKey="id" size="middle" loading={sitesQuery.isLoading} columns={columns} dataSource={sites} pagination={{ pageSize: 20 }} locale={{ emptyText: <EmptyState description="还没有巡查点位" /> }} />
        )}
      </Card>
      <Drawer
        title={editing === 'new' ? '新增巡查点位' : '编辑巡查点位'}
        open={editing !== null}
        onClose={() => setEditing(null)}
        size={520}
        extra={<Button type="primary" loading={saveSite.isPending} onClick={() => void handleSave()}>保存</Button>}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="点位名称" rules={[{ required: true, message: '请填写点位名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="unitId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
            <Select showSearch optionFilterProp="label" options={(unitsQuery.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))} />
          </Form.Item>
          <Form.Item name="kind" label="点位类型" rules={[{ required: true }]}>
            <Select options={siteKinds.map((kind) => ({ value: kind, label: SITE_KIND_LABELS[kind] }))} />
          </Form.Item>
          <Form.Item name="checkMethod" label="检查方式" rules={[{ required: true }]}>
            <Select options={checkMethods.map((method) => ({ value: method, label: CHECK_METHOD_LABELS[method] }))} />
          </Form.Item>
          <Form.Item name="sortOrder" label="排序号">
            <InputNumber min={0} max={9999} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
        </Form>
      </Drawer>
    </>
  );
}
