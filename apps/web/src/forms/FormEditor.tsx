import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  validateForm,
  type FormData,
  type FormIssue,
  type FormTemplate,
  type OrgAttributes,
  type SaveResult,
  type SubmitResult,
} from '@oko/shared';
import { api, toApiError } from '../api/client';
import { ConfirmDialog } from '../components/Modal';
import { Autosaver, type SaveStatus } from './autosave';
import { ErrorCache, errorItems, locateIssue, type CellCheck, type ErrorItem } from './cell-errors';
import { applyChanges, diffData, pendingChanges, type CellChange } from './changes';
import { RestoreOffer, StopBanner, SubmitBanner, type SubmitState, type SubmittedWords } from './EditorBanners';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { ErrorsPanel } from './ErrorsPanel';
import { HintBar } from './HintBar';
import { SaveStatusText } from './SaveStatusText';
import { at, clampSelection, rangeOf, type Selection } from './selection';
import { SheetGrid } from './SheetGrid';
import { SheetTabs } from './SheetTabs';
import { applyEdits, blankRow, editorData, gridColumns, maxRows, type CellEdit } from './sheet-model';
import './editor.css';

/** What the page around the editor may ask of it (the XLSX upload saves first, then replaces the data). */
export interface EditorHandle {
  flush: () => Promise<boolean>;
  /** no more saving: the data on the server is about to be replaced */
  stop: () => void;
}

/** Where an entry that is not a collection's (ВПР results) is saved and submitted. */
export interface EditorEndpoints {
  save: (data: FormData, version: number) => Promise<SaveResult>;
  submit: (version: number) => Promise<SubmitResult>;
}

export interface FormEditorProps {
  /** names the entry (its copy in this browser) and, without `endpoints`, its URLs */
  collectionId: string;
  endpoints?: EditorEndpoints;
  /** checked on every filled cell besides the template's rules; keep it stable (useCallback) */
  cellCheck?: CellCheck;
  /** the button's words instead of «Сдать отчет» / «Сдаём отчет…» */
  submitLabel?: { idle: string; busy: string };
  /** the words after a successful submit instead of the data collection's */
  submittedWords?: SubmittedWords;
  template: FormTemplate;
  /** the stored data; null before the first save */
  data: FormData | null;
  version: number;
  /** the ОО's attributes shown by read-only columns (also in rows added here) */
  attributes: OrgAttributes | null;
  timeZone: string;
  /** why the table cannot be edited (closed, a coordinator viewing), or null */
  readOnlyReason: string | null;
  onSubmitted: (result: SubmitResult) => void;
  onClose: () => void;
  handle?: RefObject<EditorHandle | null>;
}

interface Snapshot {
  data: FormData;
  sheet: number;
}

const UNDO_DEPTH = 100;
const SHOWN_ERRORS = 300;
const stoppedKinds: ReadonlySet<SaveStatus['kind']> = new Set(['conflict', 'closed']);
const draftKinds: ReadonlySet<SaveStatus['kind']> = new Set(['offline', 'conflict', 'closed', 'failed']);

function firstEditable(template: FormTemplate, sheet: number): Selection {
  const s = template.sheets[sheet];
  const c = s ? gridColumns(s).findIndex((col) => !col.readOnly) : 0;
  return at(0, Math.max(0, c));
}

