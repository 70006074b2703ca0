import { collapseSpaces, lookalikeKey, matchKey } from './normalize.ts';
import type { Condition, FormTemplate, SheetDef } from './template.ts';

/**
 * Mistakes in a template that its zod schema cannot see: references between its parts (dictionaries, sumOf,
 * rules), and names the XLSX reader could not tell apart. An empty list means the engine can use it; each
 * feature's tests should assert that for its templates.
 */

const NUMERIC_SOURCES = new Set(['integer', 'decimal', 'list', 'computed']);

function dupes(values: string[]): string[] {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) out.add(v);
    seen.add(v);
  }
  return [...out];
}

function conditionProblems(sheet: SheetDef, cond: Condition, where: string): string[] {
  const keys = new Set(sheet.columns.map((c) => c.key));
  const out: string[] = [];
  if (!keys.has(cond.column)) out.push(`${where}: нет столбца «${cond.column}»`);
  if (cond.otherColumn !== undefined && !keys.has(cond.otherColumn)) {
    out.push(`${where}: нет столбца «${cond.otherColumn}»`);
  }
  const compares = cond.op !== 'empty' && cond.op !== 'notEmpty';
  if (compares && cond.value === undefined && cond.otherColumn === undefined) {
    out.push(`${where}: для сравнения «${cond.op}» нужно значение или другой столбец`);
  }
  if (cond.op !== 'in' && Array.isArray(cond.value)) out.push(`${where}: список значений допустим только для «in»`);
  return out;
}

function sheetProblems(template: FormTemplate, sheet: SheetDef): string[] {
  const at = `Лист «${sheet.title}»`;
  const out: string[] = [];
  for (const k of dupes(sheet.columns.map((c) => c.key))) out.push(`${at}: ключ столбца «${k}» повторяется`);
  const titles = sheet.columns.map((c) => collapseSpaces(c.title).toLowerCase());
  if (sheet.rows.mode === 'fixed') titles.unshift(collapseSpaces(sheet.rows.labelTitle).toLowerCase());
  for (const t of dupes(titles)) out.push(`${at}: заголовок «${t}» повторяется — в XLSX столбцы не различить`);
  const byKey = new Map(sheet.columns.map((c) => [c.key, c]));
  for (const c of sheet.columns) {
    const col = `${at}, столбец «${c.title}»`;
    if (c.kind === 'list' && (!c.list || !template.dictionaries[c.list])) {
      out.push(`${col}: нет справочника «${c.list ?? ''}»`);
    }
    if (c.kind === 'prefill' && !c.prefill) out.push(`${col}: не указано, чем заполнять (prefill)`);
    if (c.kind === 'computed') {
      if (!c.sumOf?.length) out.push(`${col}: не указаны столбцы суммы (sumOf)`);
      for (const k of c.sumOf ?? []) {
        const source = byKey.get(k);
        if (!source) out.push(`${col}: в сумме нет столбца «${k}»`);
        else if (source === c) out.push(`${col}: сумма ссылается сама на себя`);
        else if (!NUMERIC_SOURCES.has(source.kind)) out.push(`${col}: столбец «${source.title}» не числовой`);
      }
    }
    if (c.min !== undefined && c.max !== undefined && c.min > c.max) out.push(`${col}: минимум больше максимума`);
    if (c.pattern !== undefined) {
      try {
        new RegExp(c.pattern, 'u');
      } catch {
        out.push(`${col}: неверное регулярное выражение «${c.pattern}»`);
      }
    }
  }
  (sheet.rules ?? []).forEach((rule, i) => {
    const where = `${at}, правило ${i + 1}`;
    if (rule.if) out.push(...conditionProblems(sheet, rule.if, where));
    out.push(...conditionProblems(sheet, rule.then, where));
  });
  if (sheet.rows.mode === 'fixed') {
    for (const k of dupes(sheet.rows.rows.map((r) => r.key))) out.push(`${at}: ключ строки «${k}» повторяется`);
    // the reader matches labels by lookalike letters too, so «4А» and "4A" would be the same row
    for (const l of dupes(sheet.rows.rows.map((r) => lookalikeKey(r.label)))) {
      out.push(`${at}: подписи строк совпадают («${l}») — в XLSX строки не различить`);
    }
  }
  return out;
}

export function checkTemplate(template: FormTemplate): string[] {
  const out: string[] = [];
  for (const k of dupes(template.sheets.map((s) => s.key))) out.push(`Ключ листа «${k}» повторяется`);
  for (const t of dupes(template.sheets.map((s) => s.title.toLowerCase()))) {
    out.push(`Имя листа «${t}» повторяется (Excel не различает регистр)`);
  }
  for (const sheet of template.sheets) out.push(...sheetProblems(template, sheet));
  for (const [name, items] of Object.entries(template.dictionaries)) {
    for (const d of dupes(items.map(matchKey))) out.push(`Справочник «${name}»: пункт «${d}» повторяется`);
  }
  return out;
}
