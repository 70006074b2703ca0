import { computeForm, initialData, type FormData, type FormIssue } from '@oko/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFormXlsx, type ReadFormResult } from './form-xlsx-reader.ts';
import { writeFormXlsx } from './form-xlsx-writer.ts';
import {
  editXlsx,
  legacyXls,
  passwordProtectedXlsx,
  patchDeclaredSize,
  rezip,
  sheet,
  unzipAll,
} from './forms-test-files.ts';
import { SAMPLE_TEMPLATE, sampleResultsData, sampleResultsTemplate } from './sample-template.ts';
import { CONTAINER_MESSAGES } from './xlsx-container.ts';

const T = SAMPLE_TEMPLATE;
const ORG = {
  login: 'sch390001',
  orgCode: '390001',
  fullName: 'МБОУ «Школа № 1»',
  shortName: 'Школа № 1',
  regionCode: '39',
  regionName: 'Калининградская область',
  municipalityName: 'Калининград',
};

function sampleData(): FormData {
  const data = initialData(T, ORG);
  data.classes = [
    { ...data.classes![0]!, students: 25, participants: 20, language: 'Русский', hoursRu: '5', hoursMath: 'X' },
    { ...data.classes![1]!, students: 22, participants: 0, hoursRu: '4', hoursMath: '4' },
    { ...data.classes![2]!, students: 30 },
  ];
  data.staff = [
    { login: ORG.login, fio: 'Иванова Мария Петровна', birthDate: '1980-05-17', rate: 1.25, category: 'Высшая' },
    { login: ORG.login, fio: '-Петров', birthDate: null, rate: 0.5, category: null },
  ];
  return computeForm(T, data);
}

let blank: Buffer;
let filled: Buffer;

beforeAll(async () => {
  blank = await writeFormXlsx(T, initialData(T, ORG));
  filled = await writeFormXlsx(T, sampleData());
});

async function read(bytes: Buffer): Promise<ReadFormResult> {
  return readFormXlsx(T, bytes, { org: ORG });
}

async function refused(bytes: Buffer): Promise<{ message: string; issues: FormIssue[] }> {
  const r = await read(bytes);
  if (r.ok) throw new Error('the file was accepted');
  return r;
}

async function accepted(bytes: Buffer): Promise<FormData> {
  const r = await read(bytes);
  if (!r.ok) throw new Error(`${r.message}\n${JSON.stringify(r.issues, null, 1)}`);
  return r.data;
}

describe('round trip', () => {
  it('reads back exactly what the writer wrote', async () => {
    expect(await accepted(filled)).toEqual(sampleData());
  });

  it('reads a blank form as the initial data', async () => {
    const r = await readFormXlsx(T, blank, { org: ORG });
    // a blank fixed sheet breaks `required`: every «Обучающихся» is named
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.cell)).toEqual(['B2', 'B3', 'B4']);
    expect(r.message).toBe(
      'Файл не принят: 3 ошибки. Первая — лист «Классы», ячейка B2: Обязательное поле: заполните ячейку',
    );
  });

  it('never trusts prefill or computed cells of the file', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Кадры').getCell('A2').value = 'sch000000';
      sheet(wb, 'Классы').getCell('G2').value = { formula: '100+1', result: 101 } as never;
    });
    const data = await accepted(bytes);
    expect(data.staff![0]!.login).toBe('sch390001');
    expect(data.classes![0]!.hoursTotal).toBe(5);
    const noOrg = await readFormXlsx(T, bytes);
    expect(noOrg.ok && noOrg.data.staff![0]!.login).toBeNull();
  });
});

