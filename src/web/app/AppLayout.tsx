import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Popconfirm, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../../shared/roles';
import { LoadingState } from '../components/states';
import { useAuth, useCurrentUser } from './auth';
import { menuFor } from './navigation';
import { systemName } from './branding';
import { LiveAlerts } from '../components/live/LiveAlerts';

/** Renders the signed-in frame: side menu by role, top bar with the user, and the page. */
export function AppLayout() {
  const user = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  // Below antd's `lg` breakpoint (992 px) the menu folds away behind a button in the top bar.
  const [narrow, setNarrow] = useState(false);
  const [menuCollapsed, setMenuCollapsed] = useState(false);

  const groups = useMemo(() => menuFor(user), [user]);
  const items: MenuProps['items'] = groups.map((group) => ({
    type: 'group' as const,
    key: group.group,
    label: group.label,
    children: group.entries.map((entry) => ({ key: entry.path, icon: entry.icon, label: entry.label })),
  }));
  const selectedKey = groups
    .flatMap((group) => group.entries.map((entry) => entry.path))
    .filter((path) => location.pathname === path || location.pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];

  async function handleSignOut() {
    await signOut();
    void navigate('/login', { replace: true });
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={208}
        theme="dark"
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={menuCollapsed}
        trigger={null}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setMenuCollapsed(broken);
        }}
        style={{ position: 'sticky', top: 0, height: '100vh' }}
      >
        <div style={{ height: '100%', overflowY: 'auto' }}>
          <div style={{ color: '#fff', padding: '18px 16px 14px', fontWeight: 600, fontSize: 15, lineHeight: 1.4 }}>{systemName}</div>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={selectedKey ? [selectedKey] : []}
            onClick={(info) => void navigate(info.key)}
          />
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0', height: 'auto', lineHeight: 'normal' }}>
          <Flex justify="flex-end" align="center" gap={12} wrap style={{ minHeight: 56, padding: '8px 0' }}>
            {narrow ? (
              <Button
                icon={menuCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                aria-label={menuCollapsed ? '展开菜单' : '收起菜单'}
                onClick={() => setMenuCollapsed(!menuCollapsed)}
                style={{ marginInlineEnd: 'auto' }}
              />
            ) : null}
            <LiveAlerts />
            <Typography.Text strong data-testid="current-user-name">
              {user.name}
            </Typography.Text>
            <Typography.Text type="secondary">{user.unitName}</Typography.Text>
            <Flex gap={4} wrap>
              {user.roles.map((role) => (
                <Tag key={role} color="blue" style={{ marginInlineEnd: 0 }}>
                  {roleLabels[role]}
                </Tag>
              ))}
            </Flex>
            <Popconfirm title="确定退出登录吗？" okText="退出" cancelText="取消" onConfirm={handleSignOut}>
              <Button icon={<LogoutOutlined />}>退出登录</Button>
            </Popconfirm>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
