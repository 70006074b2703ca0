import { emptyAggregate } from '@oko/shared';
import { describe, expect, it } from 'vitest';
import { orderLevels } from './level-order.ts';

const row = (key: string | null, label: string, parentId: string | null = null) => ({
  key,
  label,
  parentId,
  agg: emptyAggregate(1, 1),
});

describe('the order of level rows', () => {
  it('puts the whole sample first, then each region with its municipalities, each with its ОО', () => {
    const out = orderLevels([
      { kind: 'org', rows: [row('o2', 'Школа Б(sch770001)', 'm3'), row('o1', 'Школа А(sch390001)', 'm1')] },
      {
        kind: 'municipality',
        rows: [row('m3', 'Москва(reg77_m001)', '77'), row('m1', 'Калининград(reg39_m001)', '39')],
      },
      { kind: 'region', rows: [row('77', 'Москва'), row('39', 'Калининградская область')] },
      { kind: 'all', rows: [row(null, 'Вся выборка')] },
    ]);
    expect(out.map((r) => r.label)).toEqual([
      'Вся выборка',
      'Калининградская область',
      'Калининград(reg39_m001)',
      'Школа А(sch390001)',
      'Москва',
      'Москва(reg77_m001)',
      'Школа Б(sch770001)',
    ]);
    expect(out.map((r) => r.kind)).toEqual(['all', 'region', 'municipality', 'org', 'region', 'municipality', 'org']);
  });

  it('keeps a row whose parent is not shown', () => {
    const out = orderLevels([{ kind: 'org', rows: [row('o1', 'Школа(sch390001)', 'm-hidden')] }]);
    expect(out.map((r) => r.id)).toEqual(['o1']);
  });
});
