import type { Me } from '../api/types';
import { can, isOrgRole } from '../auth/access';
import { Link } from '../router';

interface Item {
  to: string;
  title: string;
}

/** The sections this account may open, from its permissions. */
export function navItems(me: Me): Item[] {
  const items: Item[] = [{ to: '/', title: 'Главная' }];
  if (can(me, 'region.list')) items.push({ to: '/regions', title: 'Регионы' });
  if (can(me, 'org.read') && !isOrgRole(me.role)) items.push({ to: '/orgs', title: 'Организации' });
  if (can(me, 'account.read')) items.push({ to: '/accounts', title: 'Учётные записи' });
  items.push({ to: '/security', title: 'Безопасность' });
  items.push({ to: '/password', title: 'Сменить пароль' });
  return items;
}

export function Nav({ me, path }: { me: Me; path: string }) {
  return (
    <nav className="sidenav" aria-label="Разделы кабинета">
      <ul>
        {navItems(me).map((item) => (
          <li key={item.to}>
            <Link to={item.to} current={item.to === path}>
              {item.title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
