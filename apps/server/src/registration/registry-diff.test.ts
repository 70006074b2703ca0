import { describe, expect, it } from 'vitest';
import type { FormRow } from '@oko/shared';
import { diffRegistry } from './registry-diff.ts';
import type { RegistryOrgRow } from './registration.repository.ts';
import { registryTemplate } from './templates/registry.ts';

const M1 = { id: 'm1', code: '001', name: 'Первый округ' };
const M2 = { id: 'm2', code: '002', name: 'Второй округ' };
const template = registryTemplate({ title: 'Регион', municipalities: [M1, M2] });
const sheet = template.sheets[0]!;

const org = (code: string, v: Partial<RegistryOrgRow> = {}): RegistryOrgRow => ({
  id: `id-${code}`,
  code,
  login: `sch${code}`,
  user_id: `u-${code}`,
  full_name: `Школа ${code} полностью`,
  short_name: `Школа ${code}`,
  status: 'active',
  municipality_id: M1.id,
  municipality_code: M1.code,
  municipality_name: M1.name,
  ...v,
});

const row = (o: RegistryOrgRow, v: Partial<Record<string, string | null>> = {}): FormRow => ({
  code: o.code,
  login: o.login,
  fullName: o.full_name,
  shortName: o.short_name,
  municipality: `${o.municipality_code} ${o.municipality_name}`,
  status: o.status === 'closed' ? 'закрыта' : 'действует',
  ...v,
});

const diff = (current: RegistryOrgRow[], rows: FormRow[], rowNumbers?: number[]) =>
  diffRegistry({
    sheet,
    rows,
    current,
    municipalities: new Map([M1, M2].map((m) => [m.code, { id: m.id, name: m.name }])),
    fixedMunicipality: null,
    regionNames: current.map((o) => ({ code: o.code, full_name: o.full_name })),
    scopeTitle: 'Регион',
    rowNumbers,
  });

describe('diffRegistry', () => {
  it('reopens a closed ОО and moves one to another municipality as changes', () => {
    const a = org('390001', { status: 'closed' });
    const b = org('390002');
    const { plan, errors } = diff(
      [a, b],
      [row(a, { status: 'действует' }), row(b, { municipality: '002 Второй округ' })],
    );
    expect(errors).toEqual([]);
    expect(plan.changed.map((c) => [c.code, c.update])).toEqual([
      ['390001', { status: 'active' }],
      ['390002', { municipalityId: 'm2' }],
    ]);
  });

  it('names the worksheet row the reader saw, gaps included', () => {
    const a = org('390001');
    const { errors } = diff([a], [row(a), row(a)], [2, 7]);
    expect(errors).toEqual([
      { sheet: 'ОО', row: 7, column: 'Код ОО', cell: 'A7', message: 'Код ОО 390001 уже встречается в строке 2' },
    ]);
  });

  it('refuses a deleted row of an active ОО, a login on a new row and an unknown municipality', () => {
    const a = org('390001');
    const b = org('390002');
    const added: FormRow = {
      code: null,
      login: 'sch390099',
      fullName: 'Новая',
      shortName: 'Новая',
      municipality: '009 Нет такого',
      status: 'действует',
    };
    const { plan, errors } = diff([a, b], [row(a), added]);
    expect(plan.added).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Муниципалитет'],
      [3, 'Логин'],
      [0, 'Код ОО'],
    ]);
    expect(errors[2]!.message).toMatch(/Нет строки ОО 390002/);
  });
});
