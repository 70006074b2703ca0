import { useEffect } from 'react';

const SHOWN_MS = 8_000;

/** A short message in the corner that goes away by itself (or by «×»). */
export function Toast({ text, onClose }: { text: string | null; onClose: () => void }) {
  useEffect(() => {
    if (!text) return undefined;
    const timer = window.setTimeout(onClose, SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [text, onClose]);
  if (!text) return null;
  return (
    <div className="vpr-toast" role="status">
      <span>{text}</span>
      <button type="button" className="vpr-toast-close" aria-label="Закрыть сообщение" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
