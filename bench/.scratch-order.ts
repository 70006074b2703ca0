import { performance } from 'node:perf_hooks';
import { emptyAggregate, buildLevelReport } from '@oko/shared';
import { orderLevels } from '../apps/server/src/results/analytics/level-order.ts';
const agg = () => emptyAggregate(20, 27);
const regions = Array.from({ length: 85 }, (_, r) => ({ key: String(r).padStart(2, '0'), label: `Регион ${r}`, parentId: null, agg: agg() }));
const muns = Array.from({ length: 2500 }, (_, m) => ({ key: `m${m}`, label: `Синтетический округ ${m % 85}-${m}`, parentId: String(m % 85).padStart(2, '0'), agg: agg() }));
const orgs = Array.from({ length: 40000 }, (_, o) => ({ key: `o${o}`, label: `МБОУ СОШ № ${o}(sch${o})`, parentId: `m${Math.floor(o * 2500 / 40000)}`, agg: agg() }));
for (let k = 0; k < 2; k++) {
  let a = performance.now();
  const rows = orderLevels([{ kind: 'all', rows: [{ key: null, label: 'Вся выборка', parentId: null, agg: agg() }] }, { kind: 'region', rows: regions }, { kind: 'municipality', rows: muns }, { kind: 'org', rows: orgs }]);
  const order = performance.now() - a;
  a = performance.now();
  [...orgs].sort((x, y) => x.label.localeCompare(y.label, 'ru'));
  const sortOnly = performance.now() - a;
  a = performance.now();
  const coll = new Intl.Collator('ru');
  [...orgs].sort((x, y) => coll.compare(x.label, y.label));
  const coll2 = performance.now() - a;
  a = performance.now();
  buildLevelReport('marks', { code: 'МА', name: 'М', grade: 4, year: 2026, maxScore: 27, scale3: 7, scale4: 13, scale5: 20, tasks: [] }, rows, { computedAt: new Date(), date: '01.01.2026', screenRowLimit: 500 });
  const build = performance.now() - a;
  console.log(`orderLevels ${order.toFixed(0)} ms (${rows.length} rows); of which sort of 40k org labels with localeCompare(…,'ru') ≈ ${sortOnly.toFixed(0)} ms, with one Intl.Collator ${coll2.toFixed(0)} ms; buildLevelReport ${build.toFixed(0)} ms`);
}
