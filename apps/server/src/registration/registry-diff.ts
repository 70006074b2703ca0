import {
  cellAddress,
  dataColumnIndex,
  dataRowNumber,
  isEmptyRow,
  type FieldChange,
  type FormIssue,
  type FormRow,
  type SheetDef,
} from '@oko/shared';
import { cellText, collapseSpaces } from './cell-text.ts';
import type { RegistryOrgRow } from './registration.repository.ts';
import { municipalityCodeOf, STATUS_ACTIVE, STATUS_CLOSED } from './templates/registry.ts';

/**
 * The registry check as a pure function: the rows of the uploaded file against the ОО of the scope.
 * Existing ОО are matched by code; a row without a code is a new ОО. Everything the file may not do
 * (edit a login, use a code from elsewhere, add an ОО that already exists) is an error naming its row.
 */

export interface OrgUpdate {
  fullName?: string;
  shortName?: string;
  municipalityId?: string;
  status?: 'active' | 'closed';
}

export interface ExistingPlan {
  row: number;
  orgId: string;
  code: string;
  login: string | null;
  shortName: string;
  municipality: string;
  update: OrgUpdate;
  changes: FieldChange[];
}

export interface AddPlan {
  row: number;
  fullName: string;
  shortName: string;
  municipalityId: string;
  municipality: string;
}

export interface RegistryPlan {
  added: AddPlan[];
  closed: ExistingPlan[];
  changed: ExistingPlan[];
  unchanged: ExistingPlan[];
}

export interface RegistryDiffInput {
  sheet: SheetDef;
  rows: FormRow[];
  current: RegistryOrgRow[];
  /** the regional file: municipalities of the region by code; the municipal file: its one municipality */
  municipalities: Map<string, { id: string; name: string }>;
  fixedMunicipality: { id: string; name: string } | null;
  /** every ОО of the region, to catch one added twice */
  regionNames: { code: string; full_name: string }[];
  scopeTitle: string;
  /** the worksheet row of each data row (the reader skips empty rows); without it rows are taken as contiguous */
  rowNumbers?: number[];
}

