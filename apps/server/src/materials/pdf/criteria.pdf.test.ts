import { describe, expect, it } from 'vitest';
import { renderCriteriaPdf } from './criteria.pdf.ts';
import { inspectPdf } from './pdf-inspect.testing.ts';
import type { CriteriaTask, MaterialsHeader } from './types.ts';

const header: MaterialsHeader = {
  campaignTitle: 'ВПР весна 2027',
  subjectCode: 'МА',
  subjectName: 'Математика',
  grade: 6,
  orgLogin: 'sch500001',
};

function tasks(variant: number, count = 12): CriteriaTask[] {
  return Array.from({ length: count }, (_, i) => ({
    number: i === 4 ? '5К1' : String(i + 1),
    maxScore: (i % 3) + 1,
    answer: `ответ-${variant}-${i + 1}`,
    criteria: `Критерий ${variant}.${i + 1}: верно выполнены все условия — 2 балла, допущена одна ошибка — 1 балл.`,
  }));
}

describe('renderCriteriaPdf', () => {
  it('writes an A4 PDF with the organizer notice, header and footer on every page', async () => {
    const pdf = await renderCriteriaPdf(header, [
      { variant: 1, tasks: tasks(1, 30) },
      { variant: 2, tasks: tasks(2, 30) },
    ]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = inspectPdf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page.mediaBox).toEqual([0, 0, 595.28, 841.89]);
      for (const text of ['ВПР', 'Математика', '6 класс', 'Для организатора.', 'Не выдавать участникам.']) {
        expect(page.text).toContain(text);
      }
      expect(page.text).toContain(`sch500001 · стр. ${i + 1} из ${pages.length}`);
      expect(page.text).not.toContain('Код участника');
    });
  });

  it('prints a section and a table row per task for each variant', async () => {
    const pages = inspectPdf(
      await renderCriteriaPdf(
        header,
        [1, 2].map((v) => ({ variant: v, tasks: tasks(v) })),
      ),
    );
    const text = pages.map((p) => p.text).join(' ');
    expect(text).toContain('Критерии оценивания');
    for (const title of ['Задание', 'Макс.', 'балл', 'Ответ', 'Критерии']) expect(text).toContain(title);
    const second = text.indexOf('Вариант 2');
    expect(text.indexOf('Вариант 1')).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(text.indexOf('Вариант 1'));
    for (const v of [1, 2]) {
      for (const t of tasks(v)) {
        const at = text.indexOf(t.answer);
        expect(at, t.answer).toBeGreaterThan(-1);
        expect(v === 1 ? at < second : at > second).toBe(true);
        expect(text).toContain(`Критерий ${v}.`);
      }
    }
  });

  it('splits a criterion longer than a page and repeats the table header and the task number', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `к${i}`);
    const pages = inspectPdf(
      await renderCriteriaPdf(header, [
        { variant: 1, tasks: [{ number: '9', maxScore: 3, answer: '42', criteria: words.join(' ') }] },
      ]),
    );
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(1)) {
      const runs = page.runs.map((r) => r.text);
      expect(runs).toContain('Макс.');
      expect(runs).toContain('9');
    }
    const printed = pages.flatMap(
      (p) =>
        p.runs
          .map((r) => r.text)
          .join(' ')
          .match(/к\d+/g) ?? [],
    );
    expect(printed).toEqual(words);
  });

  it('has more pages for more variants', async () => {
    const one = inspectPdf(await renderCriteriaPdf(header, [{ variant: 1, tasks: tasks(1, 40) }])).length;
    const three = inspectPdf(
      await renderCriteriaPdf(
        header,
        [1, 2, 3].map((v) => ({ variant: v, tasks: tasks(v, 40) })),
      ),
    ).length;
    expect(three).toBeGreaterThan(one);
  });
});
