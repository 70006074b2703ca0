import { useState } from 'react';
import type { ArchivePassword, ProgressEntry } from '@oko/shared';
import { api, toApiError } from '../api/client';
import { Countdown } from './Countdown';
import { wallClockText } from './time';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // the clipboard API needs https; an old-style copy still works on a plain http address
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/**
 * «Шифр к архиву»: a countdown to 07:30 local on the test day, then «Показать шифр». The password is
 * asked for only on that click and only once the server says it is open.
 */
export function PasswordRow(props: { entry: ProgressEntry; serverNow: number; onOpened: () => void }) {
  const { entry } = props;
  const [shown, setShown] = useState<ArchivePassword | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const opensAt = entry.gates.passwordFrom;

  const show = async () => {
    setBusy(true);
    setError(null);
    try {
      setShown(await api.get<ArchivePassword>(`/api/vpr/materials/${entry.subjectId}/password`));
      props.onOpened();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (shown) setCopied(await copyText(shown.password));
  };

  let state;
  if (shown) {
    state = (
      <div className="vpr-password">
        <code className="vpr-password-value" data-testid="archive-password" aria-label="Шифр к архиву">
          {shown.password}
        </code>
        <button type="button" className="btn" onClick={() => void copy()}>
          Скопировать
        </button>
        {copied === true && <span className="file-downloaded">Скопировано</span>}
        {copied === false && <span className="muted small">Выделите шифр и скопируйте его вручную.</span>}
      </div>
    );
  } else if (entry.password.available) {
    state = (
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => void show()}
        data-testid="password-show"
      >
        {busy ? 'Получаем шифр…' : 'Показать шифр'}
      </button>
    );
  } else if (!entry.archive.generated) {
    state = <span className="muted">Шифр появится вместе с архивом.</span>;
  } else if (opensAt) {
    state = <Countdown at={opensAt} serverNow={props.serverNow} zone={entry.zone} />;
  } else {
    state = <span className="muted">Пока недоступен.</span>;
  }
  const openedAt = shown?.openedAt ?? entry.password.openedAt;
  return (
    <li className="vpr-row" data-testid="password-row">
      <span className="vpr-row-title">Шифр к архиву</span>
      <div className="vpr-row-state">
        {state}
        {openedAt && <span className="file-downloaded">Получен: {wallClockText(new Date(openedAt), entry.zone)}</span>}
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
    </li>
  );
}
