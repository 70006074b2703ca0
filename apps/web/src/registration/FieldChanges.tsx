import type { FieldChange } from '@oko/shared';

/** «поле: было → стало» for one row of a preview. */
export function FieldChanges({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul className="field-changes">
      {changes.map((c) => (
        <li key={c.field}>
          {c.field}: {c.before && <span className="change-before">{c.before}</span>} → {c.after || '—'}
        </li>
      ))}
    </ul>
  );
}