describe('sheets', () => {
  it('refuses a missing sheet, listing the sheets found', async () => {
    const bytes = await editXlsx(filled, (wb) => wb.removeWorksheet(sheet(wb, 'Кадры').id));
    const r = await refused(bytes);
    expect(r.issues).toEqual([
      {
        sheet: 'Кадры',
        row: 0,
        column: null,
        cell: null,
        message:
          'Нет листа «Кадры»: в файле листы «Инструкция», «Классы», «Служебный». Не переименовывайте и не удаляйте листы бланка — скачайте бланк заново',
      },
    ]);
    expect(r.message).toMatch(/^Файл не принят: 1 ошибка\. Лист «Кадры»: Нет листа «Кадры»/);
  });

  it('treats a renamed sheet as missing, and points out a mere change of case', async () => {
    const renamed = await editXlsx(filled, (wb) => {
      sheet(wb, 'Классы').name = 'Лист1';
    });
    expect((await refused(renamed)).issues[0]!.message).toMatch(
      /^Нет листа «Классы»: в файле листы «Инструкция», «Лист1»/,
    );
    // exceljs will not rename a sheet by case alone: edit the workbook part as Excel would save it
    const workbookXml = new TextDecoder().decode((await unzipAll(filled)).get('xl/workbook.xml'));
    const lower = await rezip(filled, { 'xl/workbook.xml': workbookXml.replace('name="Классы"', 'name="классы"') });
    expect((await refused(lower)).issues[0]).toMatchObject({
      sheet: 'Классы',
      message: 'Лист называется «классы», а должен называться «Классы»: верните листу прежнее имя',
    });
  });
});

describe('headers', () => {
  it('refuses moved columns, saying which cell holds what and where the expected one went', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      const ws = sheet(wb, 'Классы');
      for (let r = 1; r <= 4; r++) {
        const b = ws.getCell(`B${r}`).value;
        ws.getCell(`B${r}`).value = ws.getCell(`C${r}`).value;
        ws.getCell(`C${r}`).value = b;
      }
    });
    expect((await refused(bytes)).issues).toEqual([
      {
        sheet: 'Классы',
        row: 1,
        column: 'Обучающихся',
        cell: 'B1',
        message:
          'В ячейке B1 заголовок «Участников», а должен быть «Обучающихся»; столбец «Обучающихся» стоит в C1 — верните столбцы в порядок бланка',
      },
      {
        sheet: 'Классы',
        row: 1,
        column: 'Участников',
        cell: 'C1',
        message:
          'В ячейке C1 заголовок «Обучающихся», а должен быть «Участников»; столбец «Участников» стоит в B1 — верните столбцы в порядок бланка',
      },
    ]);
  });

  it('refuses an inserted column by the shift it causes', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Кадры').spliceColumns(2, 0, ['№', 1, 2]);
    });
    const issues = (await refused(bytes)).issues;
    expect(issues[0]).toMatchObject({
      cell: 'B1',
      column: 'ФИО',
      message:
        'В ячейке B1 заголовок «№», а должен быть «ФИО»; столбец «ФИО» стоит в C1 — верните столбцы в порядок бланка',
    });
    expect(issues.at(-1)).toMatchObject({ cell: 'F1', column: 'Категория' });
  });

  it('refuses an extra column with a header', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Классы').getCell('H1').value = 'Примечание';
      sheet(wb, 'Классы').getCell('H2').value = 'новый класс';
    });
    expect((await refused(bytes)).issues).toEqual([
      {
        sheet: 'Классы',
        row: 1,
        column: 'Примечание',
        cell: 'H1',
        message:
          'Лишний столбец «Примечание» в ячейке H1: в форме только столбцы «Класс», «Обучающихся», «Участников», «Язык обучения», «Уроков русского в неделю», «Уроков математики в неделю» и ещё 1. Удалите его',
      },
    ]);
  });

  it('refuses data right of the table even without a header', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Кадры').getCell('G3').value = 'уволена';
    });
    expect((await refused(bytes)).issues).toEqual([
      {
        sheet: 'Кадры',
        row: 3,
        column: null,
        cell: 'G3',
        message: 'В ячейке G3 данные правее таблицы («уволена»): в форме нет такого столбца. Удалите их',
      },
    ]);
  });

  it('refuses rows added above the header, naming where the header went', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Классы').spliceRows(1, 0, ['Сведения о классах'], []);
    });
    expect((await refused(bytes)).issues).toEqual([
      {
        sheet: 'Классы',
        row: 1,
        column: null,
        cell: null,
        message:
          'Строка 1 листа «Классы» должна быть заголовком («Класс», «Обучающихся», «Участников», «Язык обучения» и ещё 3), а заголовок найден в строке 3: удалите строки 1–2 над ним',
      },
    ]);
  });

  it('accepts headers that differ only in case, spaces or a line break', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Классы').getCell('E1').value = 'Уроков русского\nв  неделю ';
      sheet(wb, 'Кадры').getCell('B1').value = 'фио';
    });
    expect(await accepted(bytes)).toEqual(sampleData());
  });
});

