import { forwardRef, memo } from 'react';
import type { GridColumn } from './sheet-model';

/**
 * The column widths and the two sticky header rows: letters as in the XLSX (a click selects the column) and the
 * titles with the required mark and the hint on hover.
 */
export const GridHeader = memo(
  forwardRef<
    HTMLTableSectionElement,
    {
      columns: readonly GridColumn[];
      rowNumWidth: number;
      selLeft: number;
      selRight: number;
      onColumnClick: (c: number) => void;
    }
  >(function GridHeader({ columns, rowNumWidth, selLeft, selRight, onColumnClick }, ref) {
    return (
      <>
        <colgroup>
          <col style={{ width: rowNumWidth }} />
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead ref={ref}>
          <tr className="grid-letters">
            <th className="grid-corner" />
            {columns.map((c, i) => (
              <th
                key={c.key}
                className={`grid-letter${c.kind === 'label' ? ' grid-label' : ''}${i >= selLeft && i <= selRight ? ' grid-letter-sel' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  onColumnClick(i);
                }}
              >
                {c.letter}
              </th>
            ))}
          </tr>
          <tr className="grid-titles">
            <th className="grid-rownum grid-rownum-head">1</th>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`grid-title${c.readOnly ? ' grid-title-readonly' : ''}${c.kind === 'label' ? ' grid-label' : ''}`}
                title={c.hint}
              >
                <span>{c.title}</span>
                {c.def?.required && (
                  <span className="grid-required" aria-label="обязательно">
                    *
                  </span>
                )}
                {c.hint && (
                  <span className="hint-icon" aria-label={`Подсказка: ${c.hint}`}>
                    ?
                  </span>
                )}
              </th>
            ))}
          </tr>
        </thead>
      </>
    );
  }),
);
