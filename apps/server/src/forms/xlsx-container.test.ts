import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { cfbEntryNames } from './cfb-directory.ts';
import { writeFormXlsx } from './form-xlsx-writer.ts';
import { legacyXls, passwordProtectedXlsx, patchDeclaredSize, rezip, zeros, zipFiles } from './forms-test-files.ts';
import { SAMPLE_TEMPLATE } from './sample-template.ts';
import {
  CONTAINER_MESSAGES,
  describeXlsxContainer,
  inspectXlsxContainer,
  verifyDeclaredSizes,
} from './xlsx-container.ts';
import { neutralizeFormula, restoreNeutralized } from './xlsx-safety.ts';
import { readZipDirectory } from './zip-directory.ts';

const refusal = (bytes: Buffer, limits?: Parameters<typeof inspectXlsxContainer>[1]): string => {
  const r = inspectXlsxContainer(bytes, limits);
  if (r.ok) throw new Error('expected a refusal');
  return r.message;
};

describe('inspectXlsxContainer', () => {
  it('accepts a workbook written by the engine', async () => {
    expect(inspectXlsxContainer(await writeFormXlsx(SAMPLE_TEMPLATE, {}))).toEqual({ ok: true });
  });

  it('refuses an empty file', () => {
    expect(refusal(Buffer.alloc(0))).toBe(CONTAINER_MESSAGES.empty);
    expect(CONTAINER_MESSAGES.empty).toMatch(/^Файл пуст/);
  });

  it('recognises an old .xls renamed to .xlsx', () => {
    expect(cfbEntryNames(legacyXls())).toEqual(['Root Entry', 'Workbook']);
    expect(refusal(legacyXls())).toBe(
      'Это файл старого формата .xls: сохраните его как «Книга Excel (.xlsx)» (Файл → Сохранить как) и загрузите снова',
    );
    // a damaged compound file is still an old Office file, not a mystery
    const damaged = Buffer.concat([legacyXls().subarray(0, 600), Buffer.alloc(100)]);
    expect(refusal(damaged)).toBe(CONTAINER_MESSAGES.xls);
  });

  it('recognises a password-protected workbook by its EncryptionInfo stream', () => {
    const bytes = passwordProtectedXlsx();
    expect(cfbEntryNames(bytes)).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
    expect(refusal(bytes)).toBe(
      'Файл защищён паролем: снимите пароль (Файл → Сведения → Защита книги) и загрузите снова',
    );
  });

  it('recognises CSV, HTML and XML saved with an .xlsx name', () => {
    const csv = Buffer.from('Класс;Обучающихся;Участников\r\n4А;25;20\r\n', 'utf8');
    expect(refusal(csv)).toMatch(/^Это не файл Excel \(\.xlsx\), а текстовый файл \(CSV\?\)/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Класс\tОбучающихся\r\n', 'utf16le')]);
    expect(refusal(utf16)).toBe(CONTAINER_MESSAGES.csv);
    expect(refusal(Buffer.from('<html><body><table><tr><td>4А</td></tr></table></body></html>'))).toBe(
      CONTAINER_MESSAGES.html,
    );
    expect(
      refusal(Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>')),
    ).toBe(CONTAINER_MESSAGES.xml);
  });

  it('calls binary junk and truncated ZIPs corrupted', async () => {
    expect(refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0, 0]))).toBe(CONTAINER_MESSAGES.corrupt);
    const xlsx = await writeFormXlsx(SAMPLE_TEMPLATE, {});
    expect(refusal(xlsx.subarray(0, xlsx.length - 40))).toBe(CONTAINER_MESSAGES.corrupt);
    expect(CONTAINER_MESSAGES.corrupt).toMatch(/^Файл повреждён или не является книгой Excel \(\.xlsx\)/);
  });

  it('tells a ZIP that is not a workbook from an .ods, an .xlsb and a .docx', async () => {
    expect(refusal(await zipFiles([['readme.txt', 'привет']]))).toBe(CONTAINER_MESSAGES.zip);
    expect(
      refusal(
        await zipFiles([
          ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
          ['content.xml', '<x/>'],
        ]),
      ),
    ).toBe(CONTAINER_MESSAGES.ods);
    expect(refusal(await zipFiles([['xl/workbook.bin', 'x']]))).toBe(CONTAINER_MESSAGES.xlsb);
    expect(refusal(await zipFiles([['word/document.xml', '<w/>']]))).toBe(CONTAINER_MESSAGES.docx);
  });

  it('refuses a ZIP bomb: a 300 MB entry of zeros packed by zip.js', async () => {
    const xlsx = await writeFormXlsx(SAMPLE_TEMPLATE, {});
    const bomb = await rezip(xlsx, { 'xl/media/zeros.bin': zeros(300 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const entry = readZipDirectory(bomb)!.find((e) => e.name === 'xl/media/zeros.bin')!;
    expect(entry.uncompressedSize).toBe(300 * 1024 * 1024);
    expect(refusal(bomb)).toMatch(
      /^Часть файла «xl\/media\/zeros\.bin» сжата в \d+ раз \(допускается не больше 200\).*ZIP-бомбу/,
    );
  }, 60_000);

  it('refuses a book whose declared unpacked size is over the limit', async () => {
    const xlsx = await writeFormXlsx(SAMPLE_TEMPLATE, {});
    expect(refusal(xlsx, { maxUncompressedBytes: 20_000 })).toMatch(
      /^Файл после распаковки занял бы \d+ МБ — больше допустимых 1 МБ\. Похоже на «ZIP-бомбу»/,
    );
  });

  it('reads the directory without inflating, and catches an entry that lies about its size', async () => {
    const xlsx = await writeFormXlsx(SAMPLE_TEMPLATE, {});
    const d = describeXlsxContainer(xlsx);
    expect(d.ok && verifyDeclaredSizes(xlsx, d.entries)).toEqual({ ok: true });
    const lying = patchDeclaredSize(xlsx, 'xl/sharedStrings.xml', 100);
    const ld = describeXlsxContainer(lying);
    if (!ld.ok) throw new Error(ld.message);
    const v = verifyDeclaredSizes(lying, ld.entries);
    expect(v).toEqual({
      ok: false,
      message:
        'Часть файла «xl/sharedStrings.xml» при распаковке больше заявленного размера: файл похож на «ZIP-бомбу» и не принимается',
    });
  });
});

describe('readZipDirectory', () => {
  const viaZipJs = async (bytes: Uint8Array) => {
    const reader = new ZipReader(new Uint8ArrayReader(bytes), { useWebWorkers: false });
    const entries = (await reader.getEntries()).map((e) => [e.filename, e.compressedSize, e.uncompressedSize]);
    await reader.close();
    return entries;
  };
  const ours = (bytes: Buffer) => readZipDirectory(bytes)!.map((e) => [e.name, e.compressedSize, e.uncompressedSize]);

  it('reads the same entries and sizes as zip.js, without inflating', async () => {
    const xlsx = await writeFormXlsx(SAMPLE_TEMPLATE, {});
    expect(ours(xlsx)).toEqual(await viaZipJs(xlsx));
    expect(ours(xlsx).length).toBeGreaterThan(8);
  });

  it('reads ZIP64 archives', async () => {
    const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, zip64: true });
    await writer.add('xl/workbook.xml', new Uint8ArrayReader(new TextEncoder().encode('<workbook/>')));
    await writer.add('a.txt', new Uint8ArrayReader(new Uint8Array(5000).fill(65)));
    const zip64 = Buffer.from(await writer.close());
    expect(ours(zip64)).toEqual(await viaZipJs(zip64));
    expect(ours(zip64)).toEqual([
      ['xl/workbook.xml', expect.any(Number), 11],
      ['a.txt', expect.any(Number), 5000],
    ]);
  });
});

describe('neutralizeFormula', () => {
  it('prefixes an apostrophe to text a spreadsheet could run, and only to it', () => {
    for (const s of ['=1+2', '+7 900', '-5', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil")']) {
      expect(neutralizeFormula(s)).toBe(`'${s}`);
      expect(restoreNeutralized(neutralizeFormula(s))).toBe(s);
    }
    for (const s of ['Иванова', '5', '', "'quoted", 'a=b']) expect(neutralizeFormula(s)).toBe(s);
    expect(restoreNeutralized("'quoted")).toBe("'quoted");
  });
});
