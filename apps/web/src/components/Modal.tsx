import { useEffect, useRef, type ReactNode } from 'react';

/** A dialog over the page; Escape or «Отмена» closes it. */
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>('input, select, button');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="overlay">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="modal-title" ref={box}>
        <h2 id="modal-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}

export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmText: string;
  busy: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal title={props.title} onClose={props.onCancel}>
      <div className="modal-body">{props.children}</div>
      {props.error && (
        <div className="alert alert-error" role="alert">
          {props.error}
        </div>
      )}
      <div className="modal-actions">
        <button type="button" className="btn" onClick={props.onCancel} disabled={props.busy}>
          Отмена
        </button>
        <button type="button" className="btn btn-primary" onClick={props.onConfirm} disabled={props.busy}>
          {props.busy ? 'Выполняется…' : props.confirmText}
        </button>
      </div>
    </Modal>
  );
}
