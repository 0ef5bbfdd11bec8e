import { MenuOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMeta } from '../features/platform/queries';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { NavLinks } from './NavLinks';

// Most visits never open the phone's menu: its sheet's code waits for the first tap.
const MenuDrawer = lazy(() => import('./MenuDrawer'));

export type NavItem = { key: string; label: string; href: string };

type Props = {
  /** Where the brand links to: the public home or the role's home. */
  brandHref: string;
  nav: NavItem[];
  selectedKey?: string;
  /** Role switcher, sign-out: in the header on wide screens, in the menu drawer on phones. */
  actions?: ReactNode;
  /** What stays in the header on every screen (the notification bell). */
  status?: ReactNode;
  children: ReactNode;
};

const headerStyle = {
  display: 'flex',
  alignItems: 'center',
  gap: 12,
  height: 56,
  lineHeight: '56px',
  background: '#fff',
  borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
} as const;

/** The frame every shell shares: demo banner, header with nav and language, content, footer. */
export function AppLayout({ brandHref, nav, selectedKey, actions, status, children }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = screens.md === true;
  // Beyond six areas a header row folds the last ones into an overflow "…" nobody opens (an
  // official has ten): wide screens then list them down the side instead.
  const side = wide && nav.length > 6;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerUsed, setDrawerUsed] = useState(false);
  const meta = useMeta();

  const closeDrawer = () => setDrawerOpen(false);
  const openDrawer = () => {
    setDrawerUsed(true);
    setDrawerOpen(true);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <DemoBanner />
      <Layout.Header style={{ ...headerStyle, paddingInline: wide ? 24 : 12 }}>
        <Link to={brandHref} style={{ flex: 'none', fontWeight: 600, fontSize: 17, color: 'inherit', whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        {wide && !side ? (
          <nav aria-label={t('nav.main')} style={{ flex: 1, minWidth: 0 }}>
            <NavLinks layout="row" items={nav} selectedKey={selectedKey} />
          </nav>
        ) : (
          <div style={{ flex: 1 }} />
        )}
        {status}
        <LanguageSwitch />
        {wide ? actions : <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={openDrawer} />}
      </Layout.Header>
      {!wide && drawerUsed && (
        <Suspense fallback={null}>
          <MenuDrawer open={drawerOpen} onClose={closeDrawer} title={t('app.name')}>
            <nav aria-label={t('nav.main')}>
              <NavLinks layout="column" items={nav} selectedKey={selectedKey} onNavigate={closeDrawer} />
            </nav>
            {actions && (
              <Flex vertical gap={12} style={{ marginTop: 24 }}>
                {actions}
              </Flex>
            )}
          </MenuDrawer>
        </Suspense>
      )}
      {/* One tree whatever the width: a window resized across a breakpoint (or a phone turned) keeps
          the page mounted, and with it what was typed into its forms. */}
      <Layout hasSider={side}>
        {side && (
          <Layout.Sider width={176} theme="light" style={{ borderInlineEnd: '1px solid rgba(5, 5, 5, 0.06)' }}>
            <nav aria-label={t('nav.main')} style={{ padding: '12px 8px' }}>
              <NavLinks layout="column" items={nav} selectedKey={selectedKey} />
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content style={{ width: '100%', maxWidth: 1200, margin: '0 auto', padding: wide ? 24 : 12 }}>{children}</Layout.Content>
      </Layout>
      <Layout.Footer style={{ textAlign: 'center', padding: '16px 12px' }}>
        <Typography.Text type="secondary">
          {t('app.fullName')}
          {meta.data ? ` · v${meta.data.version}` : ''}
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
