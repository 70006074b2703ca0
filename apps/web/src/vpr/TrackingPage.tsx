import { useCallback, useState } from 'react';
import type { CampaignDetail, JobStarted, Tracking, TrackingQuery } from '@oko/shared';
import { api, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { FilterBox } from '../components/FilterBox';
import { Empty, ErrorBox, Loaded, Loading, usePageTitle } from '../components/states';
import { JobProgress } from '../notifications/JobProgress';
import { useNotifications } from '../notifications/NotificationsContext';
import { useDebounced } from '../publications/useDebounced';
import { useLast } from '../publications/useLast';
import { CampaignHeader } from './CampaignHeader';
import { Pager } from './Pager';
import { SubjectSelect } from './SubjectSelect';
import { Toast } from './Toast';
import { TrackingTable } from './TrackingTable';
import { TrackingTotals } from './TrackingTotals';
import { usePaged } from './usePaged';
import './vpr.css';

type Filter = TrackingQuery['filter'];

const FILTERS: { value: Filter; title: string; password?: true }[] = [
  { value: 'all', title: 'Все ОО' },
  { value: 'archive_missing', title: 'Не скачали архив' },
  { value: 'password_missing', title: 'Не получили шифр', password: true },
  { value: 'criteria_missing', title: 'Не скачали критерии' },
];

/** «Получение материалов»: which ОО of the coordinator's zone took the archive, the шифр and the criteria. */
export function TrackingPage({ campaignId }: { campaignId: string }) {
  const res = useResource<CampaignDetail>(`/api/campaigns/${campaignId}`);
  usePageTitle(res.data ? `Получение материалов: ${res.data.title}` : 'Получение материалов');
  return (
    <div className="page-wide vpr">
      <Loaded res={res} what="кампания">
        {(c) => (
          <>
            <CampaignHeader campaign={c} current="tracking" />
            {c.subjects.length === 0 ? <Empty>В кампании пока нет предметов.</Empty> : <TrackingView campaign={c} />}
          </>
        )}
      </Loaded>
    </div>
  );
}

function TrackingView({ campaign }: { campaign: CampaignDetail }) {
  const me = useMe();
  const notifications = useNotifications();
  const [subjectId, setSubjectId] = useState(campaign.subjects[0]?.id ?? '');
  const subject = campaign.subjects.find((s) => s.id === subjectId);
  const withPassword = subject?.group === 'encrypted';
  const [filterChoice, setFilter] = useState<Filter>('all');
  const filter = !withPassword && filterChoice === 'password_missing' ? 'all' : filterChoice;
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const [page, setPageState] = usePaged(`${subjectId}|${filter}|${q}`);
  const [report, setReport] = useState<JobStarted | null>(null);
  const [reportBusy, setReportBusy] = useState(false);
  const [reportError, setReportError] = useState<string | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const closeToast = useCallback(() => setToast(null), []);

  const params = new URLSearchParams({ filter, page: String(page) });
  if (q) params.set('search', q);
  const base = `/api/campaigns/${campaign.id}/subjects/${subjectId}`;
  const tracking = useResource<Tracking>(`${base}/tracking?${params.toString()}`);
  const data = useLast(tracking.data);

  const startReport = async () => {
    setReportBusy(true);
    setReportError(null);
    try {
      const started = await api.post<JobStarted>(`${base}/tracking/report`);
      setReport(started);
      setToast(`${started.message}.`);
      void notifications.refresh();
    } catch (e) {
      setReportError(toApiError(e).message);
    } finally {
      setReportBusy(false);
    }
  };

  return (
    <>
      <div className="filters">
        <SubjectSelect id="tracking-subject" subjects={campaign.subjects} value={subjectId} onChange={setSubjectId} />
        <div className="button-row vpr-head-actions">
          <button type="button" className="btn" onClick={tracking.reload} disabled={tracking.loading}>
            {tracking.loading ? 'Обновление…' : 'Обновить'}
          </button>
          <button type="button" className="btn btn-primary" disabled={reportBusy} onClick={() => void startReport()}>
            {reportBusy ? 'Запуск…' : 'Отчет'}
          </button>
        </div>
      </div>
      {reportError && <ErrorBox error={reportError} />}
      {report && (
        <JobProgress
          key={report.jobId}
          jobId={report.jobId}
          startedText="Отчёт о получении материалов формируется. Он придёт в уведомления."
          fileLabel="Загрузить отчёт"
        />
      )}
      {data && data.subjectId === subjectId && <TrackingTotals totals={data.totals} withPassword={withPassword} />}
      <section className="section" aria-labelledby="tracking-list-title">
        <h2 id="tracking-list-title">Образовательные организации</h2>
        <div className="filters">
          <div className="field">
            <label htmlFor="tracking-filter">Показать</label>
            <select id="tracking-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
              {FILTERS.filter((f) => !f.password || withPassword).map((f) => (
                <option key={f.value} value={f.value}>
                  {f.title}
                </option>
              ))}
            </select>
          </div>
          <FilterBox
            id="tracking-q"
            label="Поиск (логин или название ОО)"
            value={query}
            onChange={setQuery}
            found={data?.total}
          />
        </div>
        {tracking.error && <ErrorBox error={tracking.error} onRetry={tracking.reload} />}
        {!data && !tracking.error && <Loading text="Загрузка: получение материалов…" />}
        {data &&
          (data.rows.length === 0 ? (
            <Empty>Под условия отбора не подходит ни одна ОО.</Empty>
          ) : (
            <>
              <TrackingTable rows={data.rows} timeZone={me.organization.timeZone} withPassword={withPassword} />
              <Pager
                page={data.page}
                total={data.total}
                pageSize={data.pageSize}
                label="Страницы списка ОО"
                onPage={setPageState}
              />
            </>
          ))}
      </section>
      <Toast text={toast} onClose={closeToast} />
    </>
  );
}
