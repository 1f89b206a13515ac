// The console: sign-in until a session exists, then the pages the role may open, each loaded on
// demand so the first screen stays small.
import { Result, Spin } from 'antd';
import { Suspense, useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { bureauPages } from '../pages/bureau';
import { departmentPages } from '../pages/department';
import { financePages } from '../pages/finance';
import { inboxPages } from '../pages/inbox';
import { leaderPages } from '../pages/leader';
import { officerPages } from '../pages/officer';
import { rankingPages } from '../pages/ranking';
import { registerPages } from '../pages/register';
import { registryPages } from '../pages/registry';
import { rulesPages } from '../pages/rules';
import { SignIn } from '../pages/SignIn';
import { stationPages } from '../pages/station';
import { ErrorBoundary } from './ErrorBoundary';
import { useT } from './i18n';
import type { ConsolePage } from './pages';
import { useSession, useSessionApi } from './session';
import { Shell } from './Shell';

const allPages: readonly ConsolePage[] = [
  ...inboxPages,
  ...bureauPages,
  ...rankingPages,
  ...registryPages,
  ...rulesPages,
  ...leaderPages,
  ...officerPages,
  ...departmentPages,
  ...financePages,
  ...stationPages,
  ...registerPages,
];

function SignedIn() {
  const t = useT();
  const session = useSession();
  const pages = useMemo(() => allPages.filter((p) => p.roles.includes(session.role) && (!p.needs || p.needs.some((op) => session.can(op)))), [session]);
  const home = pages.find((p) => p.path !== 'inbox') ?? pages[0];
  return (
    <Shell pages={pages}>
      <ErrorBoundary>
        <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>
          <Routes>
            {pages.flatMap((p) => [p.path, ...(p.children ?? [])].map((path) => <Route key={path} path={`/${path}`} element={p.element} />))}
            <Route path="/" element={home ? <Navigate to={`/${home.path}`} replace /> : null} />
            <Route
              path="*"
              element={
                <Result status="404" title={t('没有这个页面', 'No such page')} subTitle={t('或者您的角色不能打开它。', 'Or your role may not open it.')} />
              }
            />
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </Shell>
  );
}

export function App() {
  const { state } = useSessionApi();
  if (state.status === 'loading') return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  return <BrowserRouter>{state.status === 'signed-in' ? <SignedIn /> : <SignIn reason={state.reason} />}</BrowserRouter>;
}
