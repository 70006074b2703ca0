import { describe, expect, it } from 'vitest';
import { renderCodeSlipsPdf } from './code-slips.pdf.ts';
import { inspectPdf } from './pdf-inspect.testing.ts';

function codes(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(50001 + i));
}

const input = {
  campaignTitle: 'ВПР весна 2027',
  orgLogin: 'sch770123',
  orgName: 'МБОУ «Средняя школа № 12»',
  grade: 5,
};

describe('renderCodeSlipsPdf', () => {
  it.each([
    [1, 1],
    [30, 1],
    [31, 2],
    [250, 9],
  ])('prints %i codes on %i A4 page(s), each code once, in order', async (count, pageCount) => {
    const pdf = await renderCodeSlipsPdf({ ...input, codes: codes(count) });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = inspectPdf(pdf);
    expect(pages).toHaveLength(pageCount);
    const printed = pages.flatMap((p) => p.runs.filter((r) => /^\d{5}$/.test(r.text)).map((r) => r.text));
    expect(printed).toEqual(codes(count));
    for (const page of pages) expect(page.mediaBox).toEqual([0, 0, 595.28, 841.89]);
  });

  it('marks each slip and page: caption, campaign · grade · login, scissors hint, dashed cut lines', async () => {
    const pages = inspectPdf(await renderCodeSlipsPdf({ ...input, codes: codes(45) }));
    pages.forEach((page, i) => {
      expect(page.text).toContain('Разрежьте по пунктиру');
      expect(page.text).toContain('МБОУ «Средняя школа № 12»');
      expect(page.text).toContain(`sch770123 · стр. ${i + 1} из 2`);
      expect(page.content).toMatch(/\[4 3\] 0 d/);
    });
    const captions = pages.flatMap((p) => p.runs.filter((r) => r.text === 'Код участника'));
    expect(captions).toHaveLength(45);
    const meta = pages.flatMap((p) => p.runs.filter((r) => r.text.includes('ВПР весна 2027')));
    expect(meta).toHaveLength(45);
    expect(meta[0]?.text).toContain('5 класс');
  });

  it('draws the code large and bold, a row of three slips side by side', async () => {
    const [page] = inspectPdf(await renderCodeSlipsPdf({ ...input, codes: codes(3) }));
    const slips = page?.runs.filter((r) => /^\d{5}$/.test(r.text)) ?? [];
    expect(slips.map((s) => s.size)).toEqual([24, 24, 24]);
    expect(new Set(slips.map((s) => s.y)).size).toBe(1);
    expect(slips[0]!.x).toBeLessThan(slips[1]!.x);
    expect(slips[1]!.x).toBeLessThan(slips[2]!.x);
  });

  it('prints one page saying there are no codes', async () => {
    const pages = inspectPdf(await renderCodeSlipsPdf({ ...input, codes: [] }));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.text).toContain('Нет кодов участников.');
  });
});
