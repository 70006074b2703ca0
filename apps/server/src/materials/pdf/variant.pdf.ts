import { imageSize } from './image-size.ts';
import { CONTENT_TOP, drawMaterialsHeader, drawPageFooter } from './page-frame.ts';
import { PageFlow } from './page-flow.ts';
import { MARGIN, openSheet } from './pdf-document.ts';
import type { TextStyle } from './text.ts';
import { drawLine, lineHeight, useStyle, wrapLines } from './text.ts';
import type { MaterialsHeader, VariantTask } from './types.ts';

const TITLE: TextStyle = { font: 'bold', size: 12 };
const CONTINUED: TextStyle = { font: 'regular', size: 9, color: '#555' };
const MAX_SCORE: TextStyle = { font: 'regular', size: 10, color: '#555' };
const BODY: TextStyle = { font: 'regular', size: 11, gap: 2 };
const ANSWER: TextStyle = { font: 'regular', size: 11 };
const TASK_GAP = 16;
const ANSWER_ROW = 24;
const IMAGE_MAX_HEIGHT = 320;
/** The task title never ends a page alone: it goes with at least this many lines of its text. */
const KEEP_WITH_TITLE = 2;

/**
 * A task sheet for participants: tasks in order, each with its text, picture and ruled space for the answer; every
 * page carries the running header with empty boxes for the participant's code, since sheets get separated.
 */
export async function renderVariantPdf(h: MaterialsHeader, variant: number, tasks: VariantTask[]): Promise<Buffer> {
  const sheet = openSheet({ title: `ВПР. ${h.subjectName}, ${h.grade} класс, вариант ${variant}` });
  const { doc, width, height } = sheet;
  // A task that runs over a page says so at the top of the next one, so its answer lines are never orphaned.
  const current: { task: VariantTask | null } = { task: null };
  const flow = new PageFlow(doc, CONTENT_TOP, height - MARGIN - 4, () => {
    if (!current.task) return;
    drawLine(doc, CONTINUED, `Задание ${current.task.number} (продолжение)`, { x: MARGIN, y: flow.y });
    flow.y += lineHeight(doc, CONTINUED) + 4;
  });
  const contentWidth = width - 2 * MARGIN;

  if (tasks.length === 0) drawLine(doc, BODY, 'В варианте нет заданий.', { x: MARGIN, y: flow.y });
  for (const task of tasks) {
    if (!flow.atTop) flow.y += TASK_GAP;
    current.task = null;
    drawTask(doc, flow, task, contentWidth, () => (current.task = task));
  }

  return sheet.finish((page, pages) => {
    drawMaterialsHeader(doc, width, h, `Вариант ${variant}`, { kind: 'code-box' });
    drawPageFooter(doc, width, height, h.orgLogin, page, pages);
  });
}

function drawTask(
  doc: PDFKit.PDFDocument,
  flow: PageFlow,
  task: VariantTask,
  width: number,
  titleDrawn: () => void,
): void {
  const titleHeight = lineHeight(doc, TITLE) + 4;
  const bodyLine = lineHeight(doc, BODY);
  const lines = task.text.trim() === '' ? [] : wrapLines(doc, BODY, task.text.trim(), width);
  const image = task.image ? placeImage(task, width) : null;
  const answerHeight = answerRows(task.maxScore) * ANSWER_ROW + 4;
  const firstBlock =
    lines.length > 0 ? Math.min(lines.length, KEEP_WITH_TITLE) * bodyLine : (image?.height ?? answerHeight);
  flow.ensure(titleHeight + firstBlock);

  const title = `Задание ${task.number}`;
  drawLine(doc, TITLE, title, { x: MARGIN, y: flow.y });
  useStyle(doc, TITLE);
  const titleWidth = doc.widthOfString(title);
  drawLine(doc, MAX_SCORE, `(макс. ${task.maxScore} б.)`, { x: MARGIN + titleWidth + 8, y: flow.y + 1.5 });
  flow.y += titleHeight;
  titleDrawn();

  for (const line of lines) {
    flow.ensure(bodyLine);
    drawLine(doc, BODY, line, { x: MARGIN, y: flow.y });
    flow.y += bodyLine;
  }

  if (task.image && image) {
    flow.ensure(image.height + 8);
    if (!flow.atTop) flow.y += 6;
    const x = MARGIN + (width - image.width) / 2;
    try {
      // fit keeps the picture inside the reserved box even if pdfkit turns a JPEG by its EXIF orientation.
      doc.image(task.image, x, flow.y, { fit: [image.width, image.height] });
    } catch {
      throw new Error(`Задание ${task.number}: рисунок повреждён, нужен файл PNG или JPEG.`);
    }
    flow.y += image.height + 2;
  }

  flow.ensure(answerHeight);
  drawAnswerRows(doc, flow, answerRows(task.maxScore), width);
}

function placeImage(task: VariantTask, width: number): { width: number; height: number } {
  const size = task.image ? imageSize(task.image) : null;
  if (!size) throw new Error(`Задание ${task.number}: рисунок должен быть в формате PNG или JPEG.`);
  const scale = Math.min(width / size.width, IMAGE_MAX_HEIGHT / size.height);
  return { width: size.width * scale, height: size.height * scale };
}

/** A task worth more points expects a longer written answer. */
function answerRows(maxScore: number): number {
  return Math.min(5, Math.max(2, Math.ceil(maxScore) + 1));
}

function drawAnswerRows(doc: PDFKit.PDFDocument, flow: PageFlow, rows: number, width: number): void {
  const top = flow.y;
  drawLine(doc, ANSWER, 'Ответ:', { x: MARGIN, y: top + ANSWER_ROW - 15 });
  useStyle(doc, ANSWER);
  const labelEnd = MARGIN + doc.widthOfString('Ответ:') + 6;
  doc.save().lineWidth(0.6).strokeColor('#888');
  for (let i = 1; i <= rows; i++) {
    const y = top + i * ANSWER_ROW;
    doc.moveTo(i === 1 ? labelEnd : MARGIN, y).lineTo(MARGIN + width, y);
  }
  doc.stroke().restore();
  flow.y = top + rows * ANSWER_ROW + 4;
}
