import { memo } from 'react';
import type { FormRow, SheetDef } from '@oko/shared';
import type { RowErrors } from './cell-errors';
import { cellText, rowNumber, type GridColumn } from './sheet-model';

export interface GridRowProps {
  sheet: SheetDef;
  columns: readonly GridColumn[];
  row: FormRow | undefined;
  r: number;
  errors: RowErrors | undefined;
  /** the selected columns of this row, or -1 when the row is outside the selection */
  selFrom: number;
  selTo: number;
  /** the active cell's column when it is in this row, else -1 */
  active: number;
  /** the whole row is selected (row header highlighted) */
  rowSelected: boolean;
}

/**
 * One table row. Memoized on primitive props and the row object itself: an edit replaces only the rows it
 * touches, so typing in a 1,500-row sheet redraws one row.
 */
export const GridRow = memo(function GridRow(p: GridRowProps) {
  return (
    <tr data-r={p.r}>
      <th scope="row" className={p.rowSelected ? 'grid-rownum grid-rownum-sel' : 'grid-rownum'} data-c={-1}>
        {rowNumber(p.r)}
      </th>
      {p.columns.map((col, c) => {
        const error = p.errors?.get(col.key);
        let cls = 'grid-cell';
        if (col.kind === 'label') cls += ' grid-label';
        else if (col.readOnly) cls += ' grid-readonly';
        if (col.kind === 'integer' || col.kind === 'decimal' || col.kind === 'computed') cls += ' grid-num';
        if (col.kind === 'list') cls += ' grid-list';
        if (error) cls += ' grid-invalid';
        if (c >= p.selFrom && c <= p.selTo) cls += ' grid-sel';
        if (c === p.active) cls += ' grid-active';
        const text = cellText(p.sheet, col, p.row, p.r);
        return (
          <td
            key={col.key}
            className={cls}
            data-c={c}
            title={error ?? (text.length > 20 ? text : undefined)}
            aria-invalid={error ? true : undefined}
          >
            {text}
          </td>
        );
      })}
    </tr>
  );
});
