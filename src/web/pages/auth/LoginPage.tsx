import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { matchPath, Navigate, useLocation } from 'react-router';
import { useLogin, type CurrentUser } from '../../api/auth';
import { ApiError, errorMessage } from '../../app/api-client';
import { useAuth } from '../../app/auth';
import { systemName } from '../../app/branding';
import { homePathFor, mayOpen } from '../../app/navigation';
import { modules } from '../../modules';

interface LoginForm {
  username: string;
  password: string;
}

/**
 * Returns the page to open after sign-in: the page that sent the user here,
 * if it is a page of the app that this user may open. Another account may sign in after a
 * timeout, and it should not land on a page it is forbidden to see.
 */
function returnPath(state: unknown, user: CurrentUser): string | null {
  const from = (state as { from?: unknown } | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) return null;
  const pathname = from.split(/[?#]/)[0] ?? from;
  const entry = modules.find((candidate) => matchPath(candidate.path, pathname));
  if (entry && !mayOpen(user, entry)) return null;
  return from;
}

export function LoginPage() {
  const { user, notice, clearNotice, reload } = useAuth();
  const location = useLocation();
  const login = useLogin();
  const [failure, setFailure] = useState<ApiError | Error | null>(null);
  const [form] = Form.useForm<LoginForm>();

  async function handleSubmit(values: LoginForm) {
    setFailure(null);
    try {
      await login.mutateAsync({ username: values.username.trim(), password: values.password });
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(errorMessage(error)));
      form.setFieldValue('password', '');
      return;
    }
    clearNotice();
    // Once `me` contains the user, the redirect below takes over.
    await reload();
  }

  if (user) {
    const mustChange = user.mustChangePassword && user.sessionKind === 'user';
    const target = mustChange ? '/change-password' : (returnPath(location.state, user) ?? homePathFor(user) ?? '/');
    return <Navigate to={target} replace />;
  }

  const locked = failure instanceof ApiError && failure.code === 'ACCOUNT_LOCKED';
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 24,
        background: 'linear-gradient(160deg, #0f2f63 0%, #1f4e99 55%, #e8eef8 55%)',
      }}
    >
      <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 8px 24px rgba(0,0,0,0.15)' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {systemName}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
          值班值守与指挥调度平台 · 请使用本人账号登录
        </Typography.Paragraph>

        {notice ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
        {failure ? (
          <Alert type={locked ? 'warning' : 'error'} showIcon title={failure.message} style={{ marginBottom: 16 }} role="alert" />
        ) : null}

        <Form<LoginForm> form={form} layout="vertical" requiredMark={false} onFinish={handleSubmit} autoComplete="on">
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" maxLength={256} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
          本系统为非涉密系统，严禁录入、存储、传输涉密信息。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
