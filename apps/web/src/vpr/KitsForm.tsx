import { useState, type FormEvent } from 'react';
import type { ProgressEntry } from '@oko/shared';
import { api, toApiError } from '../api/client';
import { plural } from '../format';
import { wallClockText } from './time';

/** «Сколько комплектов распечатано»: the number the ОО confirms after printing the variants. */
export function KitsForm({ entry, onSaved }: { entry: ProgressEntry; onSaved: () => void }) {
  const { kits } = entry;
  const [value, setValue] = useState(kits.count === null ? '' : String(kits.count));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `kits-${entry.subjectId}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const count = Number(value);
    if (!Number.isInteger(count) || count < 1 || count > 5000) {
      setError('Укажите целое число комплектов от 1 до 5000.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/vpr/materials/${entry.subjectId}/kits`, { count });
      onSaved();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="vpr-kits" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={id}>Сколько комплектов распечатано</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={5000}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="btn" disabled={busy}>
        {busy ? 'Сохраняем…' : kits.count === null ? 'Подтвердить' : 'Изменить'}
      </button>
      {kits.count !== null && kits.confirmedAt && (
        <span className="file-downloaded" data-testid="kits-confirmed">
          Подтверждено: {kits.count} {plural(kits.count, 'комплект', 'комплекта', 'комплектов')},{' '}
          {wallClockText(new Date(kits.confirmedAt), entry.zone)}
        </span>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
