// The bureau's own pages: the dashboard of cycles, figure completeness and appeals to decide.
import { AuditOutlined, DashboardOutlined, FileDoneOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { bureauRoles, type ConsolePage } from '../../app/pages';

const DashboardPage = lazy(() => import('./DashboardPage'));
const FiguresPage = lazy(() => import('./FiguresPage'));
const AppealsPage = lazy(() => import('./AppealsPage'));

const group = { key: 'bureau', zh: '考核管理', en: 'Evaluation' };

export const bureauPages: readonly ConsolePage[] = [
  {
    path: 'dashboard',
    zh: '工作台',
    en: 'Dashboard',
    icon: <DashboardOutlined />,
    roles: bureauRoles,
    needs: ['listCycles'],
    group,
    element: <DashboardPage />,
  },
  {
    path: 'figures',
    zh: '数据报送情况',
    en: 'Figures',
    icon: <FileDoneOutlined />,
    roles: bureauRoles,
    needs: ['getFigureCompleteness'],
    group,
    element: <FiguresPage />,
  },
  {
    path: 'appeals',
    zh: '申诉裁决',
    en: 'Appeals',
    icon: <AuditOutlined />,
    roles: bureauRoles,
    needs: ['listAppeals'],
    group,
    children: ['appeals/:id'],
    element: <AppealsPage />,
  },
];
