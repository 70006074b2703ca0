import { drawPageFooter } from './page-frame.ts';
import { PageFlow } from './page-flow.ts';
import { MARGIN, openSheet } from './pdf-document.ts';
import type { TableCell, TableColumn } from './table.ts';
import { Table } from './table.ts';
import type { TextStyle } from './text.ts';
import { drawLine, drawLines, fitLine, lineHeight, wrapLines } from './text.ts';
import type { ProtocolInput, ProtocolSubject } from './types.ts';

const RUNNING: TextStyle = { font: 'regular', size: 8, color: '#555' };
const TITLE: TextStyle = { font: 'bold', size: 15 };
const INFO: TextStyle = { font: 'regular', size: 10, gap: 1 };
const NOTE: TextStyle = { font: 'bold', size: 10 };
const HEAD: TextStyle = { font: 'bold', size: 8.5 };
const CELL: TextStyle = { font: 'regular', size: 10 };
const CODE: TextStyle = { font: 'mono', size: 11 };
/** Tall enough to write a full name by hand. */
const ROW_HEIGHT = 24;
const FIXED = { number: 30, code: 84, classLetter: 48, variant: 54 };
const SUBJECT_MAX = 46;
const NAME_MIN = 150;

/**
 * The paper protocol a school fills in by hand: which pupil got which code, and who wrote which subject.
 * It stays at the school; names never enter the system, so the name column is always printed empty.
 */
export async function renderProtocolPdf(input: ProtocolInput): Promise<Buffer> {
  const sheet = openSheet({ title: `Бумажный протокол ВПР, ${input.grade} класс, ${input.orgLogin}`, landscape: true });
  const { doc, width, height } = sheet;
  const contentWidth = width - 2 * MARGIN;
  const flow = new PageFlow(doc, MARGIN + 16, height - MARGIN - 4);

  drawLine(doc, TITLE, 'Бумажный протокол проведения ВПР', {
    x: MARGIN,
    y: flow.y,
    width: contentWidth,
    align: 'center',
  });
  flow.y += lineHeight(doc, TITLE) + 6;
  const info = [
    input.campaignTitle,
    `ОО: ${input.orgName}`,
    `Логин ОО: ${input.orgLogin} · ${input.grade} класс`,
    subjectLegend(input.subjects),
  ].flatMap((line) => wrapLines(doc, INFO, line, contentWidth));
  flow.y += drawLines(doc, INFO, info, { x: MARGIN, y: flow.y });
  flow.y += 4;
  drawLine(doc, NOTE, 'Протокол хранится в ОО. ФИО участников в систему не передаются.', { x: MARGIN, y: flow.y });
  flow.y += lineHeight(doc, NOTE) + 10;

  const tableColumns = columns(contentWidth, input.subjects);
  const columnsAfterCode = tableColumns.slice(2);
  const table = new Table(doc, flow, MARGIN, tableColumns, {
    header: HEAD,
    cell: CELL,
    padding: 4,
    minRowHeight: ROW_HEIGHT,
    valign: 'middle',
  });
  const rows = input.codes.map((code, i): TableCell[] => [
    { text: String(i + 1) },
    { text: code, style: CODE },
    // Name, class and variant are written by hand, as are the subject marks.
    ...columnsAfterCode.map(() => ({ text: '' })),
  ]);
  table.begin(rows[0] ?? null);
  if (rows.length === 0) drawLine(doc, CELL, 'Коды участников не выданы.', { x: MARGIN, y: flow.y + 6 });
  for (const row of rows) table.addRow(row);

  flow.ensure(44);
  flow.y += 24;
  drawLine(doc, CELL, 'Ответственный организатор в ОО: ______________________ / ______________________ /', {
    x: MARGIN,
    y: flow.y,
  });
  drawLine(doc, CELL, 'Дата: ____________', { x: MARGIN, y: flow.y, width: contentWidth, align: 'right' });

  return sheet.finish((page, pages) => {
    const running = `Бумажный протокол ВПР · ${input.orgName} (${input.orgLogin}) · ${input.grade} класс`;
    drawLine(doc, RUNNING, fitLine(doc, RUNNING, running, contentWidth), { x: MARGIN, y: MARGIN - 6 });
    drawPageFooter(doc, width, height, input.orgLogin, page, pages);
  });
}

function subjectLegend(subjects: ProtocolSubject[]): string {
  if (subjects.length === 0) return 'Предметы не указаны.';
  return `Предметы: ${subjects.map((s) => `${s.code} — ${s.name}`).join('; ')}. В столбце предмета отмечается участие.`;
}

function columns(width: number, subjects: ProtocolSubject[]): TableColumn[] {
  const fixed = FIXED.number + FIXED.code + FIXED.classLetter + FIXED.variant;
  const subject = subjects.length === 0 ? 0 : Math.min(SUBJECT_MAX, (width - fixed - NAME_MIN) / subjects.length);
  return [
    { title: '№', width: FIXED.number, align: 'center' },
    { title: 'Код участника', width: FIXED.code, align: 'center' },
    { title: 'ФИО участника', width: width - fixed - subject * subjects.length },
    { title: 'Класс', width: FIXED.classLetter },
    { title: 'Вариант', width: FIXED.variant },
    ...subjects.map((s) => ({ title: s.code, width: subject, align: 'center' as const })),
  ];
}
