import { Button, Result, Spin } from 'antd';
import { Suspense, lazy, useMemo, type ComponentType } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorState, ForbiddenState, LoadingState } from '../components/states';
import { useAuth, useCurrentUser } from './auth';
import type { ModuleEntry } from './module-types';
import { homePathFor, mayOpen } from './navigation';

function FullPageSpin() {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/**
 * Lets only signed-in users through. Others go to the sign-in page, which
 * returns them here afterwards; a user who must change the password goes to
 * that page first.
 */
export function RequireAuth() {
  const { user, loading, loadError, reload } = useAuth();
  const location = useLocation();

  if (loading) return <FullPageSpin />;
  if (loadError) return <ErrorState error={loadError} title="无法获取登录状态" onRetry={() => void reload()} />;
  if (!user) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (user.mustChangePassword && user.sessionKind === 'user' && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <Outlet />;
}

/** The landing route: the first page the user may open. */
export function HomeRedirect() {
  const user = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const home = homePathFor(user);
  if (home) return <Navigate to={home} replace />;

  async function handleSignOut() {
    await signOut();
    void navigate('/login', { replace: true });
  }

  const isDisplay = user.sessionKind === 'display' || user.roles.includes('hall_display');
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 24 }}>
      <Result
        status="info"
        title={isDisplay ? '此账号为指挥大厅显示屏专用账号' : '此账号没有可使用的功能'}
        subTitle={
          isDisplay
            ? '请在指挥大厅显示屏上使用此账号打开大屏页面。办理值班业务请使用本人账号登录。'
            : '您的账号尚未分配角色，请联系系统管理员分配后重新登录。'
        }
        extra={
          <Button type="primary" onClick={handleSignOut}>
            退出登录
          </Button>
        }
      />
    </div>
  );
}

/** Renders a module's page when the user may open it, a 403 result otherwise. */
export function ModuleRoute({ entry }: { entry: ModuleEntry }) {
  const user = useCurrentUser();
  const Page = useLazyPage(entry);
  if (!mayOpen(user, entry)) return <ForbiddenState />;
  return (
    <Suspense fallback={<LoadingState />}>
      <Page />
    </Suspense>
  );
}

const lazyPages = new Map<ModuleEntry, ComponentType>();

function useLazyPage(entry: ModuleEntry): ComponentType {
  return useMemo(() => {
    let Page = lazyPages.get(entry);
    if (!Page) {
      Page = lazy(entry.page);
      lazyPages.set(entry, Page);
    }
    return Page;
  }, [entry]);
}
