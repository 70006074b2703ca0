import { useEffect, useState } from 'react';
import type { SaveStatus } from './autosave';
import { clock } from './time';

/** The toolbar's word on autosave, with a countdown while the network is down. */
export function SaveStatusText({
  status,
  timeZone,
  onRetry,
}: {
  status: SaveStatus;
  timeZone: string;
  onRetry: () => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.kind !== 'offline') return undefined;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [status.kind]);

  switch (status.kind) {
    case 'idle':
      return <span className="save-status">Изменения сохраняются автоматически</span>;
    case 'pending':
    case 'saving':
      return (
        <span className="save-status save-status-busy" role="status">
          Сохранение…
        </span>
      );
    case 'saved':
      return (
        <span className="save-status save-status-ok" role="status">
          Сохранено в {clock(status.at, timeZone)}
        </span>
      );
    case 'offline': {
      const seconds = Math.max(0, Math.ceil((status.retryAt - now) / 1000));
      return (
        <span className="save-status save-status-warn" role="status">
          Нет связи — повторим через {seconds} с{' '}
          <button type="button" className="btn-link btn-small" onClick={onRetry}>
            Повторить сейчас
          </button>
        </span>
      );
    }
    case 'conflict':
      return <span className="save-status save-status-error">Не сохранено: форма изменена в другой вкладке</span>;
    case 'closed':
      return <span className="save-status save-status-error">Не сохранено: сбор данных закрыт</span>;
    case 'failed':
      return <span className="save-status save-status-error">Не сохранено: {status.message}</span>;
  }
}
