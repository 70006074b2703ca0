import { formText, type CellValue, type FormRow } from '@oko/shared';
import { cellText } from '../registration/cell-text.ts';
import { BANK_SHEET } from './bank-template.ts';
import type { UploadIssues } from './upload-form.ts';

/**
 * The task bank upload as a pure function: rows of «Банк заданий» against the subject's tasks. Every item
 * names a task of the subject, the items of a task are numbered 1..N without gaps, and each has a text.
 */

export interface BankItemDraft {
  position: number;
  itemNo: number;
  text: string;
  answer: string;
  criteria: string;
}

/** Long texts keep their line breaks: only the ends are trimmed. */
const longText = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v).trim());
/** A task number typed as a number may come back as "9,1"; a Latin K means the Cyrillic one. */
const taskNumber = (v: CellValue | undefined) => cellText(v).replace(',', '.').replace(/K/g, 'К');

export function planBank(
  input: { rows: FormRow[]; rowNumbers: number[]; tasks: { position: number; number: string }[] },
  issues: UploadIssues,
): BankItemDraft[] {
  const positionOf = new Map(input.tasks.map((t) => [t.number, t.position]));
  const numbers = formText.listForMessage(input.tasks.map((t) => t.number));
  const items: (BankItemDraft & { row: number; number: string })[] = [];
  const seen = new Map<string, number>();

  input.rows.forEach((r, i) => {
    const row = input.rowNumbers[i] ?? i + 2;
    const text = longText(r.text);
    const answer = longText(r.answer);
    const criteria = longText(r.criteria);
    if (!text && !answer && !criteria) return; // a placeholder row of the downloaded file
    const number = taskNumber(r.number);
    const position = positionOf.get(number);
    const before = issues.size;
    if (!number) issues.add(BANK_SHEET, row, 'number', 'Укажите номер задания');
    else if (position === undefined) {
      issues.add(BANK_SHEET, row, 'number', `Задания «${number}» нет в структуре предмета. Номера заданий: ${numbers}`);
    }
    const itemNo = typeof r.itemNo === 'number' ? r.itemNo : null;
    if (itemNo === null) issues.add(BANK_SHEET, row, 'itemNo', 'Укажите № варианта задания: 1, 2, 3…');
    if (!text) issues.add(BANK_SHEET, row, 'text', 'Текст задания обязателен');
    if (issues.size > before || position === undefined || itemNo === null) return;
    const key = `${position}|${itemNo}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.add(BANK_SHEET, row, 'itemNo', `Вариант № ${itemNo} задания «${number}» уже указан в строке ${first}`);
      return;
    }
    seen.set(key, row);
    items.push({ row, number, position, itemNo, text, answer, criteria });
  });

  // 1..N without gaps: the first missing number is reported at the row of the next one
  const byPosition = new Map<number, typeof items>();
  for (const item of items) byPosition.set(item.position, [...(byPosition.get(item.position) ?? []), item]);
  for (const list of byPosition.values()) {
    const sorted = [...list].sort((a, b) => a.itemNo - b.itemNo);
    const gapAt = sorted.findIndex((item, k) => item.itemNo !== k + 1);
    if (gapAt < 0) continue;
    const next = sorted[gapAt]!;
    issues.add(
      BANK_SHEET,
      next.row,
      'itemNo',
      `У задания «${next.number}» нет варианта № ${gapAt + 1}: варианты нумеруются подряд с 1 (в файле ${formText.listForMessage(sorted.map((s) => String(s.itemNo)))})`,
    );
  }
  return items.map(({ row: _row, number: _number, ...item }) => item);
}