describe('cells', () => {
  it('refuses merged cells in the header and in the data, naming the ranges', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Классы').mergeCells('B3:C3');
      sheet(wb, 'Кадры').mergeCells('B1:C1');
    });
    const issues = (await refused(bytes)).issues;
    expect(issues.map((i) => [i.sheet, i.row, i.cell])).toEqual([
      ['Классы', 3, null],
      ['Кадры', 1, null],
    ]);
    expect(issues[0]!.message).toBe(
      'Объединённые ячейки B3:C3: разъедините их (Главная → «Объединить и поместить в центре» → «Отменить объединение ячеек») и заполните каждую ячейку отдельно',
    );
    expect(issues[1]!.message).toMatch(/^Объединённые ячейки B1:C1: разъедините их/);
  });

  it('refuses a merge over the whole sheet at once instead of expanding it', async () => {
    const parts = await unzipAll(filled);
    const xml = new TextDecoder().decode(parts.get('xl/worksheets/sheet3.xml'));
    const bomb = xml.replace(
      '</sheetData>',
      '</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>',
    );
    const started = Date.now();
    const r = await refused(await rezip(filled, { 'xl/worksheets/sheet3.xml': bomb }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.issues[0]!.message).toMatch(/^Объединённые ячейки A2:XFD1048576/);
  });

  it('refuses a formula in an input cell, naming the cell and the formula', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Классы').getCell('C3').value = { formula: 'B3-2', result: 20 } as never;
    });
    expect((await refused(bytes)).issues).toEqual([
      {
        sheet: 'Классы',
        row: 3,
        column: 'Участников',
        cell: 'C3',
        message: 'В ячейке формула «=B3-2»: введите значение, а не формулу (скопируйте и вставьте как значения)',
      },
    ]);
  });

  it('accepts numbers stored as text and a decimal comma', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Классы').getCell('B2').value = ' 25 ';
      sheet(wb, 'Классы').getCell('C2').value = '20,0';
      sheet(wb, 'Кадры').getCell('D2').value = '1,25';
      sheet(wb, 'Кадры').getCell('C2').value = '17.05.1980';
    });
    expect(await accepted(bytes)).toEqual(sampleData());
  });

  it('accepts Cyrillic «Х» for Latin X and adds it up as 0', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Классы').getCell('F2').value = 'Х';
      sheet(wb, 'Классы').getCell('E3').value = 'х';
    });
    const data = await accepted(bytes);
    expect(data.classes![0]).toMatchObject({ hoursMath: 'X', hoursTotal: 5 });
    expect(data.classes![1]).toMatchObject({ hoursRu: 'X', hoursMath: '4', hoursTotal: 4 });
  });

  it('names each bad value at its cell, without a second issue for the same cell', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Классы').getCell('B3').value = 'много';
      sheet(wb, 'Классы').getCell('B4').value = 55;
      sheet(wb, 'Кадры').getCell('E2').value = 'Нулевая';
      sheet(wb, 'Кадры').getCell('C3').value = '31.02.1990';
    });
    expect((await refused(bytes)).issues).toEqual([
      {
        sheet: 'Классы',
        row: 3,
        column: 'Обучающихся',
        cell: 'B3',
        message: 'Значение «много» должно быть целым числом',
      },
      { sheet: 'Классы', row: 4, column: 'Обучающихся', cell: 'B4', message: 'Значение 55 больше максимума 50' },
      {
        sheet: 'Кадры',
        row: 2,
        column: 'Категория',
        cell: 'E2',
        message:
          'Значения «Нулевая» нет в списке. Допустимо: «Высшая», «Первая», «Соответствие занимаемой должности», «Без категории»',
      },
      {
        sheet: 'Кадры',
        row: 3,
        column: 'Дата рождения',
        cell: 'C3',
        message: 'Значение «31.02.1990» не является датой: введите дату в виде ДД.ММ.ГГГГ, например 01.09.2025',
      },
    ]);
  });

  it('applies cross rules at the row where the user will look', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      sheet(wb, 'Классы').getCell('C4').value = 31;
      sheet(wb, 'Кадры').getCell('C2').value = new Date(Date.UTC(2012, 0, 1));
    });
    expect((await refused(bytes)).issues).toEqual([
      {
        sheet: 'Классы',
        row: 4,
        column: 'Участников',
        cell: 'C4',
        message: 'Участников не может быть больше, чем обучающихся',
      },
      {
        sheet: 'Классы',
        row: 4,
        column: 'Язык обучения',
        cell: 'D4',
        message: 'Укажите язык обучения: в классе есть участники',
      },
      {
        sheet: 'Кадры',
        row: 2,
        column: 'Дата рождения',
        cell: 'C2',
        message: 'Дата рождения должна быть раньше 01.01.2008',
      },
    ]);
  });
});

