import { useState, type FormEvent } from 'react';
import type { ResultsMonitoringRow } from '@oko/shared';
import { api, toApiError } from '../../api/client';
import { moscowOffsetLabel } from '../../format';
import { instantToZoned, localAndMoscow, zonedToInstant } from '../../publications/zonedTime';

const DAY_MS = 24 * 3600 * 1000;

/**
 * «Разрешить загрузку после срока» for one ОО: until the moment given (in the coordinator's own zone) the ОО may
 * upload or submit its results although the deadline has passed; a later grant replaces an earlier one.
 */
export function ExceptionForm(props: {
  url: string;
  row: ResultsMonitoringRow;
  /** the subject's deadline: the default is two days after it (or after now, if that is later) */
  deadline: string;
  timeZone: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { row, timeZone: tz } = props;
  const [until, setUntil] = useState(() => {
    const from = Math.max(Date.now(), Date.parse(props.deadline), row.openUntil ? Date.parse(row.openUntil) : 0);
    return instantToZoned(new Date(from + 2 * DAY_MS), tz);
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const at = zonedToInstant(until, tz);
  const inputId = `exception-${row.orgId}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!at) return setError('Укажите дату и время.');
    setBusy(true);
    setError(null);
    try {
      await api.post(props.url, { orgId: row.orgId, openUntil: at.toISOString() });
      props.onDone(`${row.name} (${row.login}) может загрузить результаты до ${localAndMoscow(at.toISOString(), tz)}.`);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form results-exception-form" onSubmit={(e) => void submit(e)} data-testid="exception-form">
      <div className="field">
        <label htmlFor={inputId}>Разрешить загрузку до</label>
        <input
          id={inputId}
          type="datetime-local"
          value={until}
          required
          onChange={(e) => setUntil(e.target.value)}
          data-testid="exception-until"
        />
        <div className="field-hint">
          Время вашего часового пояса ({moscowOffsetLabel(tz)}){at ? `: ${localAndMoscow(at.toISOString(), tz)}` : ''}
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="exception-submit">
          {busy ? 'Сохранение…' : 'Разрешить'}
        </button>
        <button type="button" className="btn" onClick={props.onCancel} disabled={busy}>
          Отмена
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
