import type { FormRow, FormTemplate, SheetDef } from '@oko/shared';
import { columnRule } from './column-help';
import { cellText, rowNumber, type GridColumn } from './sheet-model';

/** Under the tabs: the active cell's address, its column, what it expects and, when wrong, why. */
export function HintBar(props: {
  template: FormTemplate;
  sheet: SheetDef;
  col: GridColumn | undefined;
  r: number;
  row: FormRow | undefined;
  error: string | undefined;
}) {
  const { col } = props;
  if (!col) return <div className="hint-bar" />;
  const text = cellText(props.sheet, col, props.row, props.r);
  return (
    <div className="hint-bar" data-testid="hint-bar">
      <span className="hint-address">
        {col.letter}
        {rowNumber(props.r)}
      </span>
      <div className="hint-body">
        <div>
          <strong>{col.title}</strong>
          <span className="hint-rule"> — {columnRule(col, props.sheet, props.template)}</span>
        </div>
        {col.hint && <div className="hint-text">{col.hint}</div>}
        {props.error && (
          <div className="hint-error" role="status">
            {props.error}
          </div>
        )}
        {!props.error && text.length > 30 && <div className="hint-value">{text}</div>}
      </div>
    </div>
  );
}
