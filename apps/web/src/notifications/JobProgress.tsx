import { useEffect, useState } from 'react';
import { Link } from '../router';
import { useNotifications } from './NotificationsContext';
import { jobFinished, useJob } from './useJob';

const LOOK_AGAIN_MS = 1_500;
const LOOKS = 4;

/**
 * A started background job: what is happening, a progress bar, and once it is done the file itself
 * (the notification that carries it), so the user need not go looking in the bell.
 */
export function JobProgress({
  jobId,
  startedText,
  fileLabel,
}: {
  jobId: string;
  startedText: string;
  fileLabel: string;
}) {
  const { job, error } = useJob(jobId);
  const { list, refresh } = useNotifications();
  const note = list?.items.find((n) => n.jobId === jobId);
  const finished = jobFinished(job);
  const [looks, setLooks] = useState(0);

  // the notification is written by the job itself; the bell learns of it now rather than at its next poll
  useEffect(() => {
    if (!finished || note || looks >= LOOKS) return undefined;
    const timer = window.setTimeout(
      () => {
        void refresh().then(() => setLooks((n) => n + 1));
      },
      looks === 0 ? 0 : LOOK_AGAIN_MS,
    );
    return () => window.clearTimeout(timer);
  }, [finished, note, looks, refresh]);

  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;

  return (
    <div className="job" role="status" aria-live="polite">
      <p className="job-text">{startedText}</p>
      {!finished && (
        <div className="job-progress">
          <progress max={100} value={percent ?? undefined} aria-label="Ход выполнения" />
          <span className="muted small">
            {!job || job.status === 'queued'
              ? 'В очереди…'
              : job.total > 0
                ? `Выполнено: ${job.done} из ${job.total} (${percent ?? 0}%)`
                : 'Выполняется…'}
          </span>
        </div>
      )}
      {error && !finished && <p className="small job-error">{error.message} Повторяем попытку…</p>}
      {job?.status === 'failed' && (
        <p className="job-error">{job.error ?? 'Задание не выполнено. Попробуйте ещё раз.'}</p>
      )}
      {job?.status === 'done' && (
        <p className="job-done">
          <span>Готово.</span>{' '}
          {note?.file ? (
            <a className="btn btn-small btn-primary" href={note.file.url} download>
              {fileLabel}
            </a>
          ) : (
            <span>Файл придёт в уведомления.</span>
          )}{' '}
          <Link to="/notifications" className="small">
            Все уведомления
          </Link>
        </p>
      )}
    </div>
  );
}
