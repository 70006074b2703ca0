import { useCallback, useState } from 'react';
import type { BankImportResult, JobStarted, MaterialsStatus, Subject } from '@oko/shared';
import { api, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { ErrorBox, Loaded } from '../components/states';
import { JobBar } from './JobBar';
import { subjectTitle } from './words';
import { XlsxUpload } from '../registration/XlsxUpload';

/**
 * One subject on the federal screen: its task bank (XLSX both ways), where its materials stand, and
 * «Сформировать материалы» with the job's progress in ОО.
 */
export function SubjectMaterials({ campaignId, subject }: { campaignId: string; subject: Subject }) {
  const base = `/api/campaigns/${campaignId}/subjects/${subject.id}`;
  const status = useResource<MaterialsStatus>(`${base}/materials`);
  const { reload } = status;
  const [job, setJob] = useState<JobStarted | null>(null);
  const [busy, setBusy] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [bankNote, setBankNote] = useState<string | null>(null);
  const title = subjectTitle(subject);

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      setJob(await api.post<JobStarted>(`${base}/materials`));
      setRunning(true);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const onFinished = useCallback(() => {
    setRunning(false);
    reload();
  }, [reload]);

  return (
    <section
      className="vpr-subject"
      aria-label={`Материалы: ${title}`}
      data-testid={`materials-${subject.code}${subject.grade}`}
    >
      <header className="vpr-subject-head">
        <h3>{title}</h3>
        <span className="mono muted">{subject.code}</span>
      </header>
      <Loaded res={status} what="состояние материалов">
        {(s) => (
          <>
            <ul className="flow-facts vpr-facts">
              <li>
                ОО в план-графике: <b>{s.scheduled}</b>
              </li>
              <li>
                материалы сформированы: <b data-testid="generated">{s.generated}</b> из {s.scheduled}
              </li>
              <li>
                заданий в банке: <b>{s.bankItems}</b>
              </li>
            </ul>
            {s.scheduled > 0 && (
              <div className="vpr-bar" aria-hidden="true">
                <div className="vpr-bar-fill" style={{ width: `${Math.round((s.generated / s.scheduled) * 100)}%` }} />
              </div>
            )}
            {s.positionsWithoutItems.length > 0 && (
              <div className="alert alert-warning" role="alert">
                В банке нет ни одного задания для позиций: {s.positionsWithoutItems.join(', ')}. Материалы сформировать
                нельзя — загрузите банк заданий.
              </div>
            )}
            {s.generated > 0 && (
              <p className="muted small">
                Материалы уже сформированы хотя бы для одной ОО: банк заданий заменить нельзя.
              </p>
            )}
          </>
        )}
      </Loaded>
      <div className="button-row vpr-actions">
        <a className="btn" href={`${base}/bank.xlsx`} download data-testid="bank-download">
          Скачать банк заданий (XLSX)
        </a>
        <XlsxUpload<BankImportResult>
          secondary
          className="vpr-upload"
          url={`${base}/bank`}
          label="Загрузить банк заданий"
          testId="bank-upload"
          disabled={!status.data || status.data.generated > 0}
          onStart={() => setBankNote(null)}
          onResult={(r) => {
            setBankNote(`Банк заданий загружен: позиций — ${r.tasks}, заданий — ${r.items}.`);
            reload();
          }}
        />
        <button type="button" className="btn btn-primary" disabled={busy || running} onClick={() => void generate()}>
          {busy ? 'Запуск…' : 'Сформировать материалы'}
        </button>
      </div>
      {bankNote && (
        <div className="alert alert-success" role="status">
          {bankNote}
        </div>
      )}
      {error && <ErrorBox error={error} />}
      {job && <JobBar key={job.jobId} jobId={job.jobId} startedText={job.message} unit="ОО" onFinished={onFinished} />}
    </section>
  );
}