describe('rows', () => {
  it('matches fixed rows by their label, in any order and with Latin lookalikes', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      const ws = sheet(wb, 'Классы');
      // a user sorted the classes: rows 2 and 4 trade places (the formulas in G stay as they were)
      for (const col of ['A', 'B', 'C', 'D', 'E', 'F']) {
        const top = ws.getCell(`${col}2`).value;
        ws.getCell(`${col}2`).value = ws.getCell(`${col}4`).value;
        ws.getCell(`${col}4`).value = top;
      }
      ws.getCell('A2').value = '5A'; // Latin A
    });
    expect(await accepted(bytes)).toEqual(sampleData());
  });

  it('names unknown, duplicated, unlabelled and missing fixed rows', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      const ws = sheet(wb, 'Классы');
      ws.getCell('A3').value = '4А';
      ws.getCell('A5').value = '4В';
      ws.getCell('B5').value = 10;
      ws.getCell('B6').value = 12;
    });
    expect((await refused(bytes)).issues).toEqual([
      {
        sheet: 'Классы',
        row: 3,
        column: 'Класс',
        cell: null,
        message: 'Нет строки «4Б» (столбец «Класс»): строки нельзя удалять — скачайте бланк заново',
      },
      {
        sheet: 'Классы',
        row: 3,
        column: 'Класс',
        cell: 'A3',
        message: 'Строка «4А» повторяется: она уже есть в строке 2',
      },
      {
        sheet: 'Классы',
        row: 5,
        column: 'Класс',
        cell: 'A5',
        message: '«4В» нет среди строк этой формы («4А», «4Б», «5А»): не добавляйте и не переименовывайте строки',
      },
      {
        sheet: 'Классы',
        row: 6,
        column: 'Класс',
        cell: 'A6',
        message: 'Строка заполнена, но в столбце «Класс» пусто: не добавляйте строки и не стирайте подписи',
      },
    ]);
  });

  it('skips empty rows of a free sheet and keeps the filled ones in order', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      const ws = sheet(wb, 'Кадры');
      ws.getCell('B10').value = 'Сидоров';
    });
    const data = await accepted(bytes);
    expect(data.staff!.map((r) => r.fio)).toEqual(['Иванова Мария Петровна', '-Петров', 'Сидоров']);
  });

  it('refuses more rows than the sheet allows, with the count', async () => {
    const data = sampleData();
    data.staff = Array.from({ length: 103 }, (_, i) => ({ fio: `Иванов${'а'.repeat(i % 3)}`, rate: 1 }));
    const r = await refused(await writeFormXlsx(T, data));
    expect(r.issues).toEqual([
      {
        sheet: 'Кадры',
        row: 102,
        column: null,
        cell: null,
        message: 'На листе «Кадры» заполнено 103 строки, а допускается не больше 100: лишние начинаются со строки 102',
      },
    ]);
  });

  it('lowers the limit with maxRows', async () => {
    const r = await readFormXlsx(T, filled, { org: ORG, maxRows: 1 });
    expect(!r.ok && r.issues[0]!.message).toBe(
      'На листе «Кадры» заполнено 2 строки, а допускается не больше 1: лишние начинаются со строки 3',
    );
  });

  it('refuses 50 MB of rows by the size of the sheet, before loading it', async () => {
    const parts = await unzipAll(filled);
    const xml = new TextDecoder().decode(parts.get('xl/worksheets/sheet3.xml'));
    const head = xml.slice(0, xml.indexOf('<sheetData>') + '<sheetData>'.length);
    const tail = xml.slice(xml.indexOf('</sheetData>'));
    const rows: string[] = [];
    let size = 0;
    for (let r = 2; size < 50 * 1024 * 1024; r++) {
      const row = `<row r="${r}"><c r="B${r}" t="inlineStr"><is><t>Иванов ${r * 7919}</t></is></c><c r="D${r}"><v>${(r % 200) / 100}</v></c></row>`;
      rows.push(row);
      size += row.length;
    }
    const huge = await rezip(filled, { 'xl/worksheets/sheet3.xml': head + rows.join('') + tail });
    const started = Date.now();
    const r = await refused(huge);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ sheet: 'Кадры', row: 102, column: null, cell: null });
    expect(r.issues[0]!.message).toMatch(
      /^Лист «Кадры» слишком большой: \d+ МБ данных, а в этой форме не больше 100 строк\. Похоже, ниже или правее таблицы много лишних строк/,
    );
  }, 60_000);

  it('caps the list at 200 issues and says how many there were', async () => {
    const data = sampleData();
    data.staff = Array.from({ length: 100 }, () => ({ fio: 'Ivanov', birthDate: '2015-01-01', rate: 3 }));
    const r = await refused(await writeFormXlsx(T, data));
    expect(r.issues).toHaveLength(200);
    expect(r.message).toMatch(
      /^Файл не принят: 300 ошибок\. Первая — лист «Кадры», ячейка B2: ФИО пишется русскими буквами\. Показаны первые 200 из 300$/,
    );
  });
});

