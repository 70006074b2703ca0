import { describe, expect, it } from 'vitest';
import { checkTemplate } from './template-check.ts';
import { TEST_TEMPLATE } from './template.fixture.ts';
import { FormTemplate } from './template.ts';

describe('checkTemplate', () => {
  it('passes the test form, which its schema accepts too', () => {
    expect(FormTemplate.parse(TEST_TEMPLATE)).toEqual(TEST_TEMPLATE);
    expect(checkTemplate(TEST_TEMPLATE)).toEqual([]);
  });

  it('names every broken reference and every name the XLSX could not tell apart', () => {
    const broken: FormTemplate = {
      code: 'x',
      title: 'Сломанная',
      instruction: '',
      dictionaries: { d: ['Да', 'да'] },
      sheets: [
        {
          key: 's',
          title: 'Лист',
          rows: {
            mode: 'fixed',
            labelTitle: 'Класс',
            rows: [
              { key: 'a', label: '4А' },
              { key: 'a', label: '4A' },
            ],
          },
          columns: [
            { key: 'l', title: 'Класс', kind: 'list', list: 'nope' },
            { key: 'p', title: 'П', kind: 'prefill' },
            { key: 't', title: 'Т', kind: 'text', pattern: '(' },
            { key: 'n', title: 'Н', kind: 'integer', min: 5, max: 1 },
            { key: 'c', title: 'С', kind: 'computed', sumOf: ['t', 'zz', 'c'] },
          ],
          rules: [{ if: { column: 'q', op: 'gt' }, then: { column: 'n', op: 'lt', value: [1] }, message: 'м' }],
        },
        { key: 's', title: 'лист', rows: { mode: 'free', max: 1 }, columns: [{ key: 'a', title: 'A', kind: 'text' }] },
      ],
    };
    expect(checkTemplate(broken)).toEqual([
      'Ключ листа «s» повторяется',
      'Имя листа «лист» повторяется (Excel не различает регистр)',
      'Лист «Лист»: заголовок «класс» повторяется — в XLSX столбцы не различить',
      'Лист «Лист», столбец «Класс»: нет справочника «nope»',
      'Лист «Лист», столбец «П»: не указано, чем заполнять (prefill)',
      'Лист «Лист», столбец «Т»: неверное регулярное выражение «(»',
      'Лист «Лист», столбец «Н»: минимум больше максимума',
      'Лист «Лист», столбец «С»: столбец «Т» не числовой',
      'Лист «Лист», столбец «С»: в сумме нет столбца «zz»',
      'Лист «Лист», столбец «С»: сумма ссылается сама на себя',
      'Лист «Лист», правило 1: нет столбца «q»',
      'Лист «Лист», правило 1: для сравнения «gt» нужно значение или другой столбец',
      'Лист «Лист», правило 1: список значений допустим только для «in»',
      'Лист «Лист»: ключ строки «a» повторяется',
      'Лист «Лист»: подписи строк совпадают («4a») — в XLSX строки не различить',
      'Справочник «d»: пункт «да» повторяется',
    ]);
  });
});
