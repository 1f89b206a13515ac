// The bureau's quarterly ranking (each office opening its breakdown at ranking/:cycleId/:communityId)
// and the leader and department scorecards.
import { IdcardOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { useParams } from 'react-router';
import { bureauRoles, type ConsolePage } from '../../app/pages';

const RankingPage = lazy(() => import('./RankingPage'));
const BreakdownPage = lazy(() => import('./BreakdownPage'));
const ScorecardsPage = lazy(() => import('./ScorecardsPage'));

/** The table, or one office's breakdown when the address names it. */
function RankingRoute() {
  const { communityId } = useParams();
  return communityId ? <BreakdownPage /> : <RankingPage />;
}

export const rankingPages: readonly ConsolePage[] = [
  {
    path: 'ranking',
    zh: '季度排名',
    en: 'Quarterly ranking',
    icon: <TrophyOutlined />,
    roles: bureauRoles,
    needs: ['listEvaluations'],
    children: ['ranking/:cycleId/:communityId'],
    element: <RankingRoute />,
  },
  {
    path: 'scorecards',
    zh: '领导与部门考核卡',
    en: 'Leader and department scorecards',
    icon: <IdcardOutlined />,
    roles: bureauRoles,
    needs: ['getLeaderScorecard', 'getDepartmentScorecard'],
    element: <ScorecardsPage />,
  },
];
