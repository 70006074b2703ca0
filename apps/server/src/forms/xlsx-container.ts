import { cfbEntryNames, isCfb, isEncryptedOfficeFile } from './cfb-directory.ts';
import { inflateEntry, readZipDirectory, type ZipEntryInfo } from './zip-directory.ts';

/**
 * The first look at an uploaded "XLSX", before exceljs touches it: is it a workbook at all, an old .xls, a
 * password-protected book, a CSV with the wrong extension, or a ZIP bomb? Each answer is a Russian message
 * the user can act on. Only the ZIP central directory is read here; nothing is inflated.
 */

export interface ContainerLimits {
  /** sum of the declared unpacked sizes of all entries */
  maxUncompressedBytes?: number;
  /** unpacked ÷ packed size of any one large entry */
  maxRatio?: number;
}

export type ContainerCheck = { ok: true } | { ok: false; message: string };

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024;
export const DEFAULT_MAX_RATIO = 200;
/** Small parts (styles, a sheet of empty formatted cells) compress far better than 200:1 and harm no one. */
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;

const SAVE_AS_XLSX = 'откройте его в Excel и сохраните как «Книга Excel (.xlsx)», затем загрузите снова';

export const CONTAINER_MESSAGES = {
  empty: 'Файл пуст: в нём нет ни одного байта. Выберите заполненную книгу Excel (.xlsx)',
  encrypted: 'Файл защищён паролем: снимите пароль (Файл → Сведения → Защита книги) и загрузите снова',
  xls: 'Это файл старого формата .xls: сохраните его как «Книга Excel (.xlsx)» (Файл → Сохранить как) и загрузите снова',
  cfbOther:
    'Это не книга Excel (.xlsx), а документ старого формата Office: сохраните таблицу как «Книга Excel (.xlsx)»',
  csv: `Это не файл Excel (.xlsx), а текстовый файл (CSV?): ${SAVE_AS_XLSX}`,
  html: `Это не файл Excel (.xlsx), а текстовый файл (веб-страница HTML с таблицей): ${SAVE_AS_XLSX}`,
  xml: `Это не файл Excel (.xlsx), а текстовый файл (XML, «Таблица XML 2003»?): ${SAVE_AS_XLSX}`,
  corrupt: 'Файл повреждён или не является книгой Excel (.xlsx): откройте его в Excel, сохраните заново и загрузите',
  ods: 'Это таблица LibreOffice/OpenOffice (.ods), а не книга Excel: выберите Файл → Сохранить как → «Книга Excel 2007-365 (.xlsx)»',
  xlsb: 'Это двоичная книга Excel (.xlsb): сохраните её как «Книга Excel (.xlsx)» и загрузите снова',
  docx: 'Это документ Word, а не книга Excel (.xlsx)',
  zip: 'Это ZIP-архив, а не книга Excel (.xlsx): загрузите саму книгу, а не архив с ней',
  zipEncrypted: 'Части файла зашифрованы: снимите пароль с книги и сохраните её заново как «Книга Excel (.xlsx)»',
} as const;

