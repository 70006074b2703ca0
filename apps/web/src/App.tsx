import type { ReactNode } from 'react';
import type { Me, Permission } from './api/types';
import { can, isOrgRole } from './auth/access';
import { useAuth } from './auth/AuthContext';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { Layout } from './components/Layout';
import { ErrorBox, Loading } from './components/states';
import { CollectionPage } from './forms/CollectionPage';
import { MonitorPage } from './monitoring/MonitorPage';
import { OrgDataPage } from './monitoring/OrgDataPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { AccountsPage } from './pages/AccountsPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage, NotAllowedPage } from './pages/NotFoundPage';
import { OrgsPage } from './pages/OrgsPage';
import { RegionsPage } from './pages/RegionsPage';
import { SecurityPage } from './pages/SecurityPage';
import { NewPublicationPage } from './publications/NewPublicationPage';
import { SectionPage } from './publications/SectionPage';
import { SECTION_PAGES } from './publications/sections';
import { Redirect, usePath } from './router';
import { ApplicationPage, RegistrationPage } from './registration';
import { vprPage } from './vpr/routes';

export function App() {
  const { state, refresh } = useAuth();
  const path = usePath();
  switch (state.status) {
    case 'loading':
      return (
        <div className="splash">
          <Loading text="Открываем личный кабинет…" />
        </div>
      );
    case 'failed':
      return (
        <div className="splash">
          <ErrorBox error={state.error} onRetry={() => void refresh()} />
        </div>
      );
    case 'anonymous':
      return path === '/login' ? <LoginPage notice={state.notice} /> : <Redirect to="/login" />;
    case 'signed-in': {
      const { me } = state;
      if (path === '/login') return <Redirect to="/" />;
      if (me.mustChangePassword) {
        return (
          <Layout me={me} path={path} withNav={false}>
            <ChangePasswordPage forced />
          </Layout>
        );
      }
      return (
        <Layout me={me} path={path} withNav>
          <Page me={me} path={path} />
        </Layout>
      );
    }
  }
}

const UUID = '([0-9a-fA-F-]{36})';
const COLLECTION = new RegExp(`^/collections/${UUID}$`);
const MONITOR = new RegExp(`^/collections/${UUID}/monitor$`);
const ORG_DATA = new RegExp(`^/collections/${UUID}/orgs/${UUID}$`);

/** Pages whose path carries ids; `key` gives each id its own page state. */
function pageWithIds(me: Me, path: string): ReactNode {
  const gate = (allowed: boolean, page: ReactNode) => (allowed ? page : <NotAllowedPage />);
  const has = (p: Permission) => can(me, p);
  const collection = COLLECTION.exec(path);
  if (collection?.[1]) {
    const id = collection[1];
    return gate(has('collection.fill'), <CollectionPage key={id} collectionId={id} />);
  }
  const monitor = MONITOR.exec(path);
  if (monitor?.[1]) {
    const id = monitor[1];
    return gate(has('collection.monitor'), <MonitorPage key={id} collectionId={id} />);
  }
  const orgData = ORG_DATA.exec(path);
  if (orgData?.[1] && orgData[2]) {
    const [, id, orgId] = orgData;
    return gate(has('collection.monitor'), <OrgDataPage key={path} collectionId={id} orgId={orgId} />);
  }
  return null;
}

function Page({ me, path }: { me: Me; path: string }) {
  const gate = (allowed: boolean, page: ReactNode) => (allowed ? page : <NotAllowedPage />);
  const has = (p: Permission) => can(me, p);
  const section = SECTION_PAGES.find((s) => s.path === path);
  if (section) {
    return gate(has('publication.read'), <SectionPage key={section.section} section={section.section} />);
  }
  const withIds = pageWithIds(me, path);
  if (withIds) return withIds;
  const vpr = vprPage(me, path);
  if (vpr) return vpr;
  switch (path) {
    case '/':
      return <HomePage me={me} />;
    case '/regions':
      return gate(has('region.list'), <RegionsPage />);
    case '/orgs':
      return gate(has('org.read') && !isOrgRole(me.role), <OrgsPage />);
    case '/accounts':
      return gate(has('account.read'), <AccountsPage />);
    case '/publications/new':
      return gate(has('publication.write'), <NewPublicationPage />);
    case '/registration':
      return gate(has('registry.manage') || has('application.consolidate'), <RegistrationPage />);
    case '/application':
      return gate(has('collection.fill'), <ApplicationPage />);
    case '/notifications':
      return <NotificationsPage />;
    case '/security':
      return <SecurityPage />;
    case '/password':
      return <ChangePasswordPage forced={false} />;
    default:
      return <NotFoundPage />;
  }
}
