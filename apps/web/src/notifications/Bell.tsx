import { useEffect, useRef, useState } from 'react';
import { Link } from '../router';
import { NotificationItem } from './NotificationItem';
import { useNotifications } from './NotificationsContext';

const SHOWN = 5;

function BellIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"
      />
    </svg>
  );
}

/** The header's bell: the unread count, and the latest messages a click away. */
export function Bell() {
  const { list, markRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const unread = list?.unread ?? 0;

  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: MouseEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const items = list?.items.slice(0, SHOWN) ?? [];
  return (
    <div className="bell" ref={box}>
      <button
        type="button"
        className="bell-button"
        aria-label={unread > 0 ? `Уведомления: непрочитанных ${unread}` : 'Уведомления'}
        aria-expanded={open}
        title="Уведомления"
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="bell-count" data-testid="bell-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell-menu" role="region" aria-label="Последние уведомления">
          {items.length === 0 ? (
            <p className="empty">Уведомлений пока нет.</p>
          ) : (
            <ul className="note-list">
              {items.map((n) => (
                <NotificationItem key={n.id} item={n} compact />
              ))}
            </ul>
          )}
          <div className="bell-actions">
            <Link to="/notifications" className="small" onNavigate={() => setOpen(false)}>
              Все уведомления
            </Link>
            {unread > 0 && (
              <button type="button" className="btn btn-small btn-link" onClick={() => void markRead()}>
                Отметить все прочитанными
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
