import { isIsoDate, isoToRu } from './dates.ts';
import { formatNumberRu, listForMessage, plural } from './normalize.ts';
import type { ColumnDef, Condition, CrossRule, FormTemplate, PrefillSource, SheetDef } from './template.ts';

/**
 * Rules in words, for the instruction sheet of the XLSX and the hints of the online table: the same sentences
 * on both faces.
 */

export const PREFILL_LABELS: Record<PrefillSource, string> = {
  login: 'логин ОО',
  orgCode: 'код ОО',
  fullName: 'полное название ОО',
  shortName: 'краткое название ОО',
  regionCode: 'код региона',
  regionName: 'регион',
  municipalityName: 'муниципалитет',
};

function range(column: ColumnDef): string {
  const { min, max } = column;
  if (min !== undefined && max !== undefined) return ` от ${formatNumberRu(min)} до ${formatNumberRu(max)}`;
  if (min !== undefined) return ` не меньше ${formatNumberRu(min)}`;
  if (max !== undefined) return ` не больше ${formatNumberRu(max)}`;
  return '';
}

function titleOf(sheet: SheetDef, key: string): string {
  return sheet.columns.find((c) => c.key === key)?.title ?? key;
}

/** «целое число от 0 до 50, обязательно» */
export function describeColumn(column: ColumnDef, sheet: SheetDef, dictionaries: FormTemplate['dictionaries']): string {
  let what: string;
  switch (column.kind) {
    case 'text': {
      const parts = ['текст'];
      if (column.maxLength !== undefined) {
        parts.push(`не длиннее ${column.maxLength} ${plural(column.maxLength, 'символа', 'символов', 'символов')}`);
      }
      what = parts.join(', ');
      // the author's own words, untouched: lowering the first letter would break «ФИО», «СНИЛС»
      if (column.patternMessage) what += ` (${column.patternMessage.replace(/[.!]$/, '')})`;
      break;
    }
    case 'integer':
      what = `целое число${range(column)}`;
      break;
    case 'decimal': {
      const places =
        column.decimals !== undefined && column.decimals > 0
          ? ` (не больше ${column.decimals} ${plural(column.decimals, 'знака', 'знаков', 'знаков')} после запятой)`
          : column.decimals === 0
            ? ' (целое)'
            : '';
      what = `число${range(column)}${places}`;
      break;
    }
    case 'date':
      what = 'дата в виде ДД.ММ.ГГГГ';
      break;
    case 'list': {
      const items = column.list ? dictionaries[column.list] : undefined;
      what = items ? `значение из списка: ${listForMessage(items)}` : 'значение из списка';
      break;
    }
    case 'prefill':
      return `заполняется автоматически (${column.prefill ? PREFILL_LABELS[column.prefill] : 'сведения об ОО'}), не изменяйте`;
    case 'computed':
      return `вычисляется автоматически: сумма столбцов ${(column.sumOf ?? []).map((k) => `«${titleOf(sheet, k)}»`).join(', ')}${range(column) ? `, должна быть${range(column)}` : ''}`;
  }
  return column.required ? `${what}, обязательно` : what;
}

function operand(sheet: SheetDef, cond: Condition): string {
  if (cond.otherColumn !== undefined) return `«${titleOf(sheet, cond.otherColumn)}»`;
  const show = (v: string | number): string =>
    typeof v === 'number' ? formatNumberRu(v) : isIsoDate(v) ? isoToRu(v) : `«${v}»`;
  if (Array.isArray(cond.value)) return cond.value.map(show).join(', ');
  return cond.value === undefined ? '' : show(cond.value);
}

/** «Участников» не больше «Обучающихся» */
export function describeCondition(sheet: SheetDef, cond: Condition): string {
  const col = `«${titleOf(sheet, cond.column)}»`;
  switch (cond.op) {
    case 'empty':
      return `${col} не заполнено`;
    case 'notEmpty':
      return `${col} заполнено`;
    case 'eq':
      return `${col} равно ${operand(sheet, cond)}`;
    case 'ne':
      return `${col} не равно ${operand(sheet, cond)}`;
    case 'gt':
      return `${col} больше ${operand(sheet, cond)}`;
    case 'gte':
      return `${col} не меньше ${operand(sheet, cond)}`;
    case 'lt':
      return `${col} меньше ${operand(sheet, cond)}`;
    case 'lte':
      return `${col} не больше ${operand(sheet, cond)}`;
    case 'in':
      return `${col} — одно из: ${operand(sheet, cond)}`;
  }
}

/** «Если «Участников» больше 0, то «Язык обучения» заполнено (Укажите язык обучения…)» */
export function describeRule(sheet: SheetDef, rule: CrossRule): string {
  const then = describeCondition(sheet, rule.then);
  const text = rule.if ? `если ${describeCondition(sheet, rule.if)}, то ${then}` : then;
  return `${text.replace(/^./, (c) => c.toUpperCase())} (${rule.message.replace(/[.!]$/, '')})`;
}

/** «Одна строка на каждое значение «Класс»: «4А», «4Б»…» or «Строки добавляются подряд, не больше 100». */
export function describeRows(sheet: SheetDef): string {
  if (sheet.rows.mode === 'fixed') {
    return `По одной строке на каждое значение «${sheet.rows.labelTitle}»: ${listForMessage(
      sheet.rows.rows.map((r) => r.label),
      20,
    )}. Строки не добавляйте и не удаляйте, «${sheet.rows.labelTitle}» не изменяйте.`;
  }
  return `Строки заполняются подряд сверху вниз, не больше ${sheet.rows.max}. Пустые строки пропускаются.`;
}
