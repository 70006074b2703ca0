// What a column expects, in words, for the hint bar: the rules a school organizer needs before typing.
import { formatNumberRu, type FormTemplate, type SheetDef } from '@oko/shared';
import { plural } from '../format';
import type { GridColumn } from './sheet-model';

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` от ${formatNumberRu(min)} до ${formatNumberRu(max)}`;
  if (min !== undefined) return ` не меньше ${formatNumberRu(min)}`;
  if (max !== undefined) return ` не больше ${formatNumberRu(max)}`;
  return '';
}

export function columnRule(col: GridColumn, sheet: SheetDef, template: FormTemplate): string {
  const def = col.def;
  if (!def) return 'Заполнено заранее, не меняется';
  const required = def.required ? ', обязательно' : '';
  switch (def.kind) {
    case 'integer':
      return `Целое число${range(def.min, def.max)}${required}`;
    case 'decimal': {
      const places =
        def.decimals === undefined
          ? ''
          : def.decimals === 0
            ? ', без дробной части'
            : `, до ${def.decimals} ${plural(def.decimals, 'знака', 'знаков', 'знаков')} после запятой`;
      return `Число${range(def.min, def.max)}${places}${required}`;
    }
    case 'date':
      return `Дата в виде ДД.ММ.ГГГГ${required}`;
    case 'list': {
      const n = def.list ? (template.dictionaries[def.list]?.length ?? 0) : 0;
      return `Значение из списка (${n} ${plural(n, 'вариант', 'варианта', 'вариантов')}; Alt+↓ — открыть список)${required}`;
    }
    case 'text':
      return `Текст${def.maxLength ? ` до ${def.maxLength} ${plural(def.maxLength, 'символа', 'символов', 'символов')}` : ''}${required}`;
    case 'prefill':
      return 'Заполняется автоматически из сведений об организации';
    case 'computed': {
      const titles = (def.sumOf ?? [])
        .map((k) => sheet.columns.find((c) => c.key === k)?.title ?? k)
        .map((t) => `«${t}»`)
        .join(' + ');
      return `Считается автоматически: ${titles}`;
    }
  }
}
