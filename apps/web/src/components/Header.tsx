import { useState } from 'react';
import type { Me } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Bell } from '../notifications/Bell';
import { Link } from '../router';

export function Header({ me, withBell }: { me: Me; withBell: boolean }) {
  const { logout } = useAuth();
  const [leaving, setLeaving] = useState(false);
  const onLogout = () => {
    setLeaving(true);
    void logout();
  };
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to="/" className="brand">
          <span className="brand-mark">ОКО</span>
          <span className="brand-text">Личный кабинет</span>
        </Link>
        <div className="account" aria-label="Учётная запись">
          <div className="account-org" data-testid="org-name">
            {me.organization.name}
          </div>
          <div className="account-meta">
            {me.roleTitle} · логин <b data-testid="login">{me.login}</b>
          </div>
        </div>
        <nav className="account-actions" aria-label="Действия с учётной записью">
          {withBell && <Bell />}
          <Link to="/password" className="topbar-link">
            Сменить пароль
          </Link>
          <button type="button" className="btn btn-light" onClick={onLogout} disabled={leaving}>
            {leaving ? 'Выход…' : 'Выйти'}
          </button>
        </nav>
      </div>
    </header>
  );
}
