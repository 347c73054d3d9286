/** Loading, error and empty states shared by every page. */
import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../app/api-client';

export function LoadingState({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div style={{ padding: '64px 0', textAlign: 'center' }} role="status">
      <Spin size="large" />
      <div style={{ marginTop: 12, color: 'rgba(0,0,0,0.45)' }}>{tip}</div>
    </div>
  );
}

/** A failed load, with the server's message and a retry button. */
export function ErrorState({ error, onRetry, title = '加载失败' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Result
      status={forbidden ? '403' : 'error'}
      title={forbidden ? '没有访问权限' : title}
      subTitle={errorMessage(error)}
      extra={
        onRetry && !forbidden ? (
          <Button type="primary" onClick={onRetry}>
            重新加载
          </Button>
        ) : undefined
      }
    />
  );
}

export function EmptyState({ description, children }: { description: string; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {children}
    </Empty>
  );
}

export function ForbiddenState() {
  return <Result status="403" title="没有访问权限" subTitle="您的账号角色不能打开此页面，如需使用请联系系统管理员分配角色。" />;
}

export function NotFoundState({ action }: { action?: ReactNode }) {
  return <Result status="404" title="页面不存在" subTitle="您访问的地址不存在，请从左侧菜单进入。" extra={action} />;
}
