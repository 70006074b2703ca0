import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { filterOptions } from './list-options';
import type { KeyInput } from './selection';
import type { GridColumn } from './sheet-model';

/** 'replace': typing started it (arrows leave the cell, as in Excel); 'edit': F2 or a double click (arrows stay). */
export type EditMode = 'replace' | 'edit';

export interface CellEditorProps {
  col: GridColumn;
  initial: string;
  mode: EditMode;
  dictionaries: Record<string, string[]>;
  style: CSSProperties;
  /** the text to store and, for Enter/Tab/arrows, where the cursor goes next */
  onCommit: (text: string, move: KeyInput | null) => void;
  onCancel: () => void;
}

/** The input over the active cell; list columns get a list of their items that narrows as the user types. */
export function CellEditor(props: CellEditorProps) {
  const { col, mode, onCommit, onCancel } = props;
  const [text, setText] = useState(props.initial);
  const items = useMemo(
    () => (col.def?.list ? (props.dictionaries[col.def.list] ?? []) : null),
    [col, props.dictionaries],
  );
  // opened on a value already in the list, the whole list is offered with that value highlighted
  const [typed, setTyped] = useState(mode === 'replace');
  const options = useMemo(() => (items ? filterOptions(items, text, !typed) : []), [items, text, typed]);
  const [highlight, setHighlight] = useState(() => {
    if (!items) return -1;
    if (mode === 'edit') return items.indexOf(props.initial);
    return props.initial.trim() === '' ? -1 : 0;
  });
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const done = useRef(false);

  // during the commit, so that the keys typed right after the first one land in the input
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  useEffect(() => {
    const li = list.current?.children[highlight] as HTMLElement | undefined;
    li?.scrollIntoView({ block: 'nearest' });
  }, [highlight]);

  const finish = (value: string, move: KeyInput | null) => {
    if (done.current) return;
    done.current = true;
    onCommit(value, move);
  };
  const chosen = () => (highlight >= 0 && options[highlight] !== undefined ? options[highlight] : text);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // the grid below must not see the keys typed into the cell
    e.stopPropagation();
    const shift = e.shiftKey;
    switch (e.key) {
      case 'Enter':
        e.preventDefault();
        finish(chosen(), { key: 'Enter', shift });
        return;
      case 'Tab':
        e.preventDefault();
        finish(chosen(), { key: 'Tab', shift });
        return;
      case 'Escape':
        e.preventDefault();
        done.current = true;
        onCancel();
        return;
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        if (items && options.length > 0) {
          const step = e.key === 'ArrowDown' ? 1 : -1;
          setHighlight((h) =>
            Math.max(0, Math.min(options.length - 1, (h < 0 && step < 0 ? options.length : h) + step)),
          );
          return;
        }
        if (mode === 'replace') finish(text, { key: e.key });
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (mode === 'replace') {
          e.preventDefault();
          finish(chosen(), { key: e.key });
        }
        return;
      default:
        return;
    }
  };

  // the list floats over the page (fixed, in <body>) so that neither a short sheet's scroll box nor the sticky
  // header can cover it
  const [place, setPlace] = useState<CSSProperties>({ visibility: 'hidden' });
  useLayoutEffect(() => {
    if (!items) return undefined;
    const update = () => {
      const r = input.current?.getBoundingClientRect();
      if (!r) return;
      const width = Math.max(r.width, 220);
      const left = Math.min(r.left, window.innerWidth - width - 8);
      const below = window.innerHeight - r.bottom;
      setPlace(
        below >= 230 || below >= r.top
          ? { left, top: r.bottom, width, maxHeight: Math.min(240, below - 8) }
          : { left, bottom: window.innerHeight - r.top, width, maxHeight: Math.min(240, r.top - 8) },
      );
    };
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [items]);

  return (
    <div className="cell-editor" style={props.style}>
      <input
        ref={input}
        className="cell-editor-input"
        value={text}
        aria-label={`${col.letter}: ${col.title}`}
        placeholder={col.kind === 'date' ? 'ДД.ММ.ГГГГ' : undefined}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setTyped(true);
          if (items) setHighlight(e.target.value.trim() === '' ? -1 : 0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => finish(chosen(), null)}
      />
      {items &&
        createPortal(
          <ul ref={list} className="cell-options" style={place} role="listbox" aria-label={`Список «${col.title}»`}>
            {options.length === 0 && <li className="cell-option-none">Нет совпадений в списке</li>}
            {options.map((o, i) => (
              <li
                key={o}
                role="option"
                aria-selected={i === highlight}
                className={i === highlight ? 'cell-option cell-option-active' : 'cell-option'}
                onMouseDown={(e) => {
                  e.preventDefault();
                  finish(o, null);
                }}
                onMouseEnter={() => setHighlight(i)}
              >
                {o}
              </li>
            ))}
          </ul>,
          document.body,
        )}
    </div>
  );
}
