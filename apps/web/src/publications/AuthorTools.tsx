import { useState, type FormEvent } from 'react';
import { ROLE_TITLES, type Publication } from '@oko/shared';
import { api, toApiError } from '../api/client';
import { ConfirmDialog } from '../components/Modal';
import { ErrorBox } from '../components/states';

/** What the author of a publication may still do with it: another storage, or removing it. */
export function AuthorTools({ pub, onChanged }: { pub: Publication; onChanged: () => void }) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const addStorage = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError('Укажите название хранилища.');
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/publications/${pub.id}/storages`, { title: title.trim() });
      setTitle('');
      onChanged();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.delete(`/api/publications/${pub.id}`);
      setConfirming(false);
      onChanged();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const inputId = `new-storage-${pub.id}`;
  return (
    <section className="pub-block pub-author" aria-label="Управление публикацией">
      <h3>Управление публикацией</h3>
      {pub.audience && (
        <p className="small">
          <b>Адресована:</b> {pub.audience.roles.map((r) => ROLE_TITLES[r]).join(', ')};{' '}
          {pub.audience.regionCodes === null ? 'все регионы' : `регионы ${pub.audience.regionCodes.join(', ')}`}
          {pub.audience.orgIds !== null && `; только перечисленные ОО (${pub.audience.orgIds.length})`}.
        </p>
      )}
      <form className="inline-form" onSubmit={(e) => void addStorage(e)}>
        <div className="field">
          <label htmlFor={inputId}>Новое хранилище файлов</label>
          <input
            id={inputId}
            value={title}
            maxLength={200}
            placeholder="Например: Критерии оценивания"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <button type="submit" className="btn" disabled={busy}>
          Добавить хранилище
        </button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => setConfirming(true)}>
          Удалить публикацию
        </button>
      </form>
      {error && !confirming && <ErrorBox error={error} />}
      {confirming && (
        <ConfirmDialog
          title="Удалить публикацию"
          confirmText="Удалить"
          busy={busy}
          error={error}
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
            setError(null);
          }}
        >
          <p>
            Публикация «{pub.title}» и все её файлы перестанут быть видны получателям. Это действие нельзя отменить.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
