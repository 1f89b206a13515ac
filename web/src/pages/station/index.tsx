import { SwapOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/pages';

const DiversionsPage = lazy(() => import('./DiversionsPage'));

export const stationPages: readonly ConsolePage[] = [
  {
    path: 'station/diversions',
    zh: '抽调登记',
    en: 'Diversions',
    icon: <SwapOutlined />,
    roles: ['station'],
    needs: ['listDiversions'],
    element: <DiversionsPage />,
  },
];
