import type { FormTemplate } from '@oko/shared';

/** The sheets as tabs, like the sheet tabs of Excel; each shows its error count and its hint on hover. */
export function SheetTabs(props: {
  template: FormTemplate;
  current: number;
  onSelect: (index: number) => void;
  errorCounts?: readonly number[];
}) {
  return (
    <div className="sheet-tabs" role="tablist" aria-label="Листы формы">
      {props.template.sheets.map((s, i) => {
        const errors = props.errorCounts?.[i] ?? 0;
        return (
          <button
            key={s.key}
            type="button"
            role="tab"
            aria-selected={i === props.current}
            className={i === props.current ? 'sheet-tab sheet-tab-current' : 'sheet-tab'}
            onClick={() => props.onSelect(i)}
          >
            {s.title}
            {errors > 0 && (
              <span className="sheet-tab-errors" aria-label={`ошибок: ${errors}`}>
                {errors}
              </span>
            )}
            {s.hint && (
              <span className="hint-icon" title={s.hint} aria-hidden="true">
                ?
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
