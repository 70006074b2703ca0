import PDFDocument from 'pdfkit';
import type { IssuedCredential } from '@oko/shared';
import { ROLE_TITLES } from '@oko/shared';
import { FONTS } from '../files/fonts.ts';

const MM = 72 / 25.4;
const COLS = 2;
const ROWS = 5;
const MARGIN = 10 * MM;

export interface CardContext {
  issuedAt: Date;
  issuerLogin: string;
  siteUrl: string;
  supportContact: string;
}

/**
 * A4 sheets of cut-out credential cards, two by five, with dashed cutting lines:
 * each card goes to one organization by hand, never by e-mail.
 */
export function credentialCardsPdf(items: IssuedCredential[], ctx: CardContext): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: 'Реквизиты доступа ОКО', Author: 'ОКО' } });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('mono', FONTS.mono);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const pageW = doc.page.width;
  const pageH = doc.page.height;
  const cardW = (pageW - 2 * MARGIN) / COLS;
  const cardH = (pageH - 2 * MARGIN) / ROWS;
  const date = ctx.issuedAt.toLocaleString('ru-RU', { timeZone: 'Europe/Moscow' });
  const perPage = COLS * ROWS;

  items.forEach((item, i) => {
    if (i > 0 && i % perPage === 0) doc.addPage({ size: 'A4', margin: 0 });
    if (i % perPage === 0) drawCutLines(doc, pageW, pageH, cardW, cardH);
    const slot = i % perPage;
    const x = MARGIN + (slot % COLS) * cardW + 5 * MM;
    const y = MARGIN + Math.floor(slot / COLS) * cardH + 5 * MM;
    const w = cardW - 10 * MM;
    doc
      .font('bold')
      .fontSize(9)
      .fillColor('#1d3a6e')
      .text('ОКО · реквизиты доступа в личный кабинет', x, y, { width: w });
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#000')
      .text(ROLE_TITLES[item.role], x, y + 13, { width: w })
      .text(item.organizationName, x, y + 24, { width: w, height: 20, ellipsis: true });
    doc
      .font('regular')
      .fontSize(8)
      .text('Логин:', x, y + 50);
    doc
      .font('mono')
      .fontSize(13)
      .text(item.login, x + 42, y + 47);
    doc
      .font('regular')
      .fontSize(8)
      .text('Пароль:', x, y + 70);
    doc
      .font('mono')
      .fontSize(13)
      .text(item.password, x + 42, y + 67);
    doc
      .font('regular')
      .fontSize(6.5)
      .fillColor('#333')
      .text(
        `Вход: ${ctx.siteUrl}. При первом входе пароль нужно сменить. Регистр букв важен. ` +
          `Не пересылайте логин и пароль по электронной почте и мессенджерам. Поддержка: ${ctx.supportContact}`,
        x,
        y + 90,
        { width: w },
      )
      .text(`Выдано ${date} (МСК), ${ctx.issuerLogin}`, x, y + cardH - 10 * MM - 9, { width: w });
  });
  if (items.length === 0) doc.font('regular').fontSize(12).text('Нет реквизитов', MARGIN, MARGIN);
  doc.end();
  return done;
}

function drawCutLines(doc: PDFKit.PDFDocument, pageW: number, pageH: number, cardW: number, cardH: number) {
  doc.save().lineWidth(0.5).strokeColor('#888').dash(4, { space: 3 });
  for (let c = 0; c <= COLS; c++) {
    const x = MARGIN + c * cardW;
    doc
      .moveTo(x, MARGIN - 4 * MM)
      .lineTo(x, pageH - MARGIN + 4 * MM)
      .stroke();
  }
  for (let r = 0; r <= ROWS; r++) {
    const y = MARGIN + r * cardH;
    doc
      .moveTo(MARGIN - 4 * MM, y)
      .lineTo(pageW - MARGIN + 4 * MM, y)
      .stroke();
  }
  doc.undash().restore();
  doc
    .font('regular')
    .fontSize(6)
    .fillColor('#888')
    .text('✂ разрезать по пунктиру', MARGIN, MARGIN - 7 * MM);
}
