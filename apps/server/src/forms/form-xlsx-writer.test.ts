import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeForm, initialData, type FormData, type FormTemplate } from '@oko/shared';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFormXlsx } from './form-xlsx-writer.ts';
import { sheet, unzipAll } from './forms-test-files.ts';
import { SAMPLE_TEMPLATE } from './sample-template.ts';

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
  const data = initialData(SAMPLE_TEMPLATE, ORG);
  data.classes![0] = {
    ...data.classes![0]!,
    students: 25,
    participants: 20,
    language: 'Русский',
    hoursRu: '5',
    hoursMath: 'X',
  };
  data.staff = [
    { login: ORG.login, fio: 'Иванова Мария Петровна', birthDate: '1980-05-17', rate: 1.25, category: 'Высшая' },
    { login: ORG.login, fio: '=HYPERLINK("http://evil","x")', birthDate: null, rate: null, category: null },
  ];
  return computeForm(SAMPLE_TEMPLATE, data);
}

let bytes: Buffer;
const wb = new ExcelJS.Workbook();

beforeAll(async () => {
  bytes = await writeFormXlsx(SAMPLE_TEMPLATE, sampleData());
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
});

const locked = (c: ExcelJS.Cell): boolean => c.protection?.locked !== false;

describe('writeFormXlsx', () => {
  it('puts the instruction first, one sheet per SheetDef, and a very hidden service sheet last', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Инструкция', 'visible'],
      ['Классы', 'visible'],
      ['Кадры', 'visible'],
      ['Служебный', 'veryHidden'],
    ]);
  });

  it('explains the form in words on the instruction sheet', () => {
    const text = sheet(wb, 'Инструкция')
      .getColumn(1)
      .values.filter((v): v is string => typeof v === 'string')
      .join('\n');
    expect(text).toContain('Сведения об ОО');
    expect(text).toContain(SAMPLE_TEMPLATE.instruction);
    expect(text).toContain('Лист «Классы»');
    expect(text).toContain('Одна строка на класс');
    expect(text).toContain(
      '«Обучающихся» — целое число от 0 до 50, обязательно. Сколько обучающихся в классе на 1 сентября',
    );
    expect(text).toContain('«Ставка» — число от 0 до 2 (не больше 2 знаков после запятой)');
    expect(text).toContain('«Язык обучения» — значение из списка: «Русский», «Татарский»');
    expect(text).toContain(
      '«Уроков всего» — вычисляется автоматически: сумма столбцов «Уроков русского в неделю», «Уроков математики в неделю»',
    );
    expect(text).toContain('«Логин ОО» — заполняется автоматически (логин ОО), не изменяйте');
    expect(text).toContain(
      'Правило: Если «Участников» больше 0, то «Язык обучения» заполнено (Укажите язык обучения: в классе есть участники).',
    );
    expect(text).toContain(
      'Правило: «Участников» не больше «Обучающихся» (Участников не может быть больше, чем обучающихся).',
    );
  });

  it('keeps the dictionaries on the service sheet, numeric items as numbers', () => {
    const service = sheet(wb, 'Служебный');
    expect(service.getColumn(1).values.slice(1)).toEqual([
      'languages',
      'Русский',
      'Татарский',
      'Башкирский',
      'Чувашский',
      'Другой',
    ]);
    expect(service.getColumn(2).values.slice(1)).toEqual(['hours', 0, 1, 2, 3, 4, 5, 6, 'X']);
  });

  it('writes a bold, frozen, locked header with hints as notes, and the label column', () => {
    const ws = sheet(wb, 'Классы');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Класс',
      'Обучающихся',
      'Участников',
      'Язык обучения',
      'Уроков русского в неделю',
      'Уроков математики в неделю',
      'Уроков всего',
    ]);
    expect(ws.getCell('B1').font?.bold).toBe(true);
    expect(locked(ws.getCell('B1'))).toBe(true);
    const note = ws.getCell('B1').note;
    const noteText = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    expect(noteText).toBe('Сколько обучающихся в классе на 1 сентября\nцелое число от 0 до 50, обязательно');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(sheet(wb, 'Кадры').views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 1 });
    expect(['4А', '4Б', '5А']).toEqual([2, 3, 4].map((r) => ws.getCell(`A${r}`).value));
    expect(locked(ws.getCell('A2'))).toBe(true);
    expect(ws.getColumn(2).width).toBeGreaterThan(10);
  });

  it('protects the sheet so that only input cells are editable', () => {
    const ws = sheet(wb, 'Классы');
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    for (const a of ['B2', 'C3', 'D4', 'E2', 'F4']) expect(locked(ws.getCell(a))).toBe(false);
    expect(locked(ws.getCell('G2'))).toBe(true);
    const staff = sheet(wb, 'Кадры');
    expect(locked(staff.getCell('A2'))).toBe(true);
    expect(locked(staff.getCell('B2'))).toBe(false);
    expect(locked(staff.getCell('B1'))).toBe(true);
    // below the prepared rows the input columns stay open (their column style), the others locked
    expect(staff.getColumn(2).protection).toMatchObject({ locked: false });
    expect(staff.getColumn(1).protection?.locked).not.toBe(false);
  });

  it('leaves room to add rows below existing data of a free sheet', async () => {
    const data = sampleData();
    data.staff = Array.from({ length: 150 }, () => ({ fio: 'Иванов' }));
    const t = {
      ...SAMPLE_TEMPLATE,
      sheets: [{ ...SAMPLE_TEMPLATE.sheets[1]!, rows: { mode: 'free' as const, max: 5000 } }],
    };
    const other = new ExcelJS.Workbook();
    await other.xlsx.load((await writeFormXlsx(t, data)) as unknown as ExcelJS.Buffer);
    const staff = sheet(other, 'Кадры');
    expect(staff.getCell('B151').value).toBe('Иванов');
    expect(staff.getCell('E2151').dataValidation).toMatchObject({ type: 'list' });
    expect(staff.getCell('E2152').dataValidation).toBeUndefined();
  });

  it('offers dropdowns from the service sheet and typed checks on input cells', () => {
    const ws = sheet(wb, 'Классы');
    expect(ws.getCell('D3').dataValidation).toMatchObject({ type: 'list', formulae: ["'Служебный'!$A$2:$A$6"] });
    expect(ws.getCell('E4').dataValidation).toMatchObject({ type: 'list', formulae: ["'Служебный'!$B$2:$B$9"] });
    expect(ws.getCell('B2').dataValidation).toMatchObject({
      type: 'whole',
      formulae: [0, 50],
      error: 'Введите целое число от 0 до 50',
    });
    const staff = sheet(wb, 'Кадры');
    expect(staff.getCell('D50').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 2] });
    expect(staff.getCell('C2').dataValidation).toMatchObject({ type: 'date' });
    expect(staff.getCell('B2').dataValidation).toMatchObject({ type: 'textLength', formulae: [200] });
  });

  it('prepares unlocked input rows with dropdowns up to the free sheet maximum', () => {
    const staff = sheet(wb, 'Кадры');
    expect(locked(staff.getCell('B101'))).toBe(false);
    expect(staff.getCell('E101').dataValidation).toMatchObject({ type: 'list', formulae: ["'Служебный'!$C$2:$C$5"] });
    expect(staff.getCell('E102').dataValidation).toBeUndefined();
  });

  it('writes computed columns as SUM formulas with the value cached (adjacent columns as one range)', () => {
    const ws = sheet(wb, 'Классы');
    expect(ws.getCell('G2').value).toEqual({ formula: 'IF(COUNTA(E2:F2)=0,"",SUM(E2:F2))', result: 5 });
    expect((ws.getCell('G3').value as ExcelJS.CellFormulaValue).formula).toBe('IF(COUNTA(E3:F3)=0,"",SUM(E3:F3))');
  });

  it('writes data and prefilled values with their types, neutralizing formula-like text', () => {
    const ws = sheet(wb, 'Классы');
    expect([ws.getCell('B2').value, ws.getCell('D2').value, ws.getCell('E2').value, ws.getCell('F2').value]).toEqual([
      25,
      'Русский',
      5,
      'X',
    ]);
    const staff = sheet(wb, 'Кадры');
    expect(staff.getCell('A2').value).toBe('sch390001');
    expect(staff.getCell('C2').value).toEqual(new Date(Date.UTC(1980, 4, 17)));
    expect(staff.getCell('C2').numFmt).toBe('dd.mm.yyyy');
    expect(staff.getCell('D2').value).toBe(1.25);
    expect(staff.getCell('B3').value).toBe('\'=HYPERLINK("http://evil","x")');
  });

  it('never puts a formula in a text cell', async () => {
    const parts = await unzipAll(bytes);
    const staffXml = new TextDecoder().decode(parts.get('xl/worksheets/sheet3.xml'));
    expect(staffXml).not.toContain('<f>HYPERLINK');
  });

  it('renames its own sheets when the template already uses their names', async () => {
    const t: FormTemplate = { ...SAMPLE_TEMPLATE, sheets: [{ ...SAMPLE_TEMPLATE.sheets[1]!, title: 'Инструкция' }] };
    const other = new ExcelJS.Workbook();
    await other.xlsx.load((await writeFormXlsx(t, {})) as unknown as ExcelJS.Buffer);
    expect(other.worksheets.map((w) => w.name)).toEqual(['Инструкция 2', 'Инструкция', 'Служебный']);
  });

  const soffice = ['libreoffice', 'soffice'].find((bin) => {
    try {
      execFileSync('which', [bin], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  // the only check that depends on the machine: LibreOffice is not installed everywhere
  it.skipIf(!soffice)('opens in LibreOffice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oko-forms-'));
    try {
      writeFileSync(join(dir, 'form.xlsx'), bytes);
      execFileSync(
        soffice!, // 44,34,76: comma, double quote, UTF-8 — the default charset would turn Cyrillic into '?'
        [
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          join(dir, 'form.xlsx'),
        ],
        {
          timeout: 60_000,
          stdio: 'ignore',
        },
      );
      const csv = readdirSync(dir).find((f) => f.endsWith('.csv'));
      expect(csv).toBeDefined();
      expect(readFileSync(join(dir, csv!), 'utf8')).toContain('Сведения об ОО');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
