import { useState } from 'react';
import { api, toApiError } from '../api/client';
import type { AuditEventName, AuditList, SessionList } from '../api/types';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { DateTime } from '../components/DateTime';
import { Empty, ErrorBox, Loaded, usePageTitle } from '../components/states';
import { describeBrowser, moscowOffsetLabel } from '../format';

export function eventWord(event: AuditEventName): string {
  switch (event) {
    case 'login.success':
      return 'Успешный вход';
    case 'login.failure':
      return 'Неудачная попытка входа';
    case 'login.locked':
      return 'Вход заблокирован';
    case 'login.org_closed':
      return 'Вход отклонён: организация закрыта';
    case 'logout':
      return 'Выход';
    case 'password.changed':
      return 'Смена пароля';
    case 'credentials.issued':
      return 'Выданы реквизиты';
    case 'session.ended':
      return 'Сеанс завершён';
  }
}

const WARNING_EVENTS: AuditEventName[] = ['login.failure', 'login.locked', 'login.org_closed'];

export function SecurityPage() {
  usePageTitle('Безопасность');
  const me = useMe();
  const tz = me.organization.timeZone;
  const sessions = useResource<SessionList>('/api/me/sessions');
  const history = useResource<AuditList>('/api/me/history');
  const [ending, setEnding] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const end = async (id: string) => {
    setEnding(id);
    setError(null);
    try {
      await api.delete(`/api/me/sessions/${id}`);
      sessions.reload();
      history.reload();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setEnding(null);
    }
  };

  return (
    <div>
      <h1>Безопасность</h1>
      <p className="lead">
        Время показано в вашем часовом поясе ({moscowOffsetLabel(tz)}) и по московскому времени. Если вы видите сеанс
        или вход, которого не совершали, завершите сеанс и смените пароль.
      </p>

      <section className="section">
        <h2>Активные сеансы</h2>
        {error && <ErrorBox error={error} />}
        <Loaded res={sessions} what="сеансы">
          {(d) =>
            d.sessions.length === 0 ? (
              <Empty>Активных сеансов нет.</Empty>
            ) : (
              <div className="table-wrap">
                <table className="table" aria-label="Активные сеансы">
                  <thead>
                    <tr>
                      <th>Начало</th>
                      <th>Последняя активность</th>
                      <th>IP-адрес</th>
                      <th>Браузер</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {d.sessions.map((s) => (
                      <tr key={s.id} className={s.current ? 'row-current' : undefined}>
                        <td>
                          <DateTime iso={s.createdAt} timeZone={tz} />
                        </td>
                        <td>
                          <DateTime iso={s.lastSeenAt} timeZone={tz} />
                        </td>
                        <td className="mono">{s.ip ?? '—'}</td>
                        <td title={s.userAgent ?? undefined}>{describeBrowser(s.userAgent)}</td>
                        <td>
                          {s.current ? (
                            <span className="badge badge-ok">этот сеанс</span>
                          ) : (
                            <button
                              type="button"
                              className="btn btn-small"
                              disabled={ending === s.id}
                              onClick={() => void end(s.id)}
                            >
                              {ending === s.id ? 'Завершение…' : 'Завершить'}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loaded>
      </section>

      <section className="section">
        <h2>История входов и действий</h2>
        <Loaded res={history} what="история">
          {(d) =>
            d.events.length === 0 ? (
              <Empty>Событий пока нет.</Empty>
            ) : (
              <div className="table-wrap">
                <table className="table" aria-label="История входов">
                  <thead>
                    <tr>
                      <th>Дата и время</th>
                      <th>Событие</th>
                      <th>IP-адрес</th>
                      <th>Браузер</th>
                      <th>Кем выполнено</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.events.map((e, i) => (
                      <tr key={`${e.at}-${i}`} className={WARNING_EVENTS.includes(e.event) ? 'row-warn' : undefined}>
                        <td>
                          <DateTime iso={e.at} timeZone={tz} />
                        </td>
                        <td>{eventWord(e.event)}</td>
                        <td className="mono">{e.ip ?? '—'}</td>
                        <td title={e.userAgent ?? undefined}>{describeBrowser(e.userAgent)}</td>
                        <td className="mono">
                          {e.actorLogin === null ? (
                            <span className="muted">—</span>
                          ) : e.actorLogin === me.login ? (
                            <span className="muted">вы</span>
                          ) : (
                            e.actorLogin
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loaded>
      </section>
    </div>
  );
}
