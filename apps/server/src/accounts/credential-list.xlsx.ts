import ExcelJS from 'exceljs';
import { ROLE_TITLES, type IssuedCredential } from '@oko/shared';
import { neutralizeFormula } from '../forms/xlsx-safety.ts';

export const CREDENTIALS_SHEET = 'Реквизиты';
export const CREDENTIALS_HEADER = ['Логин', 'Пароль', 'Роль', 'Организация', 'Дата выдачи (МСК)'] as const;

/** The same credentials as a table, for a coordinator who hands them out by list. */
export async function credentialListXlsx(items: IssuedCredential[], issuedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ОКО';
  wb.created = issuedAt;
  const ws = wb.addWorksheet(CREDENTIALS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: CREDENTIALS_HEADER[0], width: 16 },
    { header: CREDENTIALS_HEADER[1], width: 16 },
    { header: CREDENTIALS_HEADER[2], width: 34 },
    { header: CREDENTIALS_HEADER[3], width: 60 },
    { header: CREDENTIALS_HEADER[4], width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  const date = issuedAt.toLocaleString('ru-RU', { timeZone: 'Europe/Moscow' });
  for (const c of items) {
    // names come from registry uploads: a name that starts a formula must stay text
    const row = ws.addRow([
      neutralizeFormula(c.login),
      c.password,
      ROLE_TITLES[c.role],
      neutralizeFormula(c.organizationName),
      date,
    ]);
    // as text: a password of digits must not turn into a number
    row.getCell(1).numFmt = '@';
    row.getCell(2).numFmt = '@';
  }
  ws.autoFilter = { from: 'A1', to: 'E1' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
