import type { Me, Org } from '../api/types';
import { useResource } from '../api/useResource';
import { Loaded } from '../components/states';
import { ActualPanel } from '../publications/ActualPanel';
import { Link } from '../router';
import { receivesMaterials } from '../vpr/access';
import { RESULTS_PATH, SCHOOL_ANALYTICS_PATH, readsOwnAnalytics, submitsResults } from '../vpr/results/access';
import { orgKindWord, orgStatusWord } from '../words';

/** An ОО sees what it must do, and the details the region holds about it. */
export function SchoolHome({ me }: { me: Me }) {
  const orgId = me.organization.orgId;
  const org = useResource<Org>(orgId ? `/api/orgs/${orgId}` : null);
  return (
    <div className="page-medium">
      <h1>Мои задачи</h1>
      <ul className="tasks">
        <li className={me.mustChangePassword ? 'task' : 'task task-done'}>
          <span className="task-status">{me.mustChangePassword ? 'Нужно сделать' : 'Выполнено'}</span>
          <div>
            <h2>Смените выданный пароль</h2>
            <p>
              {me.mustChangePassword
                ? 'Пароль, выданный координатором, нужно заменить собственным.'
                : 'Выданный пароль заменён. Пароль можно сменить в любое время.'}{' '}
              <Link to="/password">Сменить пароль</Link>
            </p>
          </div>
        </li>
        {me.role === 'school' && receivesMaterials(me) && (
          <li className="task task-info">
            <span className="task-status task-status-info">ВПР</span>
            <div>
              <h2>Материалы для проведения ВПР</h2>
              <p>
                Архивы с вариантами, шифры к ним, критерии, коды участников и чек-лист технического специалиста — каждый
                со своим сроком по местному и московскому времени. <Link to="/vpr/progress">Открыть «Ход ВПР»</Link>
              </p>
            </div>
          </li>
        )}
        {me.role === 'school' && submitsResults(me) && (
          <li className="task task-info" data-testid="home-results">
            <span className="task-status task-status-info">ВПР</span>
            <div>
              <h2>Результаты ВПР</h2>
              <p>
                Внесите результаты каждого предмета до 23:00 по московскому времени дня срока: в таблицу на сайте или
                заполненной формой XLSX. <Link to={RESULTS_PATH}>Открыть «Результаты ВПР»</Link>
                {readsOwnAnalytics(me) && (
                  <>
                    {' · '}
                    <Link to={SCHOOL_ANALYTICS_PATH}>Аналитика</Link>
                  </>
                )}
              </p>
            </div>
          </li>
        )}
        <li className="task task-info">
          <span className="task-status task-status-info">Рекомендуется</span>
          <div>
            <h2>Проверьте историю входов</h2>
            <p>
              Если в истории есть входы, которых вы не совершали, смените пароль и сообщите координатору.{' '}
              <Link to="/security">Открыть историю входов</Link>
            </p>
          </div>
        </li>
      </ul>
      <ActualPanel />

      <section className="panel">
        <h2>Сведения об организации</h2>
        {orgId ? (
          <Loaded res={org} what="сведения об организации">
            {(o) => (
              <dl className="details">
                <dt>Код ОО</dt>
                <dd className="mono">{o.code}</dd>
                <dt>Полное наименование</dt>
                <dd>{o.fullName}</dd>
                <dt>Краткое наименование</dt>
                <dd>{o.shortName}</dd>
                <dt>Тип</dt>
                <dd>{orgKindWord(o.kind)}</dd>
                <dt>Муниципалитет</dt>
                <dd>{o.municipalityName}</dd>
                <dt>Статус</dt>
                <dd>{orgStatusWord(o.status)}</dd>
                <dt>Логин</dt>
                <dd className="mono">{o.login ?? me.login}</dd>
              </dl>
            )}
          </Loaded>
        ) : (
          <p>Учётная запись не привязана к организации. Обратитесь к координатору.</p>
        )}
        <p className="muted small">Если сведения неверны, сообщите муниципальному или региональному координатору.</p>
      </section>
    </div>
  );
}
