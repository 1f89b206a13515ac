import { ContactsOutlined, WarningOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { bureauRoles, type ConsolePage } from '../../app/pages';

const RegisterPage = lazy(() => import('./RegisterPage'));
const BacklogPage = lazy(() => import('./BacklogPage'));

export const registerPages: readonly ConsolePage[] = [
  {
    path: 'register',
    zh: '人口登记',
    en: 'Population register',
    icon: <ContactsOutlined />,
    // Officers and stations keep their communities' register; the population brigade reads it.
    roles: ['officer', 'station', 'department'],
    needs: ['listHouseholdCards'],
    element: <RegisterPage />,
  },
  {
    path: 'register/backlog',
    zh: '登记积压',
    en: 'Register backlog',
    icon: <WarningOutlined />,
    roles: bureauRoles,
    needs: ['listRegisterBacklog'],
    element: <BacklogPage />,
  },
];
