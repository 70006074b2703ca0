import { useEffect } from 'react';
import { jobFinished, useJob } from '../notifications/useJob';

/** A started background job as a bar: «N из M ОО», then «Готово» (or the failure), calling `onFinished` once. */
export function JobBar(props: { jobId: string; startedText: string; unit: string; onFinished: () => void }) {
  const { job, error } = useJob(props.jobId);
  const finished = jobFinished(job);
  const { onFinished } = props;
  useEffect(() => {
    if (finished) onFinished();
  }, [finished, onFinished]);

  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  return (
    <div className="job" role="status" aria-live="polite" data-testid="job-bar">
      <p className="job-text">{props.startedText}</p>
      {!finished && (
        <div className="job-progress">
          <progress max={100} value={percent ?? undefined} aria-label="Ход выполнения" />
          <span className="muted small">
            {!job || job.status === 'queued'
              ? 'В очереди…'
              : job.total > 0
                ? `${job.done} из ${job.total} ${props.unit}`
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
          Готово: {job.done} из {job.total} {props.unit}.
        </p>
      )}
    </div>
  );
}
