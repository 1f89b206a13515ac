import { CloudUploadOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/pages';

const DuePage = lazy(() => import('./DuePage'));
const UploadPage = lazy(() => import('./UploadPage'));

export const departmentPages: readonly ConsolePage[] = [
  {
    path: 'department/due',
    zh: '待报送数据',
    en: 'Figures due',
    icon: <ScheduleOutlined />,
    roles: ['department'],
    needs: ['listFigures'],
    element: <DuePage />,
  },
  {
    path: 'department/upload',
    zh: '上传CSV',
    en: 'Upload CSV',
    icon: <CloudUploadOutlined />,
    roles: ['department'],
    needs: ['uploadFiguresCsv'],
    element: <UploadPage />,
  },
];
