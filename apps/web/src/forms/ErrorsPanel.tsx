import { forwardRef } from 'react';
import type { ErrorItem } from './cell-errors';

/** «Ошибки (N)»: every invalid cell of every sheet; a click takes the cursor to it. */
export const ErrorsPanel = forwardRef<
  HTMLElement,
  { items: readonly ErrorItem[]; total: number; onPick: (i: ErrorItem) => void }
>(function ErrorsPanel({ items, total, onPick }, ref) {
  if (total === 0) return null;
  return (
    <section className="errors-panel" ref={ref} aria-label="Ошибки в форме">
      <h2>Ошибки ({total})</h2>
      <ul className="issue-list">
        {items.map((i) => (
          <li key={`${i.sheet}:${i.r}:${i.c}`}>
            <button type="button" className="issue-place" onClick={() => onPick(i)}>
              «{i.sheetTitle}», {i.address} «{i.columnTitle}»
            </button>
            : {i.message}
          </li>
        ))}
      </ul>
      {total > items.length && <p className="muted small">Показаны первые {items.length}.</p>}
    </section>
  );
});
