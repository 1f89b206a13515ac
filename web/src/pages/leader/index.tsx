// The leader's pages (联系社区局领导): presence in the bound community this month, logging a day
// there, the joint notices about it with acknowledgement, and the binding scorecard.
import { CalendarOutlined, FormOutlined, IdcardOutlined, NotificationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/pages';

const PresencePage = lazy(() => import('./PresencePage'));
const LogVisitPage = lazy(() => import('./LogVisitPage'));
const JointNoticesPage = lazy(() => import('./JointNoticesPage'));
const ScorecardPage = lazy(() => import('./ScorecardPage'));

export const leaderPages: readonly ConsolePage[] = [
  {
    path: 'leader/presence',
    zh: '本月驻社区情况',
    en: 'My presence this month',
    icon: <CalendarOutlined />,
    roles: ['leader'],
    needs: ['getPresenceMonth'],
    element: <PresencePage />,
  },
  {
    path: 'leader/visit',
    zh: '登记驻社区工作日',
    en: 'Log a day in the community',
    icon: <FormOutlined />,
    roles: ['leader'],
    needs: ['logVisit'],
    element: <LogVisitPage />,
  },
  {
    path: 'leader/notices',
    zh: '联合通报',
    en: 'Joint notices',
    icon: <NotificationOutlined />,
    roles: ['leader'],
    needs: ['listNotices'],
    element: <JointNoticesPage />,
  },
  {
    path: 'leader/scorecard',
    zh: '我的考核卡',
    en: 'My scorecard',
    icon: <IdcardOutlined />,
    roles: ['leader'],
    needs: ['getLeaderScorecard'],
    element: <ScorecardPage />,
  },
];
