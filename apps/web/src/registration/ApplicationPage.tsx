import type { ApplicationLine, MyApplication } from '@oko/shared';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { DateTime } from '../components/DateTime';
import { Empty, Loaded, usePageTitle } from '../components/states';
import { Link } from '../router';
import './registration.css';

const STATE_TITLES: Record<MyApplication['state'], string> = {
  not_started: 'Не заполнена',
  in_progress: 'В работе (не сдана)',
  submitted: 'Сдана',
};

/** A school's applications: what it sent and, once the regional coordinator has confirmed it, the confirmed figures. */
export function ApplicationPage() {
  usePageTitle('Заявка на участие в ВПР');
  const list = useResource<{ applications: MyApplication[] }>('/api/applications/mine');
  return (
    <div>
      <h1>Заявка на участие в ВПР</h1>
      <Loaded res={list} what="заявки">
        {(d) =>
          d.applications.length === 0 ? (
            <Empty>Сбор заявок пока не объявлен.</Empty>
          ) : (
            d.applications.map((a) => <ApplicationBlock key={a.collectionId} a={a} />)
          )
        }
      </Loaded>
    </div>
  );
}

function ApplicationBlock({ a }: { a: MyApplication }) {
  const me = useMe();
  const tz = me.organization.timeZone;
  const c = a.confirmation;
  return (
    <section className="panel flow" aria-label={a.title}>
      <div className="flow-head">
        <h2>{a.title}</h2>
        {!c && (
          <Link to={`/collections/${a.collectionId}`} className="btn btn-primary">
            {a.state === 'not_started' ? 'Заполнить заявку' : 'Открыть заявку'}
          </Link>
        )}
      </div>
      <p>
        Состояние: <b>{c ? 'Подтверждена региональным координатором' : STATE_TITLES[a.state]}</b>
        {a.submittedAt && (
          <>
            {' '}
            · дата сдачи: <DateTime iso={a.submittedAt} timeZone={tz} />
          </>
        )}
      </p>
      {c ? (
        <>
          <div className="alert alert-success confirmed-note" role="status" data-testid="application-confirmed">
            <div>
              <b>Заявка подтверждена региональным координатором</b> <DateTime iso={c.confirmedAt} timeZone={tz} />
              {c.corrected && (
                <p className="small">
                  Координатор внёс изменения в заявку: ниже — подтверждённые данные, по ним будут выданы коды
                  участников.
                </p>
              )}
            </div>
          </div>
          <h3>Подтверждённые данные</h3>
          <LinesTable lines={c.lines} label="Подтверждённая заявка" />
          {c.corrected && a.submitted && (
            <details>
              <summary>Что было сдано школой</summary>
              <LinesTable lines={a.submitted} label="Сданная заявка" />
            </details>
          )}
        </>
      ) : a.submitted ? (
        <>
          <p className="muted">Заявка сдана и ждёт подтверждения регионального координатора.</p>
          <LinesTable lines={a.submitted} label="Сданная заявка" />
        </>
      ) : (
        <p className="muted">
          Укажите параллели, предметы и число участников на странице заявки или заполните файл XLSX и загрузите его там
          же, затем нажмите «Сдать отчет».
        </p>
      )}
    </section>
  );
}

function LinesTable({ lines, label }: { lines: ApplicationLine[]; label: string }) {
  if (lines.length === 0) return <p className="muted">Школа не участвует ни в одной работе.</p>;
  return (
    <div className="table-wrap lines-table">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th>Параллель</th>
            <th>Предмет</th>
            <th>Число классов</th>
            <th>Число участников</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={`${l.grade}-${l.subject}`}>
              <td>{l.grade}</td>
              <td>{l.subject}</td>
              <td>{l.classes ?? '—'}</td>
              <td>{l.participants}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
