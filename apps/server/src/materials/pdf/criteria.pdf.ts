import { CONTENT_TOP, drawMaterialsHeader, drawPageFooter } from './page-frame.ts';
import { PageFlow } from './page-flow.ts';
import { MARGIN, openSheet } from './pdf-document.ts';
import type { TableCell, TableColumn } from './table.ts';
import { Table } from './table.ts';
import type { TextStyle } from './text.ts';
import { drawLine, lineHeight, wrapLines, drawLines } from './text.ts';
import type { CriteriaTask, CriteriaVariant, MaterialsHeader } from './types.ts';

const TITLE: TextStyle = { font: 'bold', size: 16 };
const SUBTITLE: TextStyle = { font: 'regular', size: 11 };
const SECTION: TextStyle = { font: 'bold', size: 13 };
const CELL: TextStyle = { font: 'regular', size: 9.5, gap: 1 };
const CELL_BOLD: TextStyle = { ...CELL, font: 'bold' };
const HEAD: TextStyle = { font: 'bold', size: 9 };

/**
 * Answers and scoring criteria for the organizer, one table per variant. Every page says it is not for
 * participants, because a page of it left in a classroom would leak the answers.
 */
export async function renderCriteriaPdf(h: MaterialsHeader, variants: CriteriaVariant[]): Promise<Buffer> {
  const sheet = openSheet({ title: `Критерии оценивания. ВПР. ${h.subjectName}, ${h.grade} класс` });
  const { doc, width, height } = sheet;
  const flow = new PageFlow(doc, CONTENT_TOP, height - MARGIN - 4);
  const contentWidth = width - 2 * MARGIN;

  drawLine(doc, TITLE, 'Критерии оценивания', { x: MARGIN, y: flow.y });
  flow.y += lineHeight(doc, TITLE) + 2;
  const subtitle = wrapLines(doc, SUBTITLE, `${h.subjectName}, ${h.grade} класс. ${h.campaignTitle}`, contentWidth);
  flow.y += drawLines(doc, SUBTITLE, subtitle, { x: MARGIN, y: flow.y });
  if (variants.length === 0) drawLine(doc, SUBTITLE, 'Нет вариантов.', { x: MARGIN, y: flow.y + 12 });

  for (const { variant, tasks } of variants) {
    flow.y += 16;
    const table = new Table(doc, flow, MARGIN, columns(contentWidth), {
      header: HEAD,
      cell: CELL,
      padding: 5,
      minRowHeight: 0,
      valign: 'top',
    });
    const rows = tasks.map(taskRow);
    const headingHeight = lineHeight(doc, SECTION) + 4;
    flow.ensure(headingHeight + table.startHeight(rows[0] ?? null));
    drawLine(doc, SECTION, `Вариант ${variant}`, { x: MARGIN, y: flow.y });
    flow.y += headingHeight;
    if (rows.length === 0) {
      drawLine(doc, CELL, 'В варианте нет заданий.', { x: MARGIN, y: flow.y });
      flow.y += lineHeight(doc, CELL);
      continue;
    }
    table.drawHeader();
    for (const row of rows) table.addRow(row);
  }

  return sheet.finish((page, pages) => {
    drawMaterialsHeader(doc, width, h, 'Критерии оценивания', { kind: 'organizer-notice' });
    drawPageFooter(doc, width, height, h.orgLogin, page, pages);
  });
}

function columns(width: number): TableColumn[] {
  const number = 58;
  const score = 50;
  const answer = Math.round((width - number - score) * 0.34);
  return [
    { title: 'Задание', width: number, align: 'center' },
    { title: 'Макс. балл', width: score, align: 'center' },
    { title: 'Ответ', width: answer },
    { title: 'Критерии', width: width - number - score - answer },
  ];
}

function taskRow(task: CriteriaTask): TableCell[] {
  return [
    { text: task.number, style: CELL_BOLD },
    { text: String(task.maxScore) },
    { text: task.answer },
    { text: task.criteria },
  ];
}
