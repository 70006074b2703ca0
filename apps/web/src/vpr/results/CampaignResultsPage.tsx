import { useCallback, useState } from 'react';
import {
  MONITORING_STATE_TITLES,
  type CampaignDetail,
  type MonitoringState,
  type ResultsMonitoring,
} from '@oko/shared';
import { useResource } from '../../api/useResource';
import { useMe } from '../../auth/AuthContext';
import { FilterBox } from '../../components/FilterBox';
import { Empty, ErrorBox, Loaded, Loading, usePageTitle } from '../../components/states';
import { useDebounced } from '../../publications/useDebounced';
import { useLast } from '../../publications/useLast';
import { CampaignHeader } from '../CampaignHeader';
import { Pager } from '../Pager';
import { SubjectSelect } from '../SubjectSelect';
import { Toast } from '../Toast';
import { momentText } from '../time';
import { usePaged } from '../usePaged';
import { grantsResultsExceptions, subjectApi } from './access';
import { ExceptionForm } from './ExceptionForm';
import { MonitoringCounts } from './MonitoringCounts';
import { MonitoringTable } from './MonitoringTable';
import '../vpr.css';

const STATES = Object.keys(MONITORING_STATE_TITLES) as MonitoringState[];

/** «Результаты» of a campaign: which ОО of the coordinator's zone have uploaded their results, per subject. */
export function CampaignResultsPage({ campaignId }: { campaignId: string }) {
  const res = useResource<CampaignDetail>(`/api/campaigns/${campaignId}`);
  usePageTitle(res.data ? `Результаты: ${res.data.title}` : 'Результаты ВПР');
  return (
    <div className="page-wide vpr">
      <Loaded res={res} what="кампания">
        {(c) => (
          <>
            <CampaignHeader campaign={c} current="results" />
            {c.subjects.length === 0 ? <Empty>В кампании пока нет предметов.</Empty> : <MonitoringView campaign={c} />}
          </>
        )}
      </Loaded>
    </div>
  );
}

function MonitoringView({ campaign }: { campaign: CampaignDetail }) {
  const me = useMe();
  const timeZone = me.organization.timeZone;
  const canGrant = grantsResultsExceptions(me);
  const [subjectId, setSubjectId] = useState(campaign.subjects[0]?.id ?? '');
  const [state, setState] = useState<MonitoringState | ''>('');
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const [page, setPage] = usePaged(`${subjectId}|${state}|${q}`);
  const [granting, setGranting] = useState<string | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const closeToast = useCallback(() => setToast(null), []);

  const base = `${subjectApi(campaign.id, subjectId)}/results`;
  const params = new URLSearchParams({ page: String(page) });
  if (state) params.set('state', state);
  if (q) params.set('search', q);
  const monitoring = useResource<ResultsMonitoring>(`${base}/monitoring?${params.toString()}`);
  const data = useLast(monitoring.data);
  const current = data && data.subjectId === subjectId ? data : undefined;

  return (
    <>
      <div className="filters">
        <SubjectSelect id="results-subject" subjects={campaign.subjects} value={subjectId} onChange={setSubjectId} />
        <div className="button-row vpr-head-actions">
          <button type="button" className="btn" onClick={monitoring.reload} disabled={monitoring.loading}>
            {monitoring.loading ? 'Обновление…' : 'Обновить'}
          </button>
          <a className="btn btn-primary" href={`${base}/monitoring.xlsx`} download data-testid="monitoring-export">
            Выгрузить в Excel
          </a>
        </div>
      </div>
      {current && (
        <p className="muted" data-testid="monitoring-deadline">
          Срок загрузки результатов: до {momentText(new Date(current.deadline), timeZone)}.
        </p>
      )}
      {current && <MonitoringCounts counts={current.counts} />}
      <section className="section" aria-labelledby="results-list-title">
        <h2 id="results-list-title">Образовательные организации</h2>
        <div className="filters">
          <div className="field">
            <label htmlFor="results-state">Показать</label>
            <select id="results-state" value={state} onChange={(e) => setState(e.target.value as MonitoringState | '')}>
              <option value="">Все ОО</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {MONITORING_STATE_TITLES[s]}
                </option>
              ))}
            </select>
          </div>
          <FilterBox
            id="results-q"
            label="Поиск (логин или название ОО)"
            value={query}
            onChange={setQuery}
            found={data?.total}
          />
        </div>
        {monitoring.error && <ErrorBox error={monitoring.error} onRetry={monitoring.reload} />}
        {!data && !monitoring.error && <Loading text="Загрузка: результаты по ОО…" />}
        {data &&
          (data.rows.length === 0 ? (
            <Empty>Под условия отбора не подходит ни одна ОО.</Empty>
          ) : (
            <>
              <MonitoringTable
                rows={data.rows}
                timeZone={timeZone}
                canGrant={canGrant && data.deadlinePassed}
                granting={granting}
                onGrant={(r) => setGranting(r.orgId)}
                renderGrant={(r) => (
                  <ExceptionForm
                    url={`${base}/exceptions`}
                    row={r}
                    deadline={data.deadline}
                    timeZone={timeZone}
                    onCancel={() => setGranting(null)}
                    onDone={(message) => {
                      setGranting(null);
                      setToast(message);
                      monitoring.reload();
                    }}
                  />
                )}
              />
              <Pager
                page={data.page}
                total={data.total}
                pageSize={data.pageSize}
                label="Страницы списка ОО"
                onPage={setPage}
              />
            </>
          ))}
      </section>
      <Toast text={toast} onClose={closeToast} />
    </>
  );
}
