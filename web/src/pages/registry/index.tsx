// The registry (基础信息) — communities, officers, leaders, departments, stations — plus the
// bindings between them and the county's users. Bureau staff edit; the bureau head and province
// readers read what the API lets them (the edit buttons follow the session's permissions).
import { ApartmentOutlined, BankOutlined, HomeOutlined, LinkOutlined, SafetyOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { bureauRoles, type ConsolePage } from '../../app/pages';

const CommunitiesPage = lazy(() => import('./CommunitiesPage'));
const OfficersPage = lazy(() => import('./OfficersPage'));
const PeoplePage = lazy(() => import('./PeoplePage'));
const StationsPage = lazy(() => import('./StationsPage'));
const BindingsPage = lazy(() => import('./BindingsPage'));
const UsersPage = lazy(() => import('./UsersPage'));

const group = { key: 'registry', zh: '基础信息', en: 'Registry' };

export const registryPages: readonly ConsolePage[] = [
  {
    path: 'registry/communities',
    zh: '社区',
    en: 'Communities',
    icon: <HomeOutlined />,
    roles: bureauRoles,
    needs: ['listCommunities'],
    group,
    element: <CommunitiesPage />,
  },
  {
    path: 'registry/officers',
    zh: '社区民警',
    en: 'Officers',
    icon: <SafetyOutlined />,
    roles: bureauRoles,
    needs: ['listOfficers'],
    group,
    element: <OfficersPage />,
  },
  {
    path: 'registry/leaders',
    zh: '联系社区局领导',
    en: 'Liaison leaders',
    icon: <UserOutlined />,
    roles: bureauRoles,
    needs: ['listLeaders'],
    group,
    element: <PeoplePage kind="leaders" />,
  },
  {
    path: 'registry/departments',
    zh: '局机关部门',
    en: 'Departments',
    icon: <ApartmentOutlined />,
    roles: bureauRoles,
    needs: ['listDepartments'],
    group,
    element: <PeoplePage kind="departments" />,
  },
  {
    path: 'registry/stations',
    zh: '派出所',
    en: 'Police stations',
    icon: <BankOutlined />,
    roles: bureauRoles,
    needs: ['listStations'],
    group,
    element: <StationsPage />,
  },
  {
    path: 'registry/bindings',
    zh: '责任捆绑',
    en: 'Bindings',
    icon: <LinkOutlined />,
    roles: bureauRoles,
    needs: ['listBindings'],
    group,
    element: <BindingsPage />,
  },
  {
    path: 'registry/users',
    zh: '用户与邀请',
    en: 'Users and invitations',
    icon: <UserAddOutlined />,
    roles: ['bureau-staff', 'bureau-head'],
    needs: ['listUsers'],
    group,
    element: <UsersPage />,
  },
];
