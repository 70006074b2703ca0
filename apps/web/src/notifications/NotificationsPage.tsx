import { useEffect } from 'react';
import { Empty, Loading, usePageTitle } from '../components/states';
import { NotificationItem } from './NotificationItem';
import { useNotifications } from './NotificationsContext';

export function NotificationsPage() {
  usePageTitle('Уведомления');
  const { list, refresh, markRead } = useNotifications();
  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <div className="page-medium">
      <h1>Уведомления</h1>
      <p className="lead">
        Сюда приходят отчёты и выгрузки, которые формируются в фоновом режиме. Файл отчёта можно скачать и позже.
      </p>
      {!list ? (
        <Loading text="Загрузка: уведомления…" />
      ) : list.items.length === 0 ? (
        <Empty>Уведомлений пока нет.</Empty>
      ) : (
        <>
          <div className="button-row">
            <span className="muted">Непрочитанных: {list.unread}</span>
            <button
              type="button"
              className="btn btn-small"
              disabled={list.unread === 0}
              onClick={() => void markRead()}
            >
              Отметить все прочитанными
            </button>
          </div>
          <ul className="note-list note-list-page">
            {list.items.map((n) => (
              <NotificationItem key={n.id} item={n} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
