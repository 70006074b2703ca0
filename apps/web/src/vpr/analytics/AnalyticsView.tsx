import { useCallback, useState } from 'react';
import {
  REPORT_KINDS,
  REPORT_TITLES,
  type JobStarted,
  type ReportDetail,
  type ReportKind,
  type ReportTable,
} from '@oko/shared';
import { api, toApiError } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ErrorBox, Loading } from '../../components/states';
import { stamp } from '../../forms/time';
import { plural } from '../../format';
import { JobProgress } from '../../notifications/JobProgress';
import { useNotifications } from '../../notifications/NotificationsContext';
import { useLast } from '../../publications/useLast';
import { Toast } from '../Toast';
import { subjectApi } from '../results/access';
import { ObjectivityPanel } from './ObjectivityPanel';
import { ReportChart } from './ReportChart';
import { ReportTableView } from './ReportTableView';

export interface AnalyticsSubject {
  campaignId: string;
  subjectId: string;
  /** «Русский язык, 4 класс (РУ)» */
  title: string;
}

export const DETAIL_TITLES: Record<ReportDetail, string> = {
  regions: 'по регионам',
  municipalities: 'по муниципалитетам',
  orgs: 'по ОО',
};

/** What the axes of each report's chart measure. */
const AXES: Record<ReportKind, { x: string | null; y: string }> = {
  individual: { x: null, y: '' },
  marks: { x: null, y: 'Доля участников, %' },
  journal: { x: null, y: 'Доля участников с обеими отметками, %' },
  scores: { x: 'Первичный балл', y: 'Доля участников, %' },
  tasks: { x: 'Номер задания', y: 'Выполнение задания, %' },
  planned: { x: 'Номер задания', y: 'Выполнение задания, %' },
};

/**
 * «Аналитика»: a subject, a report and (for coordinators) how deep below their level the rows go; the chart and
 * the table of the report, the XLSX export as a background job, and for coordinators the objectivity signals.
 */
export function AnalyticsView(props: {
  subjects: readonly AnalyticsSubject[];
  /** the depths a coordinator may choose, the first is the default; empty for an ОО */
  details: readonly ReportDetail[];
  timeZone: string;
  withObjectivity: boolean;
}) {
  const notifications = useNotifications();
  const [subjectId, setSubjectId] = useState(props.subjects[0]?.subjectId ?? '');
  const [report, setReport] = useState<ReportKind>('marks');
  const [detail, setDetail] = useState<ReportDetail | null>(props.details[0] ?? null);
  const [job, setJob] = useState<JobStarted | null>(null);
  const [exportBusy, setExportBusy] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const closeToast = useCallback(() => setToast(null), []);

  const subject = props.subjects.find((s) => s.subjectId === subjectId) ?? props.subjects[0];
  const base = subject ? subjectApi(subject.campaignId, subject.subjectId) : null;
  const query = detail ? `?detail=${detail}` : '';
  const res = useResource<ReportTable>(base ? `${base}/analytics/${report}${query}` : null);
  const table = useLast(res.data);

  const startExport = async () => {
    if (!base) return;
    setExportBusy(true);
    setExportError(null);
    try {
      const started = await api.post<JobStarted>(`${base}/analytics/${report}/export${query}`);
      setJob(started);
      setToast(`${started.message}.`);
      void notifications.refresh();
    } catch (e) {
      setExportError(toApiError(e).message);
    } finally {
      setExportBusy(false);
    }
  };

  if (!subject || !base) return null;
  const axes = AXES[table?.kind ?? report];
  return (
    <div className="report-view">
      <div className="filters">
        <div className="field">
          <label htmlFor="report-subject">Предмет</label>
          <select id="report-subject" value={subject.subjectId} onChange={(e) => setSubjectId(e.target.value)}>
            {props.subjects.map((s) => (
              <option key={s.subjectId} value={s.subjectId}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field report-kind-field">
          <label htmlFor="report-kind">Отчёт</label>
          <select id="report-kind" value={report} onChange={(e) => setReport(e.target.value as ReportKind)}>
            {REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {REPORT_TITLES[k]}
              </option>
            ))}
          </select>
        </div>
        {detail && props.details.length > 0 && (
          <div className="field">
            <label htmlFor="report-detail">Детализация</label>
            <select
              id="report-detail"
              value={detail}
              disabled={props.details.length === 1}
              onChange={(e) => setDetail(e.target.value as ReportDetail)}
            >
              {props.details.map((d) => (
                <option key={d} value={d}>
                  {DETAIL_TITLES[d]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="button-row vpr-head-actions">
          <button type="button" className="btn" onClick={res.reload} disabled={res.loading}>
            {res.loading ? 'Обновление…' : 'Обновить'}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void startExport()}
            disabled={exportBusy}
            data-testid="report-export"
          >
            {exportBusy ? 'Запуск…' : 'Выгрузить в Excel'}
          </button>
        </div>
      </div>
      {exportError && <ErrorBox error={exportError} />}
      {job && (
        <JobProgress
          key={job.jobId}
          jobId={job.jobId}
          startedText="Отчёт выгружается в Excel. Файл придёт в уведомления."
          fileLabel="Загрузить отчёт"
        />
      )}

      {res.error && <ErrorBox error={res.error} onRetry={res.reload} />}
      {!table && !res.error && <Loading text="Загрузка: отчёт…" />}
      {table && (
        <section
          className={res.loading ? 'report report-stale' : 'report'}
          aria-labelledby="report-title"
          aria-busy={res.loading}
        >
          <h2 id="report-title">{table.title}</h2>
          <dl className="collection-facts report-facts">
            <div>
              <dt>Работа</dt>
              <dd>{table.heading}</dd>
            </div>
            <div>
              <dt>Максимальный первичный балл</dt>
              <dd>{table.maxScore}</dd>
            </div>
            <div>
              <dt>Дата</dt>
              <dd>{table.date}</dd>
            </div>
            <div>
              <dt>Данные</dt>
              <dd data-testid="report-computed">Рассчитано: {stamp(table.computedAt, props.timeZone)}</dd>
            </div>
          </dl>
          {table.chart && <ReportChart chart={table.chart} title={table.title} xTitle={axes.x} yTitle={axes.y} />}
          {table.rows.length === 0 ? (
            <p className="empty">Результатов для отчёта пока нет: ни одна ОО не сдала результаты по этому предмету.</p>
          ) : (
            <ReportTableView table={table} />
          )}
          {table.truncated > 0 && (
            <p className="note report-truncated" data-testid="report-truncated">
              Показаны первые {table.rows.length} {plural(table.rows.length, 'строка', 'строки', 'строк')}, ещё{' '}
              {table.truncated} — в выгрузке Excel.
            </p>
          )}
        </section>
      )}

      {props.withObjectivity && <ObjectivityPanel key={base} base={base} timeZone={props.timeZone} />}
      <Toast text={toast} onClose={closeToast} />
    </div>
  );
}
