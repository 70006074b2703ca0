import { useState } from 'react';
import type { EntryState, JobStarted, Monitor, MonitorRow } from '@oko/shared';
import { api, toApiError } from '../api/client';
import type { MunicipalityList } from '../api/types';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/access';
import { FilterBox } from '../components/FilterBox';
import { ErrorBox, Loading, usePageTitle } from '../components/states';
import { JobProgress } from '../notifications/JobProgress';
import { useNotifications } from '../notifications/NotificationsContext';
import { useDebounced } from '../publications/useDebounced';
import { useLast } from '../publications/useLast';
import { entryStateWord } from '../publications/words';
import { Link } from '../router';
import { ExceptionDialog } from './ExceptionDialog';
import { MonitorCounts } from './MonitorCounts';
import { MonitorTable } from './MonitorTable';

const STATES: EntryState[] = ['not_started', 'in_progress', 'submitted'];

function monitorPath(collectionId: string, state: string, q: string, municipalityId: string): string {
  const params = new URLSearchParams();
  if (state) params.set('state', state);
  if (q) params.set('q', q);
  if (municipalityId) params.set('municipalityId', municipalityId);
  const query = params.toString();
  return `/api/collections/${collectionId}/monitor${query ? `?${query}` : ''}`;
}

/** Coordinators: who of their ОО has not started, is filling, has submitted; the data of each; the export. */
export function MonitorPage({ collectionId }: { collectionId: string }) {
  const me = useMe();
  const notifications = useNotifications();
  const [state, setState] = useState<EntryState | ''>('');
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const [municipalityId, setMunicipalityId] = useState('');
  const [exportJob, setExportJob] = useState<JobStarted | null>(null);
  const [exportBusy, setExportBusy] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exceptionFor, setExceptionFor] = useState<MonitorRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const path = monitorPath(collectionId, state, q, municipalityId);
  const monitor = useResource<Monitor>(path);
  const data: Monitor | undefined = useLast(monitor.data);
  const municipalities = useResource<MunicipalityList>(can(me, 'municipality.read') ? '/api/municipalities' : null);
  const munOptions = municipalities.data?.municipalities ?? [];
  const title = data?.title ?? 'Мониторинг сбора данных';
  usePageTitle(`Мониторинг: ${title}`);

  const startExport = async () => {
    setExportBusy(true);
    setExportError(null);
    try {
      setExportJob(await api.post<JobStarted>(`/api/collections/${collectionId}/export`));
      void notifications.refresh();
    } catch (e) {
      setExportError(toApiError(e).message);
    } finally {
      setExportBusy(false);
    }
  };

  return (
    <div className="page-wide">
      <p className="crumbs">
        <Link to="/">Главная</Link> › Мониторинг сбора данных
      </p>
      <div className="page-head">
        <h1>{title}</h1>
        <div className="button-row">
          <button type="button" className="btn" onClick={monitor.reload} disabled={monitor.loading}>
            {monitor.loading ? 'Обновление…' : 'Обновить'}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void startExport()} disabled={exportBusy}>
            {exportBusy ? 'Запуск…' : 'Экспорт результатов'}
          </button>
        </div>
      </div>
      <p className="lead">
        «В работе» — ОО начала заполнять форму, но ещё ни разу её не сдала. «Сдано» — ОО сдала данные хотя бы один раз.
        Закрытые ОО не учитываются.
      </p>
      {exportError && <ErrorBox error={exportError} />}
      {exportJob && (
        <JobProgress
          jobId={exportJob.jobId}
          startedText="Выгрузка всех сданных данных формируется. Файл придёт в уведомления."
          fileLabel="Загрузить отчёт"
        />
      )}
      {notice && (
        <div className="alert alert-success" role="status">
          <span>{notice}</span>
          <button type="button" className="btn btn-small" onClick={() => setNotice(null)}>
            Закрыть
          </button>
        </div>
      )}
      {monitor.error && <ErrorBox error={monitor.error} onRetry={monitor.reload} />}
      {!data && !monitor.error && <Loading text="Загрузка: сведения о сборе данных…" />}
      {data && (
        <>
          <MonitorCounts counts={data.counts} />
          <section className="section">
            <h2>Образовательные организации</h2>
            <div className="filters">
              <div className="field">
                <label htmlFor="mon-state">Статус</label>
                <select id="mon-state" value={state} onChange={(e) => setState(e.target.value as EntryState | '')}>
                  <option value="">Все</option>
                  {STATES.map((s) => (
                    <option key={s} value={s}>
                      {entryStateWord(s)}
                    </option>
                  ))}
                </select>
              </div>
              {munOptions.length > 1 && (
                <div className="field">
                  <label htmlFor="mon-mun">Муниципалитет</label>
                  <select id="mon-mun" value={municipalityId} onChange={(e) => setMunicipalityId(e.target.value)}>
                    <option value="">Все</option>
                    {munOptions.map((mun) => (
                      <option key={mun.id} value={mun.id}>
                        {mun.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <FilterBox
                id="mon-q"
                label="Поиск (логин или название)"
                value={query}
                onChange={setQuery}
                found={data.rows.length}
              />
            </div>
            <MonitorTable
              key={path}
              collectionId={collectionId}
              rows={data.rows}
              timeZone={me.organization.timeZone}
              onOpenFor={can(me, 'collection.manage') ? setExceptionFor : null}
            />
          </section>
        </>
      )}
      {exceptionFor && (
        <ExceptionDialog
          collectionId={collectionId}
          row={exceptionFor}
          onCancel={() => setExceptionFor(null)}
          onDone={(message) => {
            setExceptionFor(null);
            setNotice(message);
            monitor.reload();
          }}
        />
      )}
    </div>
  );
}
