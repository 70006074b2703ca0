import type { ReactNode } from 'react';
import type { Me, Permission } from './api/types';
import { can, isOrgRole } from './auth/access';
import { useAuth } from './auth/AuthContext';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { Layout } from './components/Layout';
import { ErrorBox, Loading } from './components/states';
import { AccountsPage } from './pages/AccountsPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage, NotAllowedPage } from './pages/NotFoundPage';
import { OrgsPage } from './pages/OrgsPage';
import { RegionsPage } from './pages/RegionsPage';
import { SecurityPage } from './pages/SecurityPage';
import { Redirect, usePath } from './router';

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

function Page({ me, path }: { me: Me; path: string }) {
  const gate = (allowed: boolean, page: ReactNode) => (allowed ? page : <NotAllowedPage />);
  const has = (p: Permission) => can(me, p);
  switch (path) {
    case '/':
      return <HomePage me={me} />;
    case '/regions':
      return gate(has('region.list'), <RegionsPage />);
    case '/orgs':
      return gate(has('org.read') && !isOrgRole(me.role), <OrgsPage />);
    case '/accounts':
      return gate(has('account.read'), <AccountsPage />);
    case '/security':
      return <SecurityPage />;
    case '/password':
      return <ChangePasswordPage forced={false} />;
    default:
      return <NotFoundPage />;
  }
}
