import type { Me } from '../api/types';
import { can, isOrgRole } from '../auth/access';
import { sectionsFor } from '../publications/sections';
import { Link } from '../router';
import { receivesMaterials, seesCampaigns } from '../vpr/access';
import { RESULTS_PATH, submitsResults } from '../vpr/results/access';

interface Item {
  to: string;
  title: string;
}

/** The sections this account may open, from its permissions. */
export function navItems(me: Me): Item[] {
  const items: Item[] = [{ to: '/', title: 'Главная' }];
  for (const s of sectionsFor(me)) items.push({ to: s.path, title: s.title });
  if (can(me, 'region.list')) items.push({ to: '/regions', title: 'Регионы' });
  if (can(me, 'org.read') && !isOrgRole(me.role)) items.push({ to: '/orgs', title: 'Организации' });
  if (can(me, 'account.read')) items.push({ to: '/accounts', title: 'Учётные записи' });
  if (can(me, 'registry.manage') || can(me, 'application.consolidate'))
    items.push({ to: '/registration', title: 'Регистрация' });
  if (can(me, 'collection.fill') && me.role === 'school') items.push({ to: '/application', title: 'Заявка на ВПР' });
  if (receivesMaterials(me)) items.push({ to: '/vpr/progress', title: 'Ход ВПР' });
  if (submitsResults(me)) items.push({ to: RESULTS_PATH, title: 'Результаты ВПР' });
  if (seesCampaigns(me)) items.push({ to: '/vpr/campaigns', title: 'Кампании ВПР' });
  items.push({ to: '/notifications', title: 'Уведомления' });
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