/** The online face of a form: sheets as tabs, the grid, autosave, «Сдать отчет» and «Закрыть». */
export function FormEditor(props: FormEditorProps) {
  const { collectionId, template } = props;
  const initial = useMemo(
    () => editorData(template, props.data, props.attributes),
    [template, props.data, props.attributes],
  );
  const [data, setData] = useState(initial);
  const dataRef = useRef(initial);
  const [sheetIndex, setSheetIndex] = useState(0);
  const sheetRef = useRef(0);
  const [selections, setSelections] = useState<Selection[]>(() =>
    template.sheets.map((_, i) => firstEditable(template, i)),
  );
  const [focusToken, setFocusToken] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [showAll, setShowAll] = useState(false);
  const [submit, setSubmit] = useState<SubmitState>({ kind: 'idle' });
  const [offer, setOffer] = useState<{ at: string; changes: CellChange[] } | null>(null);
  const [lost, setLost] = useState<CellChange[]>([]);
  const [confirmDelete, setConfirmDelete] = useState<{ top: number; bottom: number } | null>(null);
  const saverRef = useRef<Autosaver<FormData> | null>(null);
  const undo = useRef<Snapshot[]>([]);
  const redo = useRef<Snapshot[]>([]);
  const errorsRef = useRef<HTMLElement>(null);

  const stopped = stoppedKinds.has(status.kind);
  const readOnly = props.readOnlyReason !== null || stopped;

  /** What the server does not have yet, kept in this browser while it cannot be sent. */
  const keepDraft = useCallback(() => {
    const s = saverRef.current;
    if (!s) return;
    const changes = diffData(template, s.savedData, s.data);
    saveDraft(collectionId, changes);
    return changes;
  }, [collectionId, template]);

  useEffect(() => {
    if (props.readOnlyReason !== null) return undefined;
    const saver: Autosaver<FormData> = new Autosaver<FormData>({
      data: dataRef.current,
      version: props.version,
      save: (d, version) =>
        props.endpoints
          ? props.endpoints.save(d, version)
          : api.put<SaveResult>(`/api/collections/${collectionId}/entry`, { data: d, version }),
      onStatus: (st) => {
        setStatus(st);
        if (st.kind === 'saved' && !saver.unsaved) clearDraft(collectionId);
        if (draftKinds.has(st.kind)) {
          const changes = keepDraft() ?? [];
          if (stoppedKinds.has(st.kind)) setLost(changes);
        }
      },
    });
    saverRef.current = saver;
    if (props.handle) {
      props.handle.current = {
        flush: () => saver.flush(),
        stop: () => saver.dispose(),
      };
    }
    return () => {
      if (saverRef.current === saver) saverRef.current = null;
      if (!saver.unsaved || saver.stopped) {
        saver.dispose();
        return;
      }
      // left for another page of the cabinet with a save pending: send it, and keep a copy until it is sent
      saveDraft(collectionId, diffData(template, saver.savedData, saver.data));
      void saver.flush().then((ok) => {
        if (ok) clearDraft(collectionId);
        saver.dispose();
      });
    };
    // one saver per opened entry: the page remounts the editor (key) when the entry is replaced
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [collectionId]);

  // a copy left in this browser by an earlier visit (conflict, no network, closed tab) is offered back
  useEffect(() => {
    if (props.readOnlyReason !== null) return;
    const draft = loadDraft(collectionId);
    if (!draft) return;
    const pending = pendingChanges(template, dataRef.current, draft.changes);
    if (pending.length === 0) clearDraft(collectionId);
    else setOffer({ at: draft.at, changes: pending });
  }, [collectionId, template, props.readOnlyReason]);

  // leaving with unsaved changes: the browser asks, and a copy stays in this browser
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const s = saverRef.current;
      if (!s || !s.unsaved) return;
      keepDraft();
      // after a conflict or closing nothing more can be saved; the copy is kept, asking would not help
      if (s.stopped) return;
      void s.flush();
      e.preventDefault();
      e.returnValue = '';
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saverRef.current?.flush();
    };
    const onOnline = () => saverRef.current?.retryNow();
    // the user went to another window or program: what is typed goes to the server now
    const onBlur = () => void saverRef.current?.flush();
    window.addEventListener('blur', onBlur);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('online', onOnline);
    };
  }, [keepDraft]);

  const put = useCallback(
    (next: FormData) => {
      if (next === dataRef.current) return;
      undo.current.push({ data: dataRef.current, sheet: sheetRef.current });
      if (undo.current.length > UNDO_DEPTH) undo.current.shift();
      redo.current = [];
      dataRef.current = next;
      setData(next);
      const s = saverRef.current;
      if (s) {
        s.change(next);
        if (draftKinds.has(s.status.kind)) keepDraft();
      }
      setSubmit((st) => (st.kind === 'done' ? { kind: 'idle' } : st));
    },
    [keepDraft],
  );

  const restoreSnapshot = (from: RefObject<Snapshot[]>, to: RefObject<Snapshot[]>) => {
    if (readOnly) return;
    const snap = from.current.pop();
    if (!snap) return;
    to.current.push({ data: dataRef.current, sheet: sheetRef.current });
    dataRef.current = snap.data;
    setData(snap.data);
    saverRef.current?.change(snap.data);
    if (snap.sheet !== sheetRef.current) changeSheet(snap.sheet);
  };

  const sheet = template.sheets[sheetIndex]!;
  const columnsBySheet = useMemo(() => template.sheets.map(gridColumns), [template]);
  const columns = columnsBySheet[sheetIndex]!;
  const rows = data[sheet.key] ?? [];
  const selection = clampSelection(selections[sheetIndex] ?? at(0, 0), { rows: rows.length, cols: columns.length });

  const { cellCheck } = props;
  const cache = useMemo(() => new ErrorCache(template, cellCheck), [template, cellCheck]);
  const sheetErrors = useMemo(
    () => template.sheets.map((s, i) => cache.sheet(i, data[s.key] ?? [], showAll)),
    [cache, template, data, showAll],
  );
  const errorTotal = sheetErrors.reduce((n, e) => n + e.count, 0);
  const errorList = useMemo(() => errorItems(template, sheetErrors, SHOWN_ERRORS), [template, sheetErrors]);

  const setSelection = useCallback((sel: Selection) => {
    setSelections((all) => all.map((s, i) => (i === sheetRef.current ? sel : s)));
  }, []);

  function changeSheet(index: number) {
    sheetRef.current = index;
    setSheetIndex(index);
    setNotice(null);
    setFocusToken((t) => t + 1);
  }

  const goTo = (sheetAt: number, r: number, c: number) => {
    sheetRef.current = sheetAt;
    setSheetIndex(sheetAt);
    setSelections((all) => all.map((s, i) => (i === sheetAt ? at(r, c) : s)));
    setFocusToken((t) => t + 1);
  };

  const onEdits = useCallback(
    (edits: CellEdit[], select?: Selection) => {
      const current = template.sheets[sheetRef.current]!;
      const before = dataRef.current[current.key] ?? [];
      const after = applyEdits(template, current, before, edits, props.attributes);
      put({ ...dataRef.current, [current.key]: after });
      if (select) setSelection(select);
    },
    [template, put, setSelection, props.attributes],
  );

  const onTab = (index: number) => {
    if (index === sheetIndex) return;
    void saverRef.current?.flush();
    changeSheet(index);
  };

  const addRow = () => {
    const max = maxRows(sheet);
    if (rows.length >= max) return;
    put({ ...dataRef.current, [sheet.key]: [...rows, blankRow(sheet, props.attributes)] });
    const c = columns.findIndex((col) => !col.readOnly);
    goTo(sheetIndex, rows.length, Math.max(0, c));
  };

  const deleteRows = (top: number, bottom: number) => {
    const left = rows.filter((_, r) => r < top || r > bottom);
    put({ ...dataRef.current, [sheet.key]: left.length > 0 ? left : [blankRow(sheet, props.attributes)] });
    goTo(sheetIndex, Math.min(top, Math.max(0, left.length - 1)), selection.anchor.c);
  };

  const askDeleteRows = () => {
    const rg = rangeOf(selection);
    const bottom = Math.min(rg.bottom, rows.length - 1);
    const filled = rows.slice(rg.top, bottom + 1).some((row) => Object.values(row).some((v) => v !== null && v !== ''));
    if (filled) setConfirmDelete({ top: rg.top, bottom });
    else deleteRows(rg.top, bottom);
  };

  const onSubmit = async () => {
    const saver = saverRef.current;
    if (!saver) return;
    setSubmit({ kind: 'busy' });
    const saved = await saver.flush();
    if (!saved) {
      setSubmit({
        kind: 'error',
        message:
          saver.status.kind === 'offline'
            ? 'Нет связи с сервером: изменения ещё не сохранены. Отчет можно сдать, когда связь восстановится.'
            : 'Изменения не сохранены, поэтому отчет не сдан.',
      });
      return;
    }
    setShowAll(true);
    const issues = validateForm(template, dataRef.current);
    if (issues.length > 0) {
      setSubmit({ kind: 'invalid', count: issues.length });
      const first = locateIssue(template, issues[0]!);
      if (first) goTo(first.sheet, first.r, first.c);
      return;
    }
    try {
      const result = props.endpoints
        ? await props.endpoints.submit(saver.savedVersion)
        : await api.post<SubmitResult>(`/api/collections/${collectionId}/submit`, { version: saver.savedVersion });
      saver.setVersion(result.version);
      setSubmit({ kind: 'done', at: result.submittedAt });
      props.onSubmitted(result);
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'FORM_INVALID') setSubmit({ kind: 'refused', message: err.message, issues: err.issues });
      else setSubmit({ kind: 'error', message: err.message });
    }
  };

  const onClose = async () => {
    const saver = saverRef.current;
    if (saver && saver.unsaved && !saver.stopped) {
      const saved = await saver.flush();
      if (!saved) {
        keepDraft();
        const leave = window.confirm(
          'Изменения не сохранены на сервере (копия осталась в этом браузере и будет предложена при следующем открытии). Закрыть форму?',
        );
        if (!leave) return;
      }
    }
    props.onClose();
  };

  const restore = () => {
    if (!offer) return;
    put(applyChanges(template, dataRef.current, offer.changes));
    setOffer(null);
  };

  const pickError = (i: ErrorItem) => goTo(i.sheet, i.r, i.c);
  const pickIssue = (issue: FormIssue) => {
    const place = locateIssue(template, issue);
    if (place) goTo(place.sheet, place.r, place.c);
  };

  const active = selection.anchor;
  const activeCol = columns[active.c];
  const free = sheet.rows.mode === 'free';

  return (
    <div className="form-editor">
      {props.readOnlyReason === null && (
        <div className="editor-toolbar">
          <SaveStatusText status={status} timeZone={props.timeZone} onRetry={() => saverRef.current?.retryNow()} />
          {errorTotal > 0 && (
            <button
              type="button"
              className="btn-link editor-error-count"
              onClick={() => errorsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
            >
              Ошибки ({errorTotal})
            </button>
          )}
          <span className="editor-toolbar-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void onSubmit()}
              disabled={readOnly || submit.kind === 'busy'}
            >
              {submit.kind === 'busy'
                ? (props.submitLabel?.busy ?? 'Сдаём отчет…')
                : (props.submitLabel?.idle ?? 'Сдать отчет')}
            </button>
            <button type="button" className="btn" onClick={() => void onClose()}>
              Закрыть
            </button>
          </span>
        </div>
      )}

      {props.readOnlyReason !== null && <div className="alert alert-info">{props.readOnlyReason}</div>}

      {(status.kind === 'conflict' || status.kind === 'closed') && (
        <StopBanner status={status} template={template} lost={lost} />
      )}
      {offer && !readOnly && (
        <RestoreOffer
          template={template}
          at={offer.at}
          changes={offer.changes}
          timeZone={props.timeZone}
          onRestore={restore}
          onDiscard={() => {
            clearDraft(collectionId);
            setOffer(null);
          }}
        />
      )}
      <SubmitBanner
        submit={submit}
        timeZone={props.timeZone}
        onPickIssue={pickIssue}
        onClose={() => void onClose()}
        words={props.submittedWords}
      />

      <SheetTabs
        template={template}
        current={sheetIndex}
        onSelect={onTab}
        errorCounts={sheetErrors.map((e) => e.count)}
      />
      {sheet.hint && <p className="sheet-hint">{sheet.hint}</p>}
      <HintBar
        template={template}
        sheet={sheet}
        col={activeCol}
        r={active.r}
        row={rows[active.r]}
        error={activeCol ? sheetErrors[sheetIndex]?.byRow.get(active.r)?.get(activeCol.key) : undefined}
      />
      <SheetGrid
        key={sheet.key}
        template={template}
        sheet={sheet}
        columns={columns}
        rows={rows}
        errors={sheetErrors[sheetIndex] ?? null}
        readOnly={readOnly}
        selection={selection}
        onSelection={setSelection}
        onEdits={onEdits}
        onNotice={setNotice}
        onUndo={() => restoreSnapshot(undo, redo)}
        onRedo={() => restoreSnapshot(redo, undo)}
        focusToken={focusToken}
      />
      {notice && (
        <div className="alert alert-info editor-notice" role="status">
          <span>{notice}</span>
          <button type="button" className="btn btn-small" onClick={() => setNotice(null)}>
            Понятно
          </button>
        </div>
      )}
      {free && (
        <div className="sheet-rows">
          {!readOnly && (
            <>
              <button type="button" className="btn btn-small" onClick={addRow} disabled={rows.length >= maxRows(sheet)}>
                Добавить строку
              </button>
              <button type="button" className="btn btn-small" onClick={askDeleteRows}>
                Удалить выделенные строки
              </button>
            </>
          )}
          <span className="muted small">
            Строк: {rows.length} из {maxRows(sheet)} возможных
          </span>
        </div>
      )}
      <p className="muted small editor-keys">
        {readOnly
          ? 'Таблица только для просмотра: стрелки и мышь — перемещение и выделение, Ctrl+C — копировать выделенное.'
          : 'Клавиши как в Excel: стрелки, Tab, Enter; начните печатать, чтобы заменить значение, F2 — исправить; Delete — очистить; Ctrl+C / Ctrl+V — копировать и вставить диапазон из Excel или LibreOffice; Ctrl+Z — отменить.'}
      </p>
      <ErrorsPanel ref={errorsRef} items={errorList} total={errorTotal} onPick={pickError} />

      {confirmDelete && (
        <ConfirmDialog
          title="Удалить строки?"
          confirmText="Удалить"
          busy={false}
          onCancel={() => setConfirmDelete(null)}
          onConfirm={() => {
            deleteRows(confirmDelete.top, confirmDelete.bottom);
            setConfirmDelete(null);
          }}
        >
          <p>
            {confirmDelete.top === confirmDelete.bottom
              ? `Строка ${confirmDelete.top + 2} будет удалена вместе с введёнными данными.`
              : `Строки ${confirmDelete.top + 2}–${confirmDelete.bottom + 2} будут удалены вместе с введёнными данными.`}{' '}
            Отменить удаление можно клавишами Ctrl+Z.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
