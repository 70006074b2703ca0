// The results form filled in as a teacher does it in Excel: a few rows typed cell by cell, then a block copied
// from the teacher's own sheet and pasted into «Протокол» as values («Вставить значения»).
import ExcelJS from 'exceljs';

export const PROTOCOL = 'Протокол';

/** One pupil's line: scores per task in the form's order; an absent pupil has none. */
export interface ProtocolRow {
  code: string | number;
  variant: number | string;
  scores: (number | string)[];
  classNo: number;
  journal: number | string | null;
}

const line = (r: ProtocolRow, tasks: number): ExcelJS.CellValue[] => [
  r.code,
  r.variant,
  ...Array.from({ length: tasks }, (_, i) => r.scores[i] ?? null),
  r.classNo,
  r.journal,
];

/** Column numbers of the form's header (row 1), by title. */
function headerColumns(ws: ExcelJS.Worksheet): Map<string, number> {
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => cols.set(String(cell.value ?? '').trim(), col));
  return cols;
}

/** The task columns are the `N (Mб)` headers between «Вариант» and «Порядковый номер класса». */
export function protocolShape(ws: ExcelJS.Worksheet): { first: number; tasks: number } {
  const cols = headerColumns(ws);
  const code = cols.get('Код участника');
  const variant = cols.get('Вариант');
  const classNo = cols.get('Порядковый номер класса');
  if (code !== 1 || variant !== 2 || classNo === undefined) {
    throw new Error(`неожиданный заголовок листа «${PROTOCOL}»: ${[...cols.keys()].join(' | ')}`);
  }
  return { first: code, tasks: classNo - variant - 1 };
}

export async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/**
 * The downloaded form with `typed` entered from row 2 one cell at a time, and `pasted` below them: written first
 * into a sheet of the teacher's own book (with its own header, a few rows down and one column in, as such
 * journals are), then that block copied over as values, cell by cell from its top-left corner.
 */
export async function fillProtocol(form: Buffer, typed: ProtocolRow[], pasted: ProtocolRow[]): Promise<Buffer> {
  const wb = await readBook(form);
  const ws = wb.getWorksheet(PROTOCOL);
  if (!ws) throw new Error(`в скачанной форме нет листа «${PROTOCOL}»`);
  const { first, tasks } = protocolShape(ws);

  typed.forEach((r, i) => {
    line(r, tasks).forEach((v, j) => {
      if (v !== null) ws.getCell(2 + i, first + j).value = v;
    });
  });

  const journal = new ExcelJS.Workbook().addWorksheet('5Б класс');
  journal.getCell('A1').value = 'Баллы 5Б (черновик учителя)';
  journal.getRow(3).values = [
    null,
    'Код',
    'Вар.',
    ...Array.from({ length: tasks }, (_, i) => `№${i + 1}`),
    'Кл.',
    'Журн.',
  ];
  pasted.forEach((r, i) => {
    journal.getRow(4 + i).values = [null, ...line(r, tasks)];
  });
  const top = 2 + typed.length;
  for (let i = 0; i < pasted.length; i++) {
    for (let j = 0; j < tasks + 4; j++) {
      const v = journal.getCell(4 + i, 2 + j).value;
      // «Вставить значения»: an empty source cell clears the target, the form's formats and lists stay
      ws.getCell(top + i, first + j).value = v ?? null;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A TSV block as Excel puts it on the clipboard: tab between cells, CRLF after every line. */
export function tsvOf(rows: ProtocolRow[], tasks: number): string {
  return rows
    .map(
      (r) =>
        line(r, tasks)
          .map((v) => (v === null ? '' : String(v)))
          .join('\t') + '\r\n',
    )
    .join('');
}
