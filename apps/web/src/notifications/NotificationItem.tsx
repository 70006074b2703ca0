import type { Notification } from '@oko/shared';
import { useMe } from '../auth/AuthContext';
import { DateTime } from '../components/DateTime';
import { useNotifications } from './NotificationsContext';

/** One message of the bell: what it is, when it came, and its file when it carries one. */
export function NotificationItem({ item, compact = false }: { item: Notification; compact?: boolean }) {
  const me = useMe();
  const { refresh } = useNotifications();
  // downloading the file marks the notification read on the server; the bell follows once the download starts
  const onDownload = () => window.setTimeout(() => void refresh(), 1_500);
  return (
    <li className={item.read ? 'note-item' : 'note-item note-unread'}>
      <div className="note-head">
        <b className="note-title">{item.title}</b>
        {!item.read && <span className="badge badge-warn">новое</span>}
      </div>
      {item.body && !compact && <p className="note-body">{item.body}</p>}
      <div className="note-meta">
        <DateTime iso={item.createdAt} timeZone={me.organization.timeZone} />
        {item.file && (
          <a className="btn btn-small" href={item.file.url} download onClick={onDownload}>
            Скачать: {item.file.name}
          </a>
        )}
      </div>
    </li>
  );
}
