import { useState, type ReactNode } from 'react';
import { api, toApiError } from '../api/client';
import { ConfirmDialog } from '../components/Modal';

/**
 * «Применить» under a preview, with a confirmation that says what will happen, and «Отменить», which
 * drops the preview (the server forgets it when it expires). A refusal (stale or already applied) is shown.
 */
export function ApplyBar<T>(props: {
  url: string;
  previewId: string;
  canApply: boolean;
  title: string;
  summary: ReactNode;
  onApplied: (result: T) => void;
  onCancel: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<T>(props.url, { previewId: props.previewId });
      setAsking(false);
      props.onApplied(result);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error && !asking && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!props.canApply}
          onClick={() => {
            setError(null);
            setAsking(true);
          }}
        >
          Применить
        </button>
        <button type="button" className="btn" onClick={props.onCancel}>
          Отменить
        </button>
      </div>
      {asking && (
        <ConfirmDialog
          title={props.title}
          confirmText="Применить"
          busy={busy}
          error={error}
          onConfirm={() => void apply()}
          onCancel={() => {
            setAsking(false);
            setError(null);
          }}
        >
          {props.summary}
          <p>Изменения вносятся все сразу. Отменить их потом можно только новой загрузкой файла.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
