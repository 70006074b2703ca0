import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { isEmptyRow, type FormRow, type FormTemplate, type SheetDef } from '@oko/shared';
import { CellEditor, type EditMode } from './CellEditor';
import type { SheetErrors } from './cell-errors';
import { GridHeader } from './GridHeader';
import { GridRow } from './GridRow';
import { copyBlock, planPaste } from './paste';
import {
  NAV_KEYS,
  at,
  extendTo,
  isSingleCell,
  moveSelection,
  rangeOf,
  type CellPos,
  type GridBounds,
  type KeyInput,
  type Selection,
} from './selection';
import { cellText, inputValue, type CellEdit, type GridColumn } from './sheet-model';
import { parseTsv, toTsv } from './tsv';

export const ROW_HEIGHT = 30;
const ROWNUM_WIDTH = 56;
/** rows drawn above and below the visible ones, so fast scrolling does not show blanks */
const BUFFER = 12;

export interface SheetGridProps {
  template: FormTemplate;
  sheet: SheetDef;
  columns: readonly GridColumn[];
  rows: readonly FormRow[];
  errors: SheetErrors | null;
  readOnly: boolean;
  selection: Selection;
  onSelection: (sel: Selection) => void;
  /** edited cells; `select` is the selection to show afterwards (a pasted area) */
  onEdits: (edits: CellEdit[], select?: Selection) => void;
  onNotice: (text: string | null) => void;
  onUndo?: () => void;
  onRedo?: () => void;
  /** bumped by the page to bring the active cell into view and give the grid the keyboard */
  focusToken: number;
}

interface Editing {
  r: number;
  c: number;
  text: string;
  mode: EditMode;
}

/**
 * The sheet as a real <table> with one active cell and Excel's keys. Only the rows in view (plus a buffer) are
 * in the DOM, with a fixed row height, so a 1,500-row sheet scrolls and types without delay. The keyboard lives
 * in a hidden textarea: it receives Ctrl+C / Ctrl+V as any editable field does, in every Chromium.
 */
