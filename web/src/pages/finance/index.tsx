import { AccountBookOutlined, AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/pages';

const ObligationsPage = lazy(() => import('./ObligationsPage'));
const ReconciliationPage = lazy(() => import('./ReconciliationPage'));

export const financePages: readonly ConsolePage[] = [
  {
    path: 'finance/obligations',
    zh: '应付款项',
    en: 'Obligations',
    icon: <AccountBookOutlined />,
    roles: ['finance'],
    needs: ['listObligations'],
    element: <ObligationsPage />,
  },
  {
    path: 'finance/reconciliation',
    zh: '对账',
    en: 'Reconciliation',
    icon: <AuditOutlined />,
    roles: ['finance'],
    needs: ['getPaymentReconciliation'],
    element: <ReconciliationPage />,
  },
];
