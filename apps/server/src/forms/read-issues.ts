import { cellAddress, formText, type FormIssue } from '@oko/shared';

export const MAX_REPORTED_ISSUES = 200;

const { plural } = formText;

/**
 * The issues of one upload, sorted as a user reads the file (sheet, row, column); remembers which cells
 * already have one, so that a cell that could not be read is not reported again as empty.
 */
export class Issues {
  readonly list: (FormIssue & { order: number })[] = [];
  private readonly cells = new Set<string>();

  add(
    sheetIndex: number,
    sheet: string,
    row: number,
    col0: number | null,
    column: string | null,
    message: string,
  ): void {
    const cell = col0 === null || row < 1 ? null : cellAddress(col0, row);
    if (cell) this.cells.add(`${sheetIndex}!${cell}`);
    this.list.push({ sheet, row, column, cell, message, order: sheetIndex * 1e12 + row * 1e5 + (col0 ?? -1) + 1 });
  }

  hasCell(sheetIndex: number, cell: string | null): boolean {
    return cell !== null && this.cells.has(`${sheetIndex}!${cell}`);
  }

  get size(): number {
    return this.list.length;
  }
}

function locate(issue: FormIssue): string {
  if (issue.cell) return `лист «${issue.sheet}», ячейка ${issue.cell}`;
  if (issue.row > 0) return `лист «${issue.sheet}», строка ${issue.row}`;
  return `лист «${issue.sheet}»`;
}

/** The refusal: every issue (up to MAX_REPORTED_ISSUES, sorted) and a message naming the first. */
export function refusal(issues: Issues): { ok: false; message: string; issues: FormIssue[] } {
  const sorted = [...issues.list].sort((a, b) => a.order - b.order).map(({ order: _order, ...i }) => i);
  const n = sorted.length;
  const first = sorted[0]!;
  const where = n > 1 ? `Первая — ${locate(first)}` : locate(first).replace(/^л/, 'Л');
  let message = `Файл не принят: ${n} ${plural(n, 'ошибка', 'ошибки', 'ошибок')}. ${where}: ${first.message}`;
  if (n > MAX_REPORTED_ISSUES) message += `. Показаны первые ${MAX_REPORTED_ISSUES} из ${n}`;
  return { ok: false, message, issues: sorted.slice(0, MAX_REPORTED_ISSUES) };
}
