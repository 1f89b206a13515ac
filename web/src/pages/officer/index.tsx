import { AuditOutlined, BellOutlined, CarryOutOutlined, FormOutlined, WalletOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/pages';

const EvaluationsPage = lazy(() => import('./EvaluationsPage'));
const NoticesPage = lazy(() => import('./NoticesPage'));
const VisitsPage = lazy(() => import('./VisitsPage'));
const MoneyPage = lazy(() => import('./MoneyPage'));
const AppealPage = lazy(() => import('./AppealPage'));

export const officerPages: readonly ConsolePage[] = [
  {
    path: 'officer/evaluations',
    zh: '我的考核',
    en: 'My evaluations',
    icon: <AuditOutlined />,
    roles: ['officer'],
    needs: ['listEvaluations'],
    element: <EvaluationsPage />,
  },
  { path: 'officer/notices', zh: '我的通报', en: 'My notices', icon: <BellOutlined />, roles: ['officer'], needs: ['listNotices'], element: <NoticesPage /> },
  {
    path: 'officer/visits',
    zh: '领导驻社区确认',
    en: 'Leader visits',
    icon: <CarryOutOutlined />,
    roles: ['officer'],
    needs: ['answerVisit'],
    element: <VisitsPage />,
  },
  { path: 'officer/money', zh: '我的补贴', en: 'My money', icon: <WalletOutlined />, roles: ['officer'], needs: ['listObligations'], element: <MoneyPage /> },
  { path: 'officer/appeals', zh: '提出申诉', en: 'File an appeal', icon: <FormOutlined />, roles: ['officer'], needs: ['fileAppeal'], element: <AppealPage /> },
];
