import { describe, expect, it } from 'vitest';
import { inspectPdf } from './pdf-inspect.testing.ts';
import { renderProtocolPdf } from './protocol.pdf.ts';

function codes(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(40001 + i));
}

const input = {
  campaignTitle: 'ВПР весна 2027',
  orgLogin: 'sch770123',
  orgName: 'МБОУ «СОШ № 12»',
  grade: 4,
  subjects: [
    { code: 'РУ', name: 'Русский язык' },
    { code: 'МА', name: 'Математика' },
    { code: 'ОМ', name: 'Окружающий мир' },
  ],
};

describe('renderProtocolPdf', () => {
  it('writes a landscape A4 PDF with the title, school, grade and the note about names', async () => {
    const pdf = await renderProtocolPdf({ ...input, codes: codes(10) });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [page] = inspectPdf(pdf);
    expect(page?.mediaBox).toEqual([0, 0, 841.89, 595.28]);
    for (const text of [
      'Бумажный протокол проведения ВПР',
      'МБОУ «СОШ № 12»',
      'sch770123',
      '4 класс',
      'Протокол хранится в ОО. ФИО участников в систему не передаются.',
      'РУ — Русский язык',
    ]) {
      expect(page?.text).toContain(text);
    }
  });

  it('repeats the header row on every page and lists every code once, in order', async () => {
    const few = inspectPdf(await renderProtocolPdf({ ...input, codes: codes(30) }));
    const pages = inspectPdf(await renderProtocolPdf({ ...input, codes: codes(250) }));
    expect(pages.length).toBeGreaterThan(few.length);
    pages.forEach((page, i) => {
      const runs = page.runs.map((r) => r.text);
      for (const title of ['№', 'Код участника', 'ФИО участника', 'Класс', 'Вариант', 'РУ', 'МА', 'ОМ']) {
        expect(runs, `page ${i + 1}`).toContain(title);
      }
      expect(page.text).toContain(`sch770123 · стр. ${i + 1} из ${pages.length}`);
    });
    const printed = pages.flatMap((p) => p.runs.filter((r) => /^4\d{4}$/.test(r.text)).map((r) => r.text));
    expect(printed).toEqual(codes(250));
  });

  it('leaves the name, class, variant and subject cells blank with room for handwriting', async () => {
    const [page] = inspectPdf(await renderProtocolPdf({ ...input, codes: codes(8) }));
    const runs = page?.runs ?? [];
    const codeRuns = runs.filter((r) => /^4\d{4}$/.test(r.text));
    const nameTitle = runs.find((r) => r.text === 'ФИО участника');
    expect(codeRuns).toHaveLength(8);
    for (let i = 1; i < codeRuns.length; i++) {
      expect(codeRuns[i]!.y - codeRuns[i - 1]!.y).toBeGreaterThanOrEqual(24);
    }
    // Below the header row only the row number and the code are printed.
    const inRows = runs.filter((r) => r.y > (nameTitle?.y ?? 0) + 5 && r.y <= codeRuns.at(-1)!.y + 5);
    expect(inRows.map((r) => r.text).sort()).toEqual([...codes(8), ...codes(8).map((_, i) => String(i + 1))].sort());
  });
});
