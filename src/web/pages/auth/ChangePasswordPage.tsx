import { Alert, Button, Card, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useAuth, useCurrentUser } from '../../app/auth';
import { homePathFor } from '../../app/navigation';
import { ChangePasswordForm } from './ChangePasswordForm';

/** The forced password change after first sign-in, a reset or an expired password. */
export function ChangePasswordPage() {
  const user = useCurrentUser();
  const { reload, signOut } = useAuth();
  const navigate = useNavigate();

  if (!user.mustChangePassword) return <Navigate to="/" replace />;

  async function handleChanged() {
    const updated = await reload();
    void navigate((updated && homePathFor(updated)) ?? '/', { replace: true });
  }

  async function handleSignOut() {
    await signOut();
    void navigate('/login', { replace: true });
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 24, background: '#f0f2f5' }}>
      <Card style={{ width: 480, maxWidth: '100%' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          修改密码
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="首次登录、密码被重置或密码已过期，须先修改密码才能继续使用系统。"
        />
        <Typography.Paragraph>
          账号：{user.username}（{user.name}）
        </Typography.Paragraph>
        <ChangePasswordForm policy={user.passwordPolicy} username={user.username} onChanged={handleChanged} />
        <div style={{ marginTop: 16, textAlign: 'right' }}>
          <Button type="link" onClick={handleSignOut}>
            退出登录
          </Button>
        </div>
      </Card>
    </div>
  );
}
