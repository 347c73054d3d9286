import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { limits } from '../../../shared/limits';
import { roleLabels, type Role } from '../../../shared/roles';
import { useResetPassword, useUnlockUser, useUpdateUser, useUsers, type UserAccount } from '../../api/users';
import { hasAnyRole, useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { formatInstant } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/states';
import { assignableRoles, mayManageAccount } from './account-permissions';
import { PasswordRevealModal } from './PasswordRevealModal';
import { UserFormDrawer } from './UserFormDrawer';

interface RevealedPassword {
  title: string;
  username: string;
  password: string;
}

function AccountStatus({ account }: { account: UserAccount }) {
  return (
    <Space size={[4, 4]} wrap>
      {account.active ? <Tag color="success">正常</Tag> : <Tag>已停用</Tag>}
      {account.locked ? (
        <Tooltip title={account.lockedUntil ? `锁定至 ${formatInstant(account.lockedUntil)}` : undefined}>
          <Tag color="error">已锁定</Tag>
        </Tooltip>
      ) : null}
      {account.mustChangePassword ? <Tag color="warning">待修改密码</Tag> : null}
    </Space>
  );
}

/**
 * 账号管理: sign-in accounts. The system administrator maintains business accounts, the security
 * administrator maintains administrator accounts, unlocks accounts and resets passwords.
 */
export default function UsersPage() {
  const user = useCurrentUser();
  const isSecurityAdmin = hasAnyRole(user, ['security_admin']);
  const mayCreate = assignableRoles(user).length > 0;
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(limits.pageSize.default);
  const [editing, setEditing] = useState<UserAccount | 'new' | null>(null);
  const [revealed, setRevealed] = useState<RevealedPassword | null>(null);
  const usersQuery = useUsers({ q: keyword.trim() || undefined, page, pageSize });
  const updateUser = useUpdateUser();
  const resetPassword = useResetPassword();
  const unlockUser = useUnlockUser();
  const showError = useShowError();
  const { message } = App.useApp();

  async function handleSetActive(account: UserAccount, active: boolean) {
    try {
      await updateUser.mutateAsync({ id: account.id, input: { active } });
      void message.success(active ? `已启用账号 ${account.username}` : `已停用账号 ${account.username}`);
    } catch (error) {
      showError(error);
    }
  }

  async function handleUnlock(account: UserAccount) {
    try {
      await unlockUser.mutateAsync(account.id);
      void message.success(`已解锁账号 ${account.username}`);
    } catch (error) {
      showError(error);
    }
  }

  async function handleResetPassword(account: UserAccount) {
    try {
      const result = await resetPassword.mutateAsync(account.id);
      setRevealed({ title: '密码已重置', username: account.username, password: result.password });
    } catch (error) {
      showError(error);
    }
  }

  const columns: TableColumnsType<UserAccount> = [
    { title: '用户名', dataIndex: 'username', width: 130 },
    { title: '姓名', dataIndex: 'name', width: 110 },
    { title: '所属单位', dataIndex: 'unitName', width: 170 },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (value: Role[]) => (
        <Space size={[4, 4]} wrap>
          {value.map((role) => (
            <Tag key={role} color="blue" style={{ marginInlineEnd: 0 }}>
              {roleLabels[role]}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: '状态', key: 'status', width: 170, render: (_, account) => <AccountStatus account={account} /> },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 160, render: (value: string | null) => (value ? formatInstant(value) : <Typography.Text type="secondary">从未登录</Typography.Text>) },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      fixed: 'right',
      render: (_, account) => (
        <Space size={0} wrap>
          {mayManageAccount(user, account) ? (
            <Button type="link" size="small" onClick={() => setEditing(account)}>
              编辑
            </Button>
          ) : null}
          {mayManageAccount(user, account) ? (
            <Popconfirm
              title={account.active ? `确定停用账号 ${account.username} 吗？` : `确定启用账号 ${account.username} 吗？`}
              description={account.active ? '停用后该账号立即退出登录，且不能再登录。' : undefined}
              okText="确定"
              cancelText="取消"
              onConfirm={() => handleSetActive(account, !account.active)}
            >
              <Button type="link" size="small" danger={account.active}>
                {account.active ? '停用' : '启用'}
              </Button>
            </Popconfirm>
          ) : null}
          {isSecurityAdmin && account.locked ? (
            <Popconfirm title={`确定解锁账号 ${account.username} 吗？`} okText="解锁" cancelText="取消" onConfirm={() => handleUnlock(account)}>
              <Button type="link" size="small">
                解锁
              </Button>
            </Popconfirm>
          ) : null}
          {isSecurityAdmin ? (
            <Popconfirm
              title={`确定重置账号 ${account.username} 的密码吗？`}
              description="重置后原密码立即失效，本人须用新密码登录并修改。"
              okText="重置"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => handleResetPassword(account)}
            >
              <Button type="link" size="small" danger>
                重置密码
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="账号管理"
        description={
          isSecurityAdmin
            ? '三员分立：安全管理员管理系统管理员、安全管理员、审计管理员账号，并为被锁定的账号解锁、为忘记密码的人员重置密码；业务账号由系统管理员管理。不能修改自己账号的角色或状态。'
            : '三员分立：系统管理员管理业务账号；系统管理员、安全管理员、审计管理员账号及解锁、重置密码由安全管理员办理。新建账号的初始密码只显示一次，不能修改自己账号的角色或状态。'
        }
        extra={
          mayCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增账号
            </Button>
          ) : undefined
        }
      />
      <Card>
        <Input.Search
          placeholder="按用户名或姓名搜索"
          allowClear
          style={{ width: 240, marginBottom: 16 }}
          onSearch={(value) => {
            setKeyword(value);
            setPage(1);
          }}
        />
        {usersQuery.isError ? (
          <ErrorState error={usersQuery.error} onRetry={() => void usersQuery.refetch()} />
        ) : (
          <Table<UserAccount>
            rowKey="id"
            columns={columns}
            dataSource={usersQuery.data?.users ?? []}
            loading={usersQuery.isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <EmptyState description={keyword ? '没有符合条件的账号' : '还没有账号'} /> }}
            pagination={{
              current: page,
              pageSize,
              total: usersQuery.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 个账号`,
              onChange: (nextPage, nextSize) => {
                setPage(nextSize === pageSize ? nextPage : 1);
                setPageSize(nextSize);
              },
            }}
          />
        )}
      </Card>
      {editing ? (
        <UserFormDrawer
          account={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(username, password) => setRevealed({ title: '账号已创建', username, password })}
        />
      ) : null}
      {revealed ? <PasswordRevealModal {...revealed} onClose={() => setRevealed(null)} /> : null}
    </>
  );
}
