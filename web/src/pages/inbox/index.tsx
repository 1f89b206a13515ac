import { InboxOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/pages';

const InboxPage = lazy(() => import('./InboxPage'));

export const inboxPages: readonly ConsolePage[] = [
  {
    path: 'inbox',
    zh: '收件箱',
    en: 'Inbox',
    icon: <InboxOutlined />,
    roles: ['bureau-staff', 'bureau-head', 'leader', 'officer', 'department', 'station', 'finance'],
    needs: ['readInbox'],
    element: <InboxPage />,
  },
];
