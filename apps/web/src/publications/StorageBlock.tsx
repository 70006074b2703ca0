import { useState } from 'react';
import type { JobStarted, Storage } from '@oko/shared';
import { api, toApiError } from '../api/client';
import { useMe } from '../auth/AuthContext';
import { can, isOrgRole } from '../auth/access';
import { ErrorBox } from '../components/states';
import { JobProgress } from '../notifications/JobProgress';
import { useNotifications } from '../notifications/NotificationsContext';
import { FileList } from './FileRow';
import { StorageFullList } from './StorageFullList';
import { UploadForm } from './UploadForm';

type View = { open: false } | { open: true; all: boolean };

/** «Хранилище файлов»: the first files at once; «Раскрыть» / «Показать все» for the rest; «Отчет» for coordinators. */
export function StorageBlock({
  storage,
  canUpload,
  onChanged,
}: {
  storage: Storage;
  canUpload: boolean;
  onChanged: () => void;
}) {
  const me = useMe();
  const notifications = useNotifications();
  const forOrg = isOrgRole(me.role);
  const tz = me.organization.timeZone;
  const [view, setView] = useState<View>({ open: false });
  const [downloaded, setDownloaded] = useState<Record<string, string>>({});
  const [report, setReport] = useState<JobStarted | null>(null);
  const [reportBusy, setReportBusy] = useState(false);
  const [reportError, setReportError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [version, setVersion] = useState(0);

  const { items, total } = storage.files;
  const many = total > items.length;
  const onDownload = (fileId: string) => setDownloaded((d) => ({ ...d, [fileId]: new Date().toISOString() }));

  const startReport = async () => {
    setReportBusy(true);
    setReportError(null);
    try {
      setReport(await api.post<JobStarted>(`/api/storages/${storage.id}/report`));
      void notifications.refresh();
    } catch (e) {
      setReportError(toApiError(e).message);
    } finally {
      setReportBusy(false);
    }
  };

  const headingId = `storage-${storage.id}`;
  return (
    <section className="storage" aria-labelledby={headingId}>
      <div className="storage-head">
        <h4 id={headingId}>{storage.title}</h4>
        <span className="muted small">Файлов: {total}</span>
        <div className="storage-actions">
          {total > 0 && (
            <a className="btn btn-small" href={`/api/storages/${storage.id}/zip`} download>
              Скачать всё
            </a>
          )}
          {storage.canReport && can(me, 'storage.report') && (
            <button type="button" className="btn btn-small" disabled={reportBusy} onClick={() => void startReport()}>
              {reportBusy ? 'Запуск…' : 'Отчет'}
            </button>
          )}
          {view.open ? (
            <button type="button" className="btn btn-small" onClick={() => setView({ open: false })}>
              Свернуть
            </button>
          ) : (
            (many || total > 5) && (
              <>
                <button type="button" className="btn btn-small" onClick={() => setView({ open: true, all: false })}>
                  Раскрыть
                </button>
                <button type="button" className="btn btn-small" onClick={() => setView({ open: true, all: true })}>
                  Показать все
                </button>
              </>
            )
          )}
          {canUpload && (
            <button type="button" className="btn btn-small" onClick={() => setUploading(!uploading)}>
              {uploading ? 'Скрыть загрузку' : 'Добавить файлы'}
            </button>
          )}
        </div>
      </div>
      {reportError && <ErrorBox error={reportError} />}
      {report && (
        <JobProgress
          jobId={report.jobId}
          startedText="Отчёт формируется. Он придёт в уведомления."
          fileLabel="Загрузить отчёт"
        />
      )}
      {uploading && (
        <UploadForm
          storageId={storage.id}
          storageTitle={storage.title}
          onUploaded={() => {
            setVersion((v) => v + 1);
            onChanged();
          }}
        />
      )}
      {view.open ? (
        <StorageFullList
          storageId={storage.id}
          showAll={view.all}
          onShowAll={(all) => setView({ open: true, all })}
          version={version}
          downloaded={downloaded}
          onDownload={onDownload}
          forOrg={forOrg}
          timeZone={tz}
        />
      ) : total === 0 ? (
        <p className="empty">В хранилище пока нет файлов.</p>
      ) : (
        <>
          <FileList
            files={items}
            downloaded={downloaded}
            onDownload={onDownload}
            forOrg={forOrg}
            timeZone={tz}
            label={`Файлы: ${storage.title}`}
          />
          {many && (
            <p className="muted small">
              Показаны {items.length} из {total}. Остальные — по кнопке «Раскрыть» или «Показать все».
            </p>
          )}
        </>
      )}
    </section>
  );
}
