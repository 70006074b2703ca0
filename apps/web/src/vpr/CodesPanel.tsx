import { useCallback, useState } from 'react';
import type { JobStarted } from '@oko/shared';
import { api, toApiError } from '../api/client';
import { ErrorBox } from '../components/states';
import { JobBar } from './JobBar';

/** «Сформировать коды участников»: codes, slips and paper protocols from the confirmed applications. */
export function CodesPanel({ campaignId }: { campaignId: string }) {
  const [job, setJob] = useState<JobStarted | null>(null);
  const [running, setRunning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setJob(await api.post<JobStarted>(`/api/campaigns/${campaignId}/codes`));
      setRunning(true);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const onFinished = useCallback(() => setRunning(false), []);
  return (
    <section className="panel" aria-labelledby="codes-title">
      <div className="flow-head">
        <h2 id="codes-title">Коды участников и бумажные протоколы</h2>
        <button type="button" className="btn btn-primary" disabled={busy || running} onClick={() => void start()}>
          {busy ? 'Запуск…' : 'Сформировать коды участников'}
        </button>
      </div>
      <p className="muted">
        Коды выдаются каждой ОО по числу участников её подтверждённой заявки (плюс 10 % резерва) для каждого класса
        план-графика. Уже выданные коды не меняются; повторный запуск дополнит недостающие.
      </p>
      {error && <ErrorBox error={error} />}
      {job && (
        <JobBar key={job.jobId} jobId={job.jobId} startedText={job.message} unit="ОО × класс" onFinished={onFinished} />
      )}
    </section>
  );
}
