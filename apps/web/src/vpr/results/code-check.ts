import { RESULTS_SHEET, type CellValue } from '@oko/shared';
import type { CellCheck } from '../../forms/cell-errors';

/**
 * The online table refuses a code the ОО was not given as it is typed, in the server's words (participant-checks);
 * the server checks again on submit, with duplicates.
 */
export function codeCheck(codes: ReadonlySet<string>, grade: number): CellCheck {
  return (sheetKey: string, columnKey: string, value: CellValue): string | null => {
    if (sheetKey !== RESULTS_SHEET || columnKey !== 'code') return null;
    const code = String(value).trim();
    if (codes.has(code)) return null;
    return codes.size === 0
      ? `Для ${grade} класса вашей ОО коды участников ещё не выданы: код ${code} проверить не с чем`
      : `Кода ${code} нет среди кодов участников вашей ОО для ${grade} класса`;
  };
}
