import { useState } from 'react';
import type { CollectionSummary } from '@oko/shared';
import type { RegionList } from '../api/types';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/access';
import { Loaded, usePageTitle } from '../components/states';
import { Link } from '../router';
import { ApplicationsFlow } from './ApplicationsFlow';
import { CoordinatorsFlow } from './CoordinatorsFlow';
import { RegistryFlow } from './RegistryFlow';
import './registration.css';

/**
 * «Регистрация» for coordinators (seed 001 §1): the registry check of ОО, the municipal coordinators list
 * (regional coordinator), the consolidated applications, and the ОО questionnaire's monitoring.
 * The federal level picks a region first.
 */
export function RegistrationPage() {
  usePageTitle('Регистрация');
  const me = useMe();
  const federal = me.role === 'federal_admin';
  const regions = useResource<RegionList>(federal ? '/api/regions' : null);
  const [regionCode, setRegionCode] = useState('');
  const query = federal ? (regionCode ? `?regionCode=${regionCode}` : null) : '';

  return (
    <div>
      <h1>Регистрация</h1>
      <p className="lead">
        Выверка списка образовательных организаций, координаторы муниципалитетов, заявки на участие в ВПР и анкета ОО.
      </p>
      {federal && (
        <div className="field narrow">
          <label htmlFor="registration-region">Регион</label>
          <Loaded res={regions} what="регионы">
            {(d) => (
              <select id="registration-region" value={regionCode} onChange={(e) => setRegionCode(e.target.value)}>
                <option value="">— выберите регион —</option>
                {d.regions.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.code} {r.name}
                  </option>
                ))}
              </select>
            )}
          </Loaded>
        </div>
      )}
      {query !== null && (
        <>
          {can(me, 'registry.manage') && <RegistryFlow key={query} query={query} />}
          {me.role === 'region_coordinator' && <CoordinatorsFlow />}
          {can(me, 'application.consolidate') && <ApplicationsFlow key={`a${query}`} query={query} />}
        </>
      )}
      <QuestionnaireLinks />
    </div>
  );
}

/** The ОО questionnaire is an ordinary monitored collection: this page only points to its monitoring. */
function QuestionnaireLinks() {
  const me = useMe();
  const collections = useResource<CollectionSummary[]>(can(me, 'collection.monitor') ? '/api/collections' : null);
  if (!can(me, 'collection.monitor')) return null;
  return (
    <section className="panel flow" aria-labelledby="questionnaire-title">
      <h2 id="questionnaire-title">Анкета ОО (контекстные данные)</h2>
      <p className="muted">
        Школы заполняют опросный лист в кабинете или файлом; здесь — ход заполнения по ОО вашей зоны.
      </p>
      <Loaded res={collections} what="сборы данных">
        {(list) => {
          const questionnaires = list.filter((c) => c.purpose === 'questionnaire');
          return questionnaires.length === 0 ? (
            <p className="muted">Сборов анкет пока нет.</p>
          ) : (
            <ul>
              {questionnaires.map((c) => (
                <li key={c.id}>
                  <Link to={`/collections/${c.id}/monitor`}>{c.title}</Link>{' '}
                  <span className={c.status === 'open' ? 'badge badge-ok' : 'badge'}>
                    {c.status === 'open' ? 'Открыт' : 'Закрыт'}
                  </span>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </section>
  );
}
