import { useState } from 'react';
import type { MonitorRow } from '@oko/shared';
import { api, toApiError } from '../api/client';
import { useMe } from '../auth/AuthContext';
import { ConfirmDialog } from '../components/Modal';
import { moscowOffsetLabel } from '../format';
import { instantToZoned, localAndMoscow, zonedToInstant } from '../publications/zonedTime';

const DAY_MS = 24 * 3600 * 1000;

/** «Открыть для ОО»: one ОО may keep filling a closed (or closing) collection until the given moment. */
export function ExceptionDialog({
  collectionId,
  row,
  onDone,
  onCancel,
}: {
  collectionId: string;
  row: MonitorRow;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const me = useMe();
  const tz = me.organization.timeZone;
  const [until, setUntil] = useState(() => instantToZoned(new Date(Date.now() + 3 * DAY_MS), tz));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const at = zonedToInstant(until, tz);

  const confirm = async () => {
    if (!at) return setError('Укажите дату и время.');
    if (at.getTime() <= Date.now()) return setError('Дата должна быть в будущем.');
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/collections/${collectionId}/exceptions`, { orgId: row.orgId, openUntil: at.toISOString() });
      onDone(`Сбор данных открыт для ${row.login} до ${localAndMoscow(at.toISOString(), tz)}.`);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      title={`Открыть для ОО ${row.login}`}
      confirmText="Открыть"
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <p>{row.name} сможет заполнять и сдавать форму до указанного момента, даже если сбор данных уже закрыт.</p>
      <div className="field">
        <label htmlFor="exc-until">Открыть до</label>
        <input id="exc-until" type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
        <div className="field-hint">
          Время вашего часового пояса ({moscowOffsetLabel(tz)}){at ? `: ${localAndMoscow(at.toISOString(), tz)}` : ''}
        </div>
      </div>
    </ConfirmDialog>
  );
}
