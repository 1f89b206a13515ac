import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { bureauRoles, type ConsolePage } from '../../app/pages';

// CodeMirror lives only in the editor's chunk.
const VersionsPage = lazy(() => import('./VersionsPage'));
const EditorPage = lazy(() => import('./EditorPage'));

const group = { key: 'rules', zh: '考核规则', en: 'Rules' };

export const rulesPages: readonly ConsolePage[] = [
  {
    path: 'rules/versions',
    zh: '规则版本',
    en: 'Rule versions',
    icon: <HistoryOutlined />,
    roles: bureauRoles,
    needs: ['listRuleSets'],
    group,
    element: <VersionsPage />,
  },
  {
    path: 'rules/editor',
    zh: '编辑规则',
    en: 'Edit rules',
    icon: <EditOutlined />,
    roles: ['bureau-staff'],
    needs: ['createRuleSet'],
    group,
    element: <EditorPage />,
  },
];
