import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { phoneReaderRoles, unitKindLabels, unitKinds, type UnitKind } from '../../../shared/roles';
import { useSaveUnit, useUnits, type Unit } from '../../api/units';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { unitKindColors } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';
import { UnitFormDrawer } from './UnitFormDrawer';

/** 组织机构: the bureau's units with their duty rooms and liaisons. */
export default function UnitsPage() {
  const user = useCurrentUser();
  const canEdit = hasAnyRole(user, ['sys_admin']);
  const canSeePhones = hasAnyRole(user, phoneReaderRoles);
  const [showPhones, setShowPhones] = useState(false);
  const [keyword, setKeyword] = useState('');
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const unitsQuery = useUnits({ withPhones: showPhones });
  const saveUnit = useSaveUnit();
  const showError = useShowError();
  const { message } = App.useApp();

  const units = useMemo(() => {
    const text = keyword.trim();
    return (unitsQuery.data ?? [])
      .filter((unit) => !kind || unit.kind === kind)
      .filter((unit) => !text || unit.name.includes(text) || (unit.shortName ?? '').includes(text))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
  }, [unitsQuery.data, keyword, kind]);

  async function handleToggleActive(unit: Unit) {
    try {
      await saveUnit.mutateAsync({ id: unit.id, input: { active: !unit.active } });
      void message.success(unit.active ? `已停用「${unit.name}」` : `已启用「${unit.name}」`);
    } catch (error) {
      showError(error);
    }
  }

  const columns: TableColumnsType<Unit> = [
    { title: '排序', dataIndex: 'sortOrder', width: 70 },
    {
      title: '单位名称',
      dataIndex: 'name',
      render: (_, unit) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{unit.name}</Typography.Text>
          {unit.shortName ? <Typography.Text type="secondary">简称：{unit.shortName}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: '类型', dataIndex: 'kind', width: 120, render: (value: UnitKind) => <Tag color={unitKindColors[value]}>{unitKindLabels[value]}</Tag> },
    { title: '值班室', dataIndex: 'dutyRoomName', render: (value: string | null) => value ?? '—' },
    {
      title: '值班室电话',
      dataIndex: 'dutyRoomPhone',
      render: (value: string | null) => (showPhones ? (value ?? '—') : <Typography.Text type="secondary">已隐藏</Typography.Text>),
    },
    { title: '信息员', dataIndex: 'liaisonName', render: (value: string | null) => value ?? <Typography.Text type="secondary">未指定</Typography.Text> },
    {
      title: '状态',
      dataIndex: 'active',
      width: 80,
      render: (value: boolean) => (value ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>),
    },
  ];
  if (canEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_, unit) => (
        <Space>
          <Button type="link" size="small" onClick={() => setEditing(unit)}>
            编辑
          </Button>
          <Popconfirm
            title={unit.active ? `确定停用「${unit.name}」吗？` : `确定启用「${unit.name}」吗？`}
            description={unit.active ? '停用后该单位不再出现在报送、排班等选择列表中，历史记录保留。' : undefined}
            okText="确定"
            cancelText="取消"
            onConfirm={() => handleToggleActive(unit)}
          >
            <Button type="link" size="small" danger={unit.active}>
              {unit.active ? '停用' : '启用'}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="组织机构"
        description="局机关各部门、区司法局、局属单位和局指挥中心，以及各单位的值班室和信息员。"
        extra={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增单位
            </Button>
          ) : undefined
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder="按单位名称或简称搜索" allowClear onSearch={setKeyword} onChange={(event) => !event.target.value && setKeyword('')} style={{ width: 240 }} />
          <Select<UnitKind>
            placeholder="全部类型"
            allowClear
            style={{ width: 160 }}
            value={kind}
            onChange={setKind}
            options={unitKinds.map((value) => ({ value, label: unitKindLabels[value] }))}
          />
          {canSeePhones ? (
            <Tooltip title="查看值班室电话会记入审计日志">
              <Space>
                <Switch checked={showPhones} onChange={setShowPhones} aria-label="显示值班室电话" />
                <span>显示值班室电话</span>
              </Space>
            </Tooltip>
          ) : null}
        </Space>
        {unitsQuery.isError ? (
          <ErrorState error={unitsQuery.error} onRetry={() => void unitsQuery.refetch()} />
        ) : (
          <Table<Unit>
            rowKey="id"
            columns={columns}
            dataSource={units}
            loading={unitsQuery.isPending}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <EmptyState description={keyword || kind ? '没有符合条件的单位' : '还没有单位，请先新增单位'} /> }}
          />
        )}
      </Card>
      {editing ? <UnitFormDrawer unit={editing === 'new' ? null : editing} phonesShown={showPhones} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