function mb(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} МБ`;
}

function textKind(buf: Buffer): 'csv' | 'html' | 'xml' | null {
  const sample = buf.subarray(0, 4096);
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  let text: string;
  if (utf16) {
    text = sample.subarray(2).toString('utf16le');
  } else {
    let control = 0;
    for (const b of sample) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) control++;
    if (control > sample.length / 100) return null;
    text = sample.toString('utf8');
  }
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 2000)
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<table')) return 'html';
  if (head.startsWith('<?xml') || head.startsWith('<')) return 'xml';
  return 'csv';
}

function notXlsxZip(entries: ZipEntryInfo[]): string {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') || names.has('content.xml')) return CONTAINER_MESSAGES.ods;
  if (names.has('xl/workbook.bin')) return CONTAINER_MESSAGES.xlsb;
  if (names.has('word/document.xml')) return CONTAINER_MESSAGES.docx;
  return CONTAINER_MESSAGES.zip;
}

function bombMessage(entries: ZipEntryInfo[], limits: ContainerLimits): string | null {
  const maxTotal = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const maxRatio = limits.maxRatio ?? DEFAULT_MAX_RATIO;
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize >= RATIO_CHECK_FROM_BYTES && ratio > maxRatio) {
      return (
        `Часть файла «${e.name}» сжата в ${Math.round(ratio)} раз (допускается не больше ${maxRatio}): ` +
        'такой файл похож на «ZIP-бомбу» и не принимается. Если это ваша таблица, удалите лишние пустые строки ' +
        'и столбцы с оформлением и сохраните книгу заново'
      );
    }
  }
  if (total > maxTotal) {
    return (
      `Файл после распаковки занял бы ${mb(total)} — больше допустимых ${mb(maxTotal)}. Похоже на «ZIP-бомбу» ` +
      'или на книгу с огромным количеством лишних строк: удалите лишнее и загрузите снова'
    );
  }
  return null;
}

export type ContainerDescription = { ok: true; entries: ZipEntryInfo[] } | { ok: false; message: string };

/** inspectXlsxContainer, also handing back the ZIP entries to callers that look further. */
export function describeXlsxContainer(bytes: Buffer, limits: ContainerLimits = {}): ContainerDescription {
  if (bytes.length === 0) return { ok: false, message: CONTAINER_MESSAGES.empty };
  if (isCfb(bytes)) {
    if (isEncryptedOfficeFile(bytes)) return { ok: false, message: CONTAINER_MESSAGES.encrypted };
    const names = cfbEntryNames(bytes);
    const isWorkbook = !names || names.includes('Workbook') || names.includes('Book');
    return { ok: false, message: isWorkbook ? CONTAINER_MESSAGES.xls : CONTAINER_MESSAGES.cfbOther };
  }
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    const kind = textKind(bytes);
    return { ok: false, message: kind ? CONTAINER_MESSAGES[kind] : CONTAINER_MESSAGES.corrupt };
  }
  const entries = readZipDirectory(bytes);
  if (!entries) return { ok: false, message: CONTAINER_MESSAGES.corrupt };
  const bomb = bombMessage(entries, limits);
  if (bomb) return { ok: false, message: bomb };
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) return { ok: false, message: notXlsxZip(entries) };
  if (entries.some((e) => e.flags & 0x1)) return { ok: false, message: CONTAINER_MESSAGES.zipEncrypted };
  if (entries.some((e) => e.method !== 0 && e.method !== 8)) return { ok: false, message: CONTAINER_MESSAGES.corrupt };
  return { ok: true, entries };
}

/** Refuses what is not a sound XLSX (see CONTAINER_MESSAGES and the ZIP-bomb limits) with a Russian message. */
export function inspectXlsxContainer(bytes: Buffer, limits?: ContainerLimits): ContainerCheck {
  const d = describeXlsxContainer(bytes, limits);
  return d.ok ? { ok: true } : d;
}

/**
 * The directory's sizes are only claims. Before a library inflates the whole book, unpack each entry with a
 * hard cap at its declared size: a part that lies about its size is refused instead of filling memory.
 * `visit` sees each inflated part (the reader looks for merged cells in sheet parts on the same pass).
 */
export function verifyDeclaredSizes(
  bytes: Buffer,
  entries: ZipEntryInfo[],
  visit?: (entry: ZipEntryInfo, data: Buffer) => void,
): ContainerCheck {
  for (const e of entries) {
    const r = inflateEntry(bytes, e, e.uncompressedSize);
    if (r.ok) visit?.(e, r.data);
    else {
      return {
        ok: false,
        message:
          r.reason === 'too-big'
            ? `Часть файла «${e.name}» при распаковке больше заявленного размера: файл похож на «ZIP-бомбу» и не принимается`
            : CONTAINER_MESSAGES.corrupt,
      };
    }
  }
  return { ok: true };
}