const nameKey = (s: string) =>
  collapseSpaces(s)
    .toLowerCase()
    .replace(/[«»"']/g, '');

export function diffRegistry(input: RegistryDiffInput): { plan: RegistryPlan; errors: FormIssue[] } {
  const { sheet } = input;
  const errors: FormIssue[] = [];
  const title = (key: string) => sheet.columns.find((c) => c.key === key)?.title ?? key;
  const rowOf = (index: number) => input.rowNumbers?.[index] ?? dataRowNumber(index);
  const fail = (index: number, key: string | null, message: string) =>
    errors.push({
      sheet: sheet.title,
      row: rowOf(index),
      column: key ? title(key) : null,
      cell: key ? cellAddress(dataColumnIndex(sheet, key), rowOf(index)) : null,
      message,
    });

  const byCode = new Map(input.current.map((o) => [o.code, o]));
  const seenCodes = new Map<string, number>();
  const existingNames = new Map(input.regionNames.map((o) => [nameKey(o.full_name), o.code]));
  const newNames = new Map<string, number>();
  const plan: RegistryPlan = { added: [], closed: [], changed: [], unchanged: [] };

  input.rows.forEach((row, index) => {
    if (isEmptyRow(sheet, row)) return;
    const rowNo = rowOf(index);
    const code = cellText(row.code);
    const login = cellText(row.login);
    const fullName = cellText(row.fullName);
    const shortName = cellText(row.shortName);
    const status = cellText(row.status);

    const errorsBefore = errors.length;
    let municipality = input.fixedMunicipality;
    let municipalityCode: string | null = null;
    if (!municipality) {
      municipalityCode = municipalityCodeOf(cellText(row.municipality));
      municipality = municipalityCode ? (input.municipalities.get(municipalityCode) ?? null) : null;
      if (!municipality) {
        fail(
          index,
          'municipality',
          `Неизвестный муниципалитет «${cellText(row.municipality)}»: выберите его из списка`,
        );
      }
    }

    if (code === '') {
      if (login !== '') fail(index, 'login', 'У новой ОО логин не указывается: его выдаст система');
      if (status === STATUS_CLOSED) fail(index, 'status', 'Новая ОО не может быть закрытой');
      const key = nameKey(fullName);
      const existing = existingNames.get(key);
      if (existing) {
        fail(index, 'fullName', `ОО «${fullName}» уже есть в реестре с кодом ${existing}: повторно её не добавляйте`);
      } else if (newNames.has(key)) {
        fail(index, 'fullName', `ОО «${fullName}» уже добавлена в строке ${newNames.get(key)}`);
      } else newNames.set(key, rowNo);
      if (municipality && errors.length === errorsBefore) {
        plan.added.push({
          row: rowNo,
          fullName,
          shortName,
          municipalityId: municipality.id,
          municipality: municipality.name,
        });
      }
      return;
    }

    const org = byCode.get(code);
    if (!org) {
      fail(
        index,
        'code',
        `ОО с кодом ${code} нет в списке «${input.scopeTitle}». Код существующей ОО не изменяйте, а для новой ОО оставьте его пустым`,
      );
      return;
    }
    const firstRow = seenCodes.get(code);
    if (firstRow !== undefined) {
      fail(index, 'code', `Код ОО ${code} уже встречается в строке ${firstRow}`);
      return;
    }
    seenCodes.set(code, rowNo);
    if (login !== '' && login !== (org.login ?? '')) {
      fail(
        index,
        'login',
        org.login
          ? `Логин ОО ${code} изменён: в системе «${org.login}». Логины не меняются`
          : `У ОО ${code} ещё нет логина: оставьте ячейку пустой`,
      );
    }
    if (!municipality || errors.length > errorsBefore) return;

    const update: OrgUpdate = {};
    const changes: FieldChange[] = [];
    if (fullName !== collapseSpaces(org.full_name)) {
      update.fullName = fullName;
      changes.push({ field: title('fullName'), before: org.full_name, after: fullName });
    }
    if (shortName !== collapseSpaces(org.short_name)) {
      update.shortName = shortName;
      changes.push({ field: title('shortName'), before: org.short_name, after: shortName });
    }
    if (!input.fixedMunicipality && org.municipality_code !== municipalityCode) {
      update.municipalityId = municipality.id;
      changes.push({ field: title('municipality'), before: org.municipality_name, after: municipality.name });
    }
    const wanted = status === STATUS_CLOSED ? 'closed' : 'active';
    if (wanted !== org.status) {
      update.status = wanted;
      changes.push({
        field: title('status'),
        before: org.status === 'closed' ? STATUS_CLOSED : STATUS_ACTIVE,
        after: wanted === 'closed' ? STATUS_CLOSED : STATUS_ACTIVE,
      });
    }
    const item: ExistingPlan = {
      row: rowNo,
      orgId: org.id,
      code,
      login: org.login,
      shortName: update.shortName ?? org.short_name,
      municipality: municipality.name,
      update,
      changes,
    };
    if (update.status === 'closed') plan.closed.push(item);
    else if (changes.length > 0) plan.changed.push(item);
    else plan.unchanged.push(item);
  });

  // an active ОО missing from the file would silently stay active: deleting a row is not how ОО are closed
  for (const org of input.current) {
    if (org.status !== 'active' || seenCodes.has(org.code)) continue;
    errors.push({
      sheet: sheet.title,
      row: 0,
      column: title('code'),
      cell: null,
      message: `Нет строки ОО ${org.code} «${org.short_name}»: строки не удаляйте — чтобы исключить ОО, поставьте статус «${STATUS_CLOSED}»`,
    });
  }
  return { plan, errors };
}
