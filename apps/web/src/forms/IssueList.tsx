import type { FormIssue } from '@oko/shared';

/** Problems named as the user finds them: sheet, row, column and cell; clickable when `onPick` is given. */
export function IssueList({
  issues,
  onPick,
  limit = 300,
}: {
  issues: readonly FormIssue[];
  onPick?: (issue: FormIssue) => void;
  limit?: number;
}) {
  const shown = issues.slice(0, limit);
  return (
    <>
      <ul className="issue-list">
        {shown.map((i, n) => {
          const place = [
            `лист «${i.sheet}»`,
            i.row > 0 ? `строка ${i.row}` : null,
            i.column ? `столбец «${i.column}»` : null,
            i.cell ? `ячейка ${i.cell}` : null,
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <li key={n}>
              {onPick ? (
                <button type="button" className="issue-place" onClick={() => onPick(i)}>
                  {place}
                </button>
              ) : (
                <span className="issue-place-text">{place}</span>
              )}
              : {i.message}
            </li>
          );
        })}
      </ul>
      {issues.length > shown.length && (
        <p className="muted small">…и ещё {issues.length - shown.length}. Исправьте показанные и проверьте снова.</p>
      )}
    </>
  );
}
