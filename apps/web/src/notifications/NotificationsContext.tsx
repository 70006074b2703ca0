// The bell's data, shared by the header and the pages: one poll for the whole cabinet.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { NotificationList } from '@oko/shared';
import { api } from '../api/client';

const POLL_MS = 30_000;

export interface NotificationsApi {
  list: NotificationList | undefined;
  refresh: () => Promise<void>;
  markRead: (ids?: string[]) => Promise<void>;
}

const NotificationsContext = createContext<NotificationsApi>({
  list: undefined,
  refresh: () => Promise.resolve(),
  markRead: () => Promise.resolve(),
});

/** `enabled` is false while the account must change its password: the server answers nothing else then. */
export function NotificationsProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [list, setList] = useState<NotificationList | undefined>(undefined);
  // answers may come back out of order; only the latest request may update the bell
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const next = await api.get<NotificationList>('/api/notifications');
      if (mine === seq.current) setList(next);
    } catch {
      // the bell keeps its last count; the next poll tries again
    }
  }, []);

  const markRead = useCallback(
    async (ids?: string[]) => {
      setList((l) => {
        if (!l) return l;
        const items = l.items.map((n) => (!ids || ids.includes(n.id) ? { ...n, read: true } : n));
        return {
          unread: ids ? Math.max(0, l.unread - l.items.filter((n) => !n.read && ids.includes(n.id)).length) : 0,
          items,
        };
      });
      try {
        await api.post('/api/notifications/read', ids ? { ids } : {});
      } finally {
        await refresh();
      }
    },
    [refresh],
  );

  useEffect(() => {
    if (!enabled) return undefined;
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [enabled, refresh]);

  const value = useMemo(() => ({ list, refresh, markRead }), [list, refresh, markRead]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsApi {
  return useContext(NotificationsContext);
}