export function SheetGrid(props: SheetGridProps) {
  const { sheet, columns, rows, selection, onSelection, onEdits, onNotice, readOnly } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const thead = useRef<HTMLTableSectionElement>(null);
  const keys = useRef<HTMLTextAreaElement>(null);
  const [editing, setEditingState] = useState<Editing | null>(null);
  // the edit under way as of the last key, before React has drawn the input
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (ed: Editing | null) => {
    editingRef.current = ed;
    setEditingState(ed);
  };
  const [view, setView] = useState({ top: 0, height: 600 });
  const [headHeight, setHeadHeight] = useState(60);
  const dragging = useRef(false);

  const bounds: GridBounds = useMemo(
    () => ({
      rows: rows.length,
      cols: columns.length,
      tabStops: columns.flatMap((c, i) => (c.readOnly ? [] : [i])),
      pageRows: Math.max(1, Math.floor((view.height - headHeight) / ROW_HEIGHT) - 1),
    }),
    [rows.length, columns, view.height, headHeight],
  );

  const offsets = useMemo(() => {
    const out: number[] = [];
    let x = ROWNUM_WIDTH;
    for (const c of columns) {
      out.push(x);
      x += c.width;
    }
    out.push(x);
    return out;
  }, [columns]);
  const tableWidth = offsets[offsets.length - 1] ?? ROWNUM_WIDTH;

  const focusKeys = useCallback(() => keys.current?.focus({ preventScroll: true }), []);

  useLayoutEffect(() => {
    if (thead.current) setHeadHeight(thead.current.offsetHeight);
  }, [columns]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) =>
        v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight },
      );
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      el.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  /** Scrolls the box so that the cell is visible below the sticky header and right of the sticky columns. */
  const reveal = useCallback(
    (pos: CellPos) => {
      const el = scroller.current;
      if (!el) return;
      const top = headHeight + pos.r * ROW_HEIGHT;
      if (top - headHeight < el.scrollTop) el.scrollTop = top - headHeight;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      const stickyRight = columns[0]?.kind === 'label' ? (offsets[1] ?? ROWNUM_WIDTH) : ROWNUM_WIDTH;
      const left = offsets[pos.c] ?? 0;
      const right = offsets[pos.c + 1] ?? left;
      if (columns[pos.c]?.kind === 'label') return;
      if (left - stickyRight < el.scrollLeft) el.scrollLeft = left - stickyRight;
      else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
    },
    [columns, offsets, headHeight],
  );

  useEffect(() => {
    if (props.focusToken > 0) {
      reveal(selection.anchor);
      focusKeys();
    }
    // only a new token asks for focus; keys reveal the cells they move to themselves
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.focusToken]);

  const select = useCallback(
    (sel: Selection) => {
      onNotice(null);
      onSelection(sel);
    },
    [onSelection, onNotice],
  );

  const editable = (c: number) => !readOnly && columns[c] !== undefined && !columns[c]!.readOnly;

  const startEdit = (mode: EditMode, initialText?: string) => {
    const { r, c } = selection.anchor;
    if (!editable(c) || r >= rows.length) return;
    const text = initialText ?? cellText(sheet, columns[c]!, rows[r], r);
    reveal({ r, c });
    const next = { r, c, text, mode };
    editingRef.current = next;
    setEditing(next);
  };

  const commit = (text: string, move: KeyInput | null) => {
    const ed = editing;
    if (!ed) return;
    setEditing(null);
    const col = columns[ed.c]!;
    const before = cellText(sheet, col, rows[ed.r], ed.r);
    let next = move ? moveSelection(at(ed.r, ed.c), move, bounds) : undefined;
    const edits: CellEdit[] = [];
    if (text !== before)
      edits.push({ r: ed.r, key: col.key, value: inputValue(col, text, props.template.dictionaries) });
    // Enter under the last row of a free sheet opens a new row, as when filling a list line by line
    const growing =
      move?.key === 'Enter' &&
      !move.shift &&
      ed.r === rows.length - 1 &&
      sheet.rows.mode === 'free' &&
      rows.length < sheet.rows.max;
    if (growing && (text.trim() !== '' || !isEmptyRow(sheet, rows[ed.r] ?? {}))) {
      edits.push({ r: ed.r + 1, key: col.key, value: null });
      next = at(ed.r + 1, ed.c);
    }
    if (next) reveal(next.anchor);
    if (edits.length > 0) onEdits(edits, next);
    else if (next) onSelection(next);
    focusKeys();
  };

  const cancel = () => {
    setEditing(null);
    focusKeys();
  };

  const clearSelection = () => {
    const rg = rangeOf(selection);
    const edits: CellEdit[] = [];
    for (let r = rg.top; r <= Math.min(rg.bottom, rows.length - 1); r++) {
      for (let c = rg.left; c <= rg.right; c++) {
        const col = columns[c];
        if (col && editable(c) && rows[r]?.[col.key] !== null && rows[r]?.[col.key] !== undefined) {
          edits.push({ r, key: col.key, value: null });
        }
      }
    }
    if (edits.length > 0) onEdits(edits);
  };

  const selectionTsv = () => {
    const rg = rangeOf(selection);
    return toTsv(copyBlock(rg, (r, c) => cellText(sheet, columns[c]!, rows[r], r), rows));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const ctrl = e.ctrlKey || e.metaKey;
    const pending = editingRef.current;
    if (pending) {
      // a fast typist's second key can arrive before the cell's input exists: it belongs to the same edit
      e.preventDefault();
      if (e.key.length === 1 && !ctrl) setEditing({ ...pending, text: pending.text + e.key });
      return;
    }
    const code = e.code;
    if (ctrl && !e.altKey) {
      // physical keys, so that the Russian layout (Ctrl+Я, Ctrl+С, Ctrl+М) works as well
      if (code === 'KeyZ' && !e.shiftKey) {
        e.preventDefault();
        props.onUndo?.();
        return;
      }
      if (code === 'KeyY' || (code === 'KeyZ' && e.shiftKey)) {
        e.preventDefault();
        props.onRedo?.();
        return;
      }
      if (code === 'KeyA') {
        e.preventDefault();
        select({ anchor: { r: 0, c: 0 }, focus: { r: Math.max(0, rows.length - 1), c: columns.length - 1 } });
        return;
      }
      if (code === 'KeyC' || code === 'KeyX') {
        // the browser copies the textarea's selected text; the copy handler puts the same block on the clipboard
        const el = e.currentTarget;
        el.value = selectionTsv();
        el.select();
        return;
      }
      if (code === 'KeyV') return; // the paste event follows
    }
    if (e.altKey && e.key === 'ArrowDown') {
      // Alt+↓ opens the list of a list column, as in Excel
      e.preventDefault();
      startEdit('edit');
      return;
    }
    if (NAV_KEYS.has(e.key)) {
      e.preventDefault();
      const next = moveSelection(selection, { key: e.key, shift: e.shiftKey, ctrl }, bounds);
      // with Shift the far corner moves and is the one to keep in view
      reveal(e.shiftKey && e.key !== 'Tab' && e.key !== 'Enter' ? next.focus : next.anchor);
      select(next);
      return;
    }
    switch (e.key) {
      case 'F2':
        e.preventDefault();
        startEdit('edit');
        return;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        if (!readOnly) clearSelection();
        return;
      case 'Escape':
        if (!isSingleCell(selection)) select(at(selection.anchor.r, selection.anchor.c));
        return;
      default:
        break;
    }
    if (e.key.length === 1 && !ctrl && !e.altKey) {
      e.preventDefault();
      if (readOnly) return;
      if (!editable(selection.anchor.c)) {
        onNotice(`Столбец «${columns[selection.anchor.c]?.title ?? ''}» заполняется автоматически.`);
        return;
      }
      startEdit('replace', e.key);
    }
  };

  // text that arrives without a key press (an on-screen keyboard, dictation, a typing robot) starts an edit too
  const onInput = (e: FormEvent<HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    const text = el.value;
    el.value = '';
    if (!text || readOnly) return;
    const pending = editingRef.current;
    if (pending) setEditing({ ...pending, text: pending.text + text });
    else if (editable(selection.anchor.c)) startEdit('replace', text);
  };

  const onCopy = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    e.preventDefault();
    e.clipboardData.setData('text/plain', selectionTsv());
    const el = e.currentTarget;
    setTimeout(() => {
      el.value = '';
    }, 0);
  };

  const onCut = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    onCopy(e);
    if (!readOnly) clearSelection();
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    e.preventDefault();
    if (readOnly) {
      onNotice('Таблица открыта только для просмотра.');
      return;
    }
    const block = parseTsv(e.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    const plan = planPaste(props.template, sheet, [...columns], rows, selection.anchor, block, rangeOf(selection));
    onEdits(plan.edits, {
      anchor: { r: plan.area.top, c: plan.area.left },
      focus: { r: plan.area.bottom, c: plan.area.right },
    });
    onNotice(plan.notices.length > 0 ? plan.notices.join(' ') : null);
  };

  const cellFromEvent = (e: MouseEvent): CellPos | null => {
    const target = e.target as HTMLElement;
    const td = target.closest<HTMLElement>('[data-c]');
    const tr = target.closest<HTMLElement>('[data-r]');
    if (!td || !tr) return null;
    return { r: Number(tr.dataset.r), c: Number(td.dataset.c) };
  };

  const onMouseDown = (e: MouseEvent) => {
    if (e.button !== 0) return;
    const pos = cellFromEvent(e);
    if (!pos) return;
    e.preventDefault();
    if (pos.c < 0) {
      // the row number selects the whole row
      select({ anchor: { r: pos.r, c: 0 }, focus: { r: pos.r, c: columns.length - 1 } });
      focusKeys();
      return;
    }
    select(e.shiftKey ? extendTo(selection, pos) : at(pos.r, pos.c));
    reveal(pos);
    dragging.current = true;
    focusKeys();
  };

  const onMouseOver = (e: MouseEvent) => {
    if (!dragging.current) return;
    const pos = cellFromEvent(e);
    if (pos && pos.c >= 0) select(extendTo(selection, pos));
  };

  useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  const onDoubleClick = (e: MouseEvent) => {
    const pos = cellFromEvent(e);
    if (pos && pos.c >= 0) startEdit('edit');
  };

  const onHeaderClick = (c: number) => {
    select({ anchor: { r: 0, c }, focus: { r: Math.max(0, rows.length - 1), c } });
    focusKeys();
  };

  // the window of rows to draw
  const bodyTop = Math.max(0, view.top - headHeight);
  const first = Math.max(0, Math.floor(bodyTop / ROW_HEIGHT) - BUFFER);
  const last = Math.min(rows.length - 1, Math.ceil((bodyTop + view.height) / ROW_HEIGHT) + BUFFER);
  const rg = rangeOf(selection);
  const wholeRows = rg.left === 0 && rg.right === columns.length - 1;
  const drawn = [];
  for (let r = first; r <= last; r++) {
    const inRange = r >= rg.top && r <= rg.bottom;
    drawn.push(
      <GridRow
        key={r}
        sheet={sheet}
        columns={columns}
        row={rows[r]}
        r={r}
        errors={props.errors?.byRow.get(r)}
        selFrom={inRange ? rg.left : -1}
        selTo={inRange ? rg.right : -1}
        active={r === selection.anchor.r ? selection.anchor.c : -1}
        rowSelected={inRange && wholeRows}
      />,
    );
  }

  const active = selection.anchor;
  const activeCol = columns[active.c];
  const editor =
    editing && columns[editing.c] ? (
      <CellEditor
        key={`${editing.r}:${editing.c}`}
        col={columns[editing.c]!}
        initial={editing.text}
        mode={editing.mode}
        dictionaries={props.template.dictionaries}
        style={{
          top: headHeight + editing.r * ROW_HEIGHT,
          left: offsets[editing.c],
          width: columns[editing.c]!.width,
          height: ROW_HEIGHT,
        }}
        onCommit={commit}
        onCancel={cancel}
      />
    ) : null;

  return (
    <div className="grid-frame">
      <textarea
        ref={keys}
        className="grid-keys"
        aria-label={`Лист «${sheet.title}», ячейка ${activeCol?.letter ?? ''}${active.r + 2}${activeCol ? ` «${activeCol.title}»` : ''}`}
        data-testid="grid-keys"
        onKeyDown={onKeyDown}
        onInput={onInput}
        onCopy={onCopy}
        onCut={onCut}
        onPaste={onPaste}
        readOnly={false}
        tabIndex={0}
        defaultValue=""
        spellCheck={false}
      />
      <div className="grid-scroll" ref={scroller} data-testid="grid-scroll">
        <table
          className="grid"
          style={{ width: tableWidth }}
          onMouseDown={onMouseDown}
          onMouseOver={onMouseOver}
          onDoubleClick={onDoubleClick}
          aria-label={`Лист «${sheet.title}»`}
          aria-rowcount={rows.length + 1}
        >
          <GridHeader
            ref={thead}
            columns={columns}
            rowNumWidth={ROWNUM_WIDTH}
            selLeft={rg.left}
            selRight={rg.right}
            onColumnClick={onHeaderClick}
          />
          <tbody>
            {first > 0 && (
              <tr className="grid-spacer" style={{ height: first * ROW_HEIGHT }}>
                <td colSpan={columns.length + 1} />
              </tr>
            )}
            {drawn}
            {last < rows.length - 1 && (
              <tr className="grid-spacer" style={{ height: (rows.length - 1 - last) * ROW_HEIGHT }}>
                <td colSpan={columns.length + 1} />
              </tr>
            )}
          </tbody>
        </table>
        {editor}
      </div>
    </div>
  );
}
