import { describe, expect, it } from 'vitest';
import { collapse, inspectPdf } from './pdf-inspect.testing.ts';
import { testPng } from './png.testing.ts';
import type { MaterialsHeader, VariantTask } from './types.ts';
import { renderVariantPdf } from './variant.pdf.ts';

const header: MaterialsHeader = {
  campaignTitle: 'ВПР весна 2027',
  subjectCode: 'РУ',
  subjectName: 'Русский язык',
  grade: 5,
  orgLogin: 'sch770123',
};
const sentence = 'Прочитайте текст и спишите его, раскрывая скобки и вставляя пропущенные буквы. ';

function tasks(count: number, textLength = 300): VariantTask[] {
  return Array.from({ length: count }, (_, i) => ({
    number: String(i + 1),
    maxScore: (i % 3) + 1,
    text: `Слово${i + 1} ${sentence.repeat(Math.ceil(textLength / sentence.length))}`.slice(0, textLength),
  }));
}

describe('renderVariantPdf', () => {
  it('writes an A4 portrait PDF', async () => {
    const pdf = await renderVariantPdf(header, 1, tasks(3));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const page of inspectPdf(pdf)) expect(page.mediaBox).toEqual([0, 0, 595.28, 841.89]);
  });

  it('repeats the header with the code box and the numbered footer on every page', async () => {
    const pages = inspectPdf(await renderVariantPdf(header, 2, tasks(12)));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      for (const text of ['ВПР', 'Русский язык', '5 класс', 'Вариант 2', 'Код участника']) {
        expect(page.text).toContain(text);
      }
      expect(page.text).toContain(`sch770123 · стр. ${i + 1} из ${pages.length}`);
    });
  });

  it('prints every task in order with its maximum score and answer lines', async () => {
    const input = tasks(12);
    const text = inspectPdf(await renderVariantPdf(header, 1, input))
      .map((p) => p.text)
      .join(' ');
    let at = 0;
    for (const task of input) {
      const title = text.indexOf(`Задание ${task.number} (макс. ${task.maxScore} б.)`, at);
      expect(title, `Задание ${task.number}`).toBeGreaterThanOrEqual(at);
      const body = text.indexOf(`Слово${task.number} Прочитайте`, title);
      expect(body).toBeGreaterThan(title);
      at = text.indexOf('Ответ:', body);
      expect(at).toBeGreaterThan(body);
    }
  });

  it('grows with content and carries a long task over pages without losing a word', async () => {
    const short = inspectPdf(await renderVariantPdf(header, 1, tasks(12))).length;
    const long = inspectPdf(await renderVariantPdf(header, 1, tasks(24))).length;
    expect(long).toBeGreaterThan(short);

    const words = Array.from({ length: 900 }, (_, i) => `сл${i}`);
    const pages = inspectPdf(await renderVariantPdf(header, 1, [{ number: '7', maxScore: 2, text: words.join(' ') }]));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]?.text).toContain('Задание 7 (продолжение)');
    const printed = pages.flatMap(
      (p) =>
        p.runs
          .map((r) => r.text)
          .join(' ')
          .match(/сл\d+/g) ?? [],
    );
    expect(printed).toEqual(words);
  });

  it('keeps body text between the header rule and the footer', async () => {
    const pages = inspectPdf(await renderVariantPdf(header, 1, tasks(20, 500)));
    for (const page of pages) {
      const body = page.runs.filter((r) => /^(Задание|Слово|Ответ|Прочитайте)/.test(r.text));
      expect(body.length).toBeGreaterThan(0);
      for (const run of body) {
        expect(run.y).toBeGreaterThan(96);
        expect(run.y).toBeLessThan(841.89 - 40);
      }
    }
  });

  it('places a picture, and rejects a file that is not PNG or JPEG naming the task', async () => {
    const withImage = await renderVariantPdf(header, 1, [
      { number: '3', maxScore: 1, text: 'Рассмотрите рисунок.', image: testPng(40, 20) },
    ]);
    expect(withImage.toString('latin1')).toMatch(/\/Subtype \/Image/);
    await expect(
      renderVariantPdf(header, 1, [{ number: '3', maxScore: 1, text: 'Рисунок', image: Buffer.from('GIF89a...') }]),
    ).rejects.toThrow('Задание 3: рисунок должен быть в формате PNG или JPEG.');
  });

  it('prints a single page saying so when the variant has no tasks', async () => {
    const pages = inspectPdf(await renderVariantPdf(header, 1, []));
    expect(pages).toHaveLength(1);
    expect(collapse(pages[0]?.text ?? '')).toContain('В варианте нет заданий.');
  });
});
