import type { AccountList, Me, MunicipalityList, OrgList } from '../api/types';
import { useResource } from '../api/useResource';
import { can } from '../auth/access';
import { MunicipalitiesTable } from '../components/MunicipalitiesTable';
import { OrgsSection } from '../components/OrgsSection';
import { Empty, Loaded } from '../components/states';
import { moscowOffsetLabel, plural } from '../format';
import { ActualPanel } from '../publications/ActualPanel';
import { Link } from '../router';

/** Municipal, regional and СПО coordinators: their organizations, accounts and (regional) municipalities. */
export function CoordinatorHome({ me }: { me: Me }) {
  const orgs = useResource<OrgList>('/api/orgs');
  const accounts = useResource<AccountList>(can(me, 'account.read') ? '/api/accounts' : null);
  const showMunicipalities = me.role === 'region_coordinator';
  const municipalities = useResource<MunicipalityList>(showMunicipalities ? '/api/municipalities' : null);

  return (
    <div>
      <h1>{me.organization.name}</h1>
      <p className="lead">
        {me.roleTitle}. Часовой пояс: {moscowOffsetLabel(me.organization.timeZone)} ({me.organization.timeZone}).
      </p>

      <ActualPanel />

      <div className="cards">
        <Loaded res={orgs} what="организации">
          {(d) => (
            <div className="card">
              <div className="card-number">{d.orgs.length}</div>
              <div>{plural(d.orgs.length, 'организация', 'организации', 'организаций')} в вашей зоне</div>
              <div className="muted small">без учётной записи: {d.orgs.filter((o) => o.login === null).length}</div>
            </div>
          )}
        </Loaded>
        {can(me, 'account.read') && (
          <Loaded res={accounts} what="учётные записи">
            {(d) => {
              const pending = d.accounts.filter((a) => a.mustChangePassword).length;
              const never = d.accounts.filter((a) => a.lastLoginAt === null).length;
              return (
                <div className="card">
                  <div className="card-number">{d.accounts.length}</div>
                  <div>
                    {plural(d.accounts.length, 'учётная запись', 'учётные записи', 'учётных записей')} подчинённых
                  </div>
                  <div className="muted small">
                    ещё не сменили выданный пароль: <b data-testid="must-change-count">{pending}</b>; ни разу не
                    входили: {never}
                  </div>
                  <Link to="/accounts">Перейти к учётным записям</Link>
                </div>
              );
            }}
          </Loaded>
        )}
        {showMunicipalities && (
          <Loaded res={municipalities} what="муниципалитеты">
            {(d) => (
              <div className="card">
                <div className="card-number">{d.municipalities.length}</div>
                <div>{plural(d.municipalities.length, 'муниципалитет', 'муниципалитета', 'муниципалитетов')}</div>
                <div className="muted small">
                  без координатора: {d.municipalities.filter((m) => m.coordinatorLogin === null).length}
                </div>
              </div>
            )}
          </Loaded>
        )}
      </div>

      {showMunicipalities && (
        <section className="section">
          <h2>Муниципалитеты</h2>
          <Loaded res={municipalities} what="муниципалитеты">
            {(d) =>
              d.municipalities.length === 0 ? (
                <Empty>Муниципалитеты ещё не добавлены.</Empty>
              ) : (
                <MunicipalitiesTable municipalities={d.municipalities} />
              )
            }
          </Loaded>
        </section>
      )}

      <OrgsSection
        title="Подчинённые организации"
        orgs={orgs}
        filterId="home-org-filter"
        filterLabel="Поиск организации"
      />
    </div>
  );
}
