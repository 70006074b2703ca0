import type { ReportCell } from '@oko/shared';

/** «12,34» — a number as the reports print it: a decimal comma, `decimals` places when given. */
export function numberText(value: number, decimals?: number): string {
  const text = decimals === undefined ? String(Math.round(value * 100) / 100) : value.toFixed(decimals);
  return text.replace('.', ',');
}

/** A cell of a report table: percentages always with two decimals, other numbers as they are, empty for null. */
export function cellText(cell: ReportCell, percent: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberText(cell, percent ? 2 : undefined);
  return cell;
}
