import { useMemo, useState } from 'react';
import type { FormData, FormTemplate } from '@oko/shared';
import { HintBar } from './HintBar';
import { at, clampSelection, type Selection } from './selection';
import { SheetGrid } from './SheetGrid';
import { SheetTabs } from './SheetTabs';
import { editorData, gridColumns } from './sheet-model';
import './editor.css';

const noop = () => undefined;

/**
 * A form's data read-only, in the same grid as the editor (a coordinator viewing what an ОО entered): tabs,
 * hints, keyboard and Ctrl+C work, nothing can be changed.
 */
export function FormView({ template, data }: { template: FormTemplate; data: FormData | null }) {
  const shown = useMemo(() => editorData(template, data), [template, data]);
  const columnsBySheet = useMemo(() => template.sheets.map(gridColumns), [template]);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [selections, setSelections] = useState<Selection[]>(() => template.sheets.map(() => at(0, 0)));
  const [focusToken, setFocusToken] = useState(0);
  const sheet = template.sheets[sheetIndex]!;
  const columns = columnsBySheet[sheetIndex]!;
  const rows = shown[sheet.key] ?? [];
  const selection = clampSelection(selections[sheetIndex] ?? at(0, 0), { rows: rows.length, cols: columns.length });
  const activeCol = columns[selection.anchor.c];
  return (
    <div className="form-editor form-view">
      <SheetTabs
        template={template}
        current={sheetIndex}
        onSelect={(i) => {
          setSheetIndex(i);
          setFocusToken((t) => t + 1);
        }}
      />
      {sheet.hint && <p className="sheet-hint">{sheet.hint}</p>}
      <HintBar
        template={template}
        sheet={sheet}
        col={activeCol}
        r={selection.anchor.r}
        row={rows[selection.anchor.r]}
        error={undefined}
      />
      <SheetGrid
        key={sheet.key}
        template={template}
        sheet={sheet}
        columns={columns}
        rows={rows}
        errors={null}
        readOnly
        selection={selection}
        onSelection={(sel) => setSelections((all) => all.map((s, i) => (i === sheetIndex ? sel : s)))}
        onEdits={noop}
        onNotice={noop}
        focusToken={focusToken}
      />
    </div>
  );
}
