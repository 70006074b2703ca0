import type { ReactNode } from 'react';

/** The table of what a preview will change: named by `label` for screen readers, one row per changed file row. */
export function PreviewTable(props: { label: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={props.label}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
