import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { limits } from '../../../shared/limits';
import { dutyRoleLabels, dutyRoles, phoneReaderRoles, type DutyRole } from '../../../shared/roles';
import { downloadImportTemplate, usePeople, useSetPersonActive, type PeopleFilter, type Person } from '../../api/people';
import { useUnits } from '../../api/units';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';
import { PeopleImportModal } from './PeopleImportModal';
import { PersonFormDrawer } from './PersonFormDrawer';

type ActiveFilter = 'active' | 'inactive' | 'all';

const activeValues: Record<ActiveFilter, boolean | undefined> = { active: true, inactive: false, all: undefined };

/** 人员管理: people of every unit and the duty roles they may hold. */
export default function PeoplePage() {
  const user = useCurrentUser();
  const canEdit = hasAnyRole(user, ['sys_admin']);
  const canSeePhones = hasAnyRole(user, phoneReaderRoles);
  const [showPhones, setShowPhones] = useState(false);
  const [keyword, setKeyword] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [dutyRole, setDutyRole] = useState<DutyRole | undefined>();
  const [activeFilter, setActiveFilter] = useState<ActiveFilter>('active');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(limits.pageSize.default);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();

  const filter: PeopleFilter = { q: keyword.trim() || undefined, unitId, dutyRole, active: activeValues[activeFilter], withPhones: showPhones, page, pageSize };
  const peopleQuery = usePeople(filter);
  const unitsQuery = useUnits();
  const setActive = useSetPersonActive();
  const filtered = Boolean(filter.q || unitId || dutyRole || activeFilter !== 'active');

  function changeFilter<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setPage(1);
    };
  }

  async function handleSetActive(person: Person, active: boolean) {
    try {
      await setActive.mutateAsync({ id: person.id, active });
      void message.success(active ? `已恢复「${person.name}」为在职` : `已停用「${person.name}」`);
    } catch (error) {
      showError(error);
    }
  }

  async function handleDownloadTemplate() {
    try {
      await downloadImportTemplate();
    } catch (error) {
      showError(error);
    }
  }

  const hiddenPhone = <Typography.Text type="secondary">{canSeePhones ? '已隐藏' : '无权查看'}</Typography.Text>;
  const columns: TableColumnsType<Person> = [
    { title: '姓名', dataIndex: 'name', width: 100, fixed: 'left' },
    { title: '单位', dataIndex: 'unitName', width: 180 },
    { title: '职务', dataIndex: 'position', width: 140, render: (value: string | null) => value ?? '—' },
    { title: '警察', dataIndex: 'isPolice', width: 70, render: (value: boolean) => (value ? '是' : '否') },
    { title: '手机号码', dataIndex: 'mobilePhone', width: 140, render: (value: string | null, person) => (person.phonesVisible ? (value ?? '—') : hiddenPhone) },
    { title: '办公电话', dataIndex: 'officePhone', width: 140, render: (value: string | null, person) => (person.phonesVisible ? (value ?? '—') : hiddenPhone) },
    {
      title: '可担任的值班角色',
      dataIndex: 'dutyRoles',
      render: (value: DutyRole[]) =>
        value.length === 0 ? (
          <Typography.Text type="secondary">不参加值班</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {value.map((role) => (
              <Tag key={role} color="geekblue" style={{ marginInlineEnd: 0 }}>
                {dutyRoleLabels[role]}
              </Tag>
            ))}
          </Space>
        ),
    },
    { title: '状态', dataIndex: 'active', width: 80, render: (value: boolean) => (value ? <Tag color="success">在职</Tag> : <Tag>已停用</Tag>) },
  ];
  if (canEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, person) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(person)}>
            编辑
          </Button>
          {person.active ? (
            <Popconfirm
              title={`确定停用「${person.name}」吗？`}
              description={person.hasServedDuty ? '该人员已有值班记录，停用后保留历史记录，不再参加排班。' : '停用后不再参加排班，可随时恢复。'}
              okText="停用"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => handleSetActive(person, false)}
            >
              <Button type="link" size="small" danger>
                停用
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm title={`确定恢复「${person.name}」为在职吗？`} okText="恢复" cancelText="取消" onConfirm={() => handleSetActive(person, true)}>
              <Button type="link" size="small">
                恢复
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="人员管理"
        description="各单位人员及其可担任的值班角色（值班指挥长、值班长、值班员、席位备勤），排班从这里选人。"
        extra={
          canEdit ? (
            <>
              <Button icon={<DownloadOutlined />} onClick={handleDownloadTemplate}>
                下载导入模板
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
                从 Excel 导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新增人员
              </Button>
            </>
          ) : undefined
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            placeholder="按姓名搜索"
            allowClear
            style={{ width: 200 }}
            onSearch={changeFilter(setKeyword)}
            onChange={(event) => !event.target.value && changeFilter(setKeyword)('')}
            aria-label="按姓名搜索"
          />
          <Select<string>
            placeholder="全部单位"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            value={unitId}
            onChange={changeFilter(setUnitId)}
            loading={unitsQuery.isPending}
            options={(unitsQuery.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          />
          <Select<DutyRole>
            placeholder="全部值班角色"
            allowClear
            style={{ width: 160 }}
            value={dutyRole}
            onChange={changeFilter(setDutyRole)}
            options={dutyRoles.map((value) => ({ value, label: dutyRoleLabels[value] }))}
          />
          <Select<ActiveFilter>
            style={{ width: 120 }}
            value={activeFilter}
            onChange={changeFilter(setActiveFilter)}
            options={[
              { value: 'active', label: '在职' },
              { value: 'inactive', label: '已停用' },
              { value: 'all', label: '全部状态' },
            ]}
          />
          {canSeePhones ? (
            <Tooltip title="查看电话号码会记入审计日志">
              <Space>
                <Switch checked={showPhones} onChange={setShowPhones} aria-label="显示电话号码" />
                <span>显示电话号码</span>
              </Space>
            </Tooltip>
          ) : null}
        </Space>
        {peopleQuery.isError ? (
          <ErrorState error={peopleQuery.error} onRetry={() => void peopleQuery.refetch()} />
        ) : (
          <Table<Person>
            rowKey="id"
            columns={columns}
            dataSource={peopleQuery.data?.people ?? []}
            loading={peopleQuery.isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <EmptyState description={filtered ? '没有符合条件的人员，请调整搜索条件' : '还没有人员，请新增或从 Excel 导入'} /> }}
            pagination={{
              current: page,
              pageSize,
              total: peopleQuery.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => `共 ${total} 人`,
              onChange: (nextPage, nextSize) => {
                setPage(nextSize === pageSize ? nextPage : 1);
                setPageSize(nextSize);
              },
            }}
          />
        )}
      </Card>
      {editing ? <PersonFormDrawer person={editing === 'new' ? null : editing} defaultUnitId={unitId} onClose={() => setEditing(null)} /> : null}
      {importOpen ? <PeopleImportModal onClose={() => setImportOpen(false)} /> : null}
    </>
  );
}
