import { useState, type FormEvent } from 'react';
import type { UploadFilesResult } from '@oko/shared';
import { toApiError, type ApiError } from '../api/client';
import { uploadWithProgress } from '../api/upload';
import { useMe } from '../auth/AuthContext';
import { moscowOffsetLabel } from '../format';
import { formatSize } from './FileRow';
import { localAndMoscow, zonedToInstant } from './zonedTime';

type Availability = 'now' | 'absolute' | 'local';

const SHOWN_RESULTS = 30;

/** Files into one storage: many at once, individual (by ОО login), only for ОО, available from a moment. */
export function UploadForm({
  storageId,
  storageTitle,
  onUploaded,
}: {
  storageId: string;
  storageTitle: string;
  onUploaded: (result: UploadFilesResult) => void;
}) {
  const me = useMe();
  const tz = me.organization.timeZone;
  const id = (name: string) => `up-${storageId}-${name}`;
  const [files, setFiles] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const [individual, setIndividual] = useState(false);
  const [onlyForOrgs, setOnlyForOrgs] = useState(false);
  const [availability, setAvailability] = useState<Availability>('now');
  const [when, setWhen] = useState('');
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [result, setResult] = useState<UploadFilesResult | null>(null);

  const absolute = availability === 'absolute' && when ? zonedToInstant(when, tz) : null;
  const busy = progress !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    if (files.length === 0) return setError('Выберите один или несколько файлов.');
    if (availability !== 'now' && !when) return setError('Укажите дату и время, с которых файлы станут доступны.');
    const body = new FormData();
    // the fields go before the files: the server reads the parts in order and needs them for every file
    body.append('individual', String(individual));
    body.append('onlyForOrgs', String(onlyForOrgs));
    if (availability === 'absolute') {
      if (!absolute) return setError('Неверная дата или время.');
      body.append('availableAt', absolute.toISOString());
    }
    if (availability === 'local') body.append('availableLocal', when);
    for (const f of files) body.append('files', f, f.name);
    const total = files.reduce((s, f) => s + f.size, 0);
    setProgress({ loaded: 0, total });
    try {
      const res = (await uploadWithProgress(`/api/storages/${storageId}/files`, body, (loaded, all) =>
        setProgress({ loaded, total: all || total }),
      )) as UploadFilesResult;
      setResult(res);
      setFiles([]);
      setInputKey((k) => k + 1);
      onUploaded(res);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setProgress(null);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  const apiError = error && typeof error !== 'string' ? error : null;

  return (
    <form className="upload" onSubmit={(e) => void submit(e)} aria-label={`Загрузка файлов: ${storageTitle}`}>
      <div className="field">
        <label htmlFor={id('files')}>Файлы</label>
        <input
          key={inputKey}
          id={id('files')}
          type="file"
          multiple
          disabled={busy}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
        {files.length > 0 && (
          <div className="field-hint">
            Выбрано файлов: {files.length}, {formatSize(files.reduce((s, f) => s + f.size, 0))}
          </div>
        )}
      </div>
      <div className="checks">
        <label className="check-label">
          <input
            type="checkbox"
            checked={individual}
            disabled={busy}
            onChange={(e) => setIndividual(e.target.checked)}
          />
          Индивидуальные файлы (имя файла начинается с логина ОО)
        </label>
        <p className="field-hint check-hint">
          Например, <span className="mono">sch390001.zip</span> или <span className="mono">sch390001_протокол.pdf</span>{' '}
          увидит только ОО sch390001.
        </p>
        <label className="check-label">
          <input
            type="checkbox"
            checked={onlyForOrgs}
            disabled={busy}
            onChange={(e) => setOnlyForOrgs(e.target.checked)}
          />
          Только для ОО
        </label>
        <p className="field-hint check-hint">Координаторы увидят такие файлы в списке, но скачать не смогут.</p>
      </div>
      <fieldset className="choice" disabled={busy}>
        <legend>Когда файлы станут доступны</legend>
        <label className="check-label">
          <input
            type="radio"
            name={id('when')}
            checked={availability === 'now'}
            onChange={() => setAvailability('now')}
          />
          Сразу после загрузки
        </label>
        <label className="check-label">
          <input
            type="radio"
            name={id('when')}
            checked={availability === 'absolute'}
            onChange={() => setAvailability('absolute')}
          />
          С указанного момента, одинакового для всех
        </label>
        <label className="check-label">
          <input
            type="radio"
            name={id('when')}
            checked={availability === 'local'}
            onChange={() => setAvailability('local')}
          />
          С указанного времени по местному времени каждой ОО
        </label>
        {availability !== 'now' && (
          <div className="field field-inline">
            <label htmlFor={id('at')}>Дата и время</label>
            <input id={id('at')} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
            <div className="field-hint">
              {availability === 'absolute'
                ? absolute
                  ? `Ваше время (${moscowOffsetLabel(tz)}): ${localAndMoscow(absolute.toISOString(), tz)}`
                  : `Время вашего часового пояса (${moscowOffsetLabel(tz)}).`
                : 'Каждая ОО получит файлы, когда на её часах наступит это время (например, 07:30 в день работы).'}
            </div>
          </div>
        )}
      </fieldset>
      {progress && (
        <div className="upload-progress" role="status">
          <progress max={100} value={percent} aria-label="Загрузка файлов" />
          <span className="small">
            Загружено {percent}% ({formatSize(progress.loaded)} из {formatSize(progress.total)})
          </span>
        </div>
      )}
      {error && (
        <div className="alert alert-error" role="alert">
          <div>
            <div>{typeof error === 'string' ? error : error.message}</div>
            {apiError && apiError.details.length > 0 && (
              <ul className="small">
                {apiError.details.map((d, i) => (
                  <li key={i}>{d.path ? `${d.path}: ${d.message}` : d.message}</li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      {result && (
        <div className="alert alert-success" role="status">
          <div>
            <div>Загружено файлов: {result.added.length}.</div>
            <ul className="small upload-result">
              {result.added.slice(0, SHOWN_RESULTS).map((a, i) => (
                <li key={i}>
                  {a.name}
                  {a.orgLogin && (
                    <>
                      {' '}
                      → <span className="mono">{a.orgLogin}</span>
                    </>
                  )}
                </li>
              ))}
              {result.added.length > SHOWN_RESULTS && <li>и ещё {result.added.length - SHOWN_RESULTS}</li>}
            </ul>
          </div>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Загрузка…' : 'Загрузить'}
        </button>
      </div>
    </form>
  );
}
