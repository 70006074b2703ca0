import type { ReactNode } from 'react';
import type { Me } from '../api/types';
import { NotificationsProvider } from '../notifications/NotificationsContext';
import { Header } from './Header';
import { Nav } from './Nav';

/** Header on top; the section list on the left unless the account must change its password first. */
export function Layout({
  me,
  path,
  withNav,
  children,
}: {
  me: Me;
  path: string;
  withNav: boolean;
  children: ReactNode;
}) {
  return (
    <NotificationsProvider enabled={withNav}>
      <div className="app">
        <Header me={me} withBell={withNav} />
        <div className={withNav ? 'shell' : 'shell shell-single'}>
          {withNav && <Nav me={me} path={path} />}
          <main className="content">{children}</main>
        </div>
        <footer className="footer">
          ОКО — платформа оценочных процедур. Логин и пароль не передавайте третьим лицам.
        </footer>
      </div>
    </NotificationsProvider>
  );
}
