// The frame around every signed-in page: the menu of what the role may open, who is signed in
// (name, role, county), the language switch and sign-out. On a phone the menu folds away.
import { LogoutOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Segmented, Space, Typography, type MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { roleLabels } from '../../../src/contracts/roles';
import { useI18n } from './i18n';
import type { ConsolePage } from './pages';
import { useSession, useSessionApi } from './session';

const roleLabelsEn: Record<keyof typeof roleLabels, string> = {
  'bureau-staff': 'Bureau staff',
  'bureau-head': 'Bureau head',
  leader: 'Bureau leader',
  officer: 'Community officer',
  department: 'Bureau department',
  station: 'Police station',
  finance: 'Finance',
  'province-reader': 'Province reader',
};

function menuItems(pages: readonly ConsolePage[], t: (zh: string, en: string) => string): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [];
  const groups = new Map<string, { key: string; label: string; children: { key: string; icon: ReactNode; label: ReactNode }[] }>();
  for (const p of pages) {
    const item = { key: `/${p.path}`, icon: p.icon, label: <Link to={`/${p.path}`}>{t(p.zh, p.en)}</Link> };
    if (!p.group) {
      items.push(item);
      continue;
    }
    let group = groups.get(p.group.key);
    if (!group) {
      group = { key: `group:${p.group.key}`, label: t(p.group.zh, p.group.en), children: [] };
      groups.set(p.group.key, group);
      items.push(group);
    }
    group.children.push(item);
  }
  return items;
}

export function Shell({ pages, children }: { pages: readonly ConsolePage[]; children: ReactNode }) {
  const { lang, setLang, t } = useI18n();
  const session = useSession();
  const { signOut } = useSessionApi();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const selected = pages.map((p) => `/${p.path}`).filter((key) => location.pathname === key || location.pathname.startsWith(`${key}/`));
  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={selected.slice(-1)}
      defaultOpenKeys={[...new Set(pages.flatMap((p) => (p.group ? [`group:${p.group.key}`] : [])))]}
      items={menuItems(pages, t)}
      onClick={() => setDrawerOpen(false)}
    />
  );
  const title = t('社区警务责任捆绑考核', 'Community policing accountability');
  const name = session.user?.displayName ?? session.userId;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          styles={{ body: { padding: 0, background: '#001529' } }}
          title={title}
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider width={220}>
          <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600 }}>{title}</div>
          <nav aria-label={t('主菜单', 'Main menu')}>{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', height: 'auto', minHeight: 64 }}
        >
          {narrow && (
            <Button aria-label={t('打开菜单', 'Open the menu')} onClick={() => setDrawerOpen(true)}>
              ☰
            </Button>
          )}
          <Typography.Text strong style={{ flex: 1, minWidth: 0 }} ellipsis>
            {name} · {lang === 'zh' ? roleLabels[session.role] : roleLabelsEn[session.role]}
            {session.countyId ? ` · ${session.countyId}` : ''}
          </Typography.Text>
          <Space>
            <Segmented
              aria-label={t('界面语言', 'Language')}
              value={lang}
              onChange={(v) => setLang(v as 'zh' | 'en')}
              options={[
                { label: '中文', value: 'zh' },
                { label: 'English', value: 'en' },
              ]}
            />
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {t('退出', 'Sign out')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: narrow ? 8 : 24 }}>
          <div style={{ background: '#fff', padding: narrow ? 12 : 24, borderRadius: 8, minHeight: 360 }}>{children}</div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export { roleLabelsEn };