describe('dates', () => {
  it('reads bare day numbers of a 1904-calendar workbook (old Mac Excel) as the same dates', async () => {
    const bytes = await editXlsx(filled, (wb) => {
      (wb.properties as { date1904?: boolean }).date1904 = true;
      const cell = sheet(wb, 'Кадры').getCell('C2');
      cell.numFmt = 'General';
      cell.value = 29358 - 1462; // 1980-05-17 counted from 1904-01-01
    });
    expect((await accepted(bytes)).staff![0]!.birthDate).toBe('1980-05-17');
  });
});

describe('files that are not this form', () => {
  it('refuses each wrong container before exceljs sees it, with no issues list', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.alloc(0), CONTAINER_MESSAGES.empty],
      [legacyXls(), CONTAINER_MESSAGES.xls],
      [passwordProtectedXlsx(), CONTAINER_MESSAGES.encrypted],
      [Buffer.from('Класс;Обучающихся\n4А;25\n'), CONTAINER_MESSAGES.csv],
      [Buffer.from('PK\u0003\u0004 not really a zip'), CONTAINER_MESSAGES.corrupt],
    ];
    for (const [bytes, message] of cases) expect(await read(bytes)).toEqual({ ok: false, message, issues: [] });
  });

  it('refuses a ZIP entry that inflates past its declared size', async () => {
    const lying = patchDeclaredSize(filled, 'xl/worksheets/sheet2.xml', 64);
    const r = await read(lying);
    expect(r).toEqual({
      ok: false,
      message:
        'Часть файла «xl/worksheets/sheet2.xml» при распаковке больше заявленного размера: файл похож на «ZIP-бомбу» и не принимается',
      issues: [],
    });
  });

  it('calls a workbook exceljs cannot parse corrupted instead of throwing', async () => {
    const broken = await rezip(filled, { 'xl/worksheets/sheet2.xml': '<worksheet><sheetData><row r="1"><c r="A1"' });
    const r = await read(broken);
    expect(r.ok).toBe(false);
  });
});

describe('damaged files', () => {
  it('never throws, whatever bytes are flipped', async () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let refusedCount = 0;
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(filled);
      for (let k = 0; k < 1 + random(8); k++) bytes[random(bytes.length)] = random(256);
      const r = await read(bytes);
      if (!r.ok) {
        refusedCount++;
        expect(r.message.length).toBeGreaterThan(10);
      }
    }
    expect(refusedCount).toBeGreaterThan(0);
  }, 60_000);
});

describe('speed', () => {
  it('parses a 1,500-row form of 30 columns in well under a second', async () => {
    const template = sampleResultsTemplate(1500);
    const data = sampleResultsData(template, 1500);
    const bytes = await writeFormXlsx(template, data);
    await readFormXlsx(template, bytes); // warm-up: module and JIT
    // the best of three: the machine is shared, and the figure is what the parser needs, not the neighbours' load
    let ms = Number.POSITIVE_INFINITY;
    let r: ReadFormResult | null = null;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      r = await readFormXlsx(template, bytes);
      ms = Math.min(ms, performance.now() - started);
    }
    expect(r!.ok && r!.data).toEqual(data);
    expect(data.protocol![0]).toMatchObject({ code: '40001', variant: '1', t1: 'X', total: 34 });
    expect(ms).toBeLessThan(1000);
  }, 60_000);
});
