import { validateForm, type FormData, type FormTemplate } from '@oko/shared';
import { readFormXlsx } from '../forms/form-xlsx-reader.ts';
import { Issues, refusal } from '../forms/read-issues.ts';
import { FormInvalid } from '../http/form-invalid.ts';
import { freeSheetRowNumbers } from '../registration/row-numbers.ts';

/** An accepted upload: the rows of each sheet and the worksheet row each of them came from. */
export interface UploadedForm {
  data: FormData;
  /** sheet key → worksheet row of each data row (the reader skips empty rows) */
  rowNumbers: Map<string, number[]>;
}

/**
 * Reads an upload of one of the campaign templates through the forms engine: the container checks, the
 * template's sheets and headers, every cell's type. Anything wrong is refused naming its cell.
 */
export async function readUploadedForm(template: FormTemplate, bytes: Buffer): Promise<UploadedForm> {
  const read = await readFormXlsx(template, bytes);
  if (!read.ok) throw new FormInvalid(read.message, read.issues);
  const issues = validateForm(template, read.data);
  if (issues.length) throw new FormInvalid(`Файл не принят: ошибки (${issues.length}) в данных`, issues);
  const rowNumbers = new Map<string, number[]>();
  for (const sheet of template.sheets) rowNumbers.set(sheet.key, await freeSheetRowNumbers(bytes, sheet));
  return { data: read.data, rowNumbers };
}

/**
 * The business errors of an upload, each at its sheet, worksheet row and column (by template key), refused
 * together as the engine refuses a bad cell.
 */
export class UploadIssues {
  private readonly issues = new Issues();

  constructor(private readonly template: FormTemplate) {}

  add(sheetKey: string, row: number, columnKey: string | null, message: string): void {
    const s = this.template.sheets.findIndex((sh) => sh.key === sheetKey);
    const sheet = this.template.sheets[s];
    if (!sheet) throw new Error(`no sheet ${sheetKey} in ${this.template.code}`);
    const col = columnKey === null ? -1 : sheet.columns.findIndex((c) => c.key === columnKey);
    if (columnKey !== null && col < 0) throw new Error(`no column ${columnKey} on ${sheetKey}`);
    this.issues.add(s, sheet.title, row, col < 0 ? null : col, col < 0 ? null : sheet.columns[col]!.title, message);
  }

  get size(): number {
    return this.issues.size;
  }

  /** Nothing is applied while any error stands. */
  throwIfAny(): void {
    if (this.issues.size === 0) return;
    const r = refusal(this.issues);
    throw new FormInvalid(r.message, r.issues);
  }
}
