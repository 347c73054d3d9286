import { Button, Result } from 'antd';
import { createBrowserRouter, Link, useRouteError, type RouteObject } from 'react-router';
import { modules } from '../modules';
import { ChangePasswordPage } from '../pages/auth/ChangePasswordPage';
import { LoginPage } from '../pages/auth/LoginPage';
import { NotFoundState } from '../components/states';
import { AppLayout } from './AppLayout';
import { HomeRedirect, ModuleRoute, RequireAuth } from './guards';

/** Shown when a page throws while rendering or its code fails to load. */
function RouteErrorPage() {
  const error = useRouteError();
  // The error boundary swallows the error, so the console is the only place its stack shows.
  // eslint-disable-next-line no-console
  console.error('page failed to render', error);
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle="页面加载或显示时出错。系统可能刚刚升级，请刷新页面；如仍有问题，请联系系统管理员。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}

function moduleRoute(entry: (typeof modules)[number]): RouteObject {
  return { path: entry.path, element: <ModuleRoute entry={entry} /> };
}

export function buildRoutes(): RouteObject[] {
  return [
    {
      errorElement: <RouteErrorPage />,
      children: [
        { path: '/login', element: <LoginPage /> },
        {
          element: <RequireAuth />,
          children: [
            { path: '/', element: <HomeRedirect /> },
            { path: '/change-password', element: <ChangePasswordPage /> },
            ...modules.filter((entry) => entry.fullScreen).map(moduleRoute),
            {
              element: <AppLayout />,
              children: [
                ...modules.filter((entry) => !entry.fullScreen).map(moduleRoute),
                { path: '*', element: <NotFoundState action={<Link to="/">返回首页</Link>} /> },
              ],
            },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(buildRoutes());
}
