import type { LevelKind, LevelRow } from '@oko/shared';
import type { LevelAggregate } from './analytics.repository.ts';

const byLabel = (a: LevelRow, b: LevelRow) => a.label.localeCompare(b.label, 'ru');

/**
 * The report order: the whole sample, then each region followed by its municipalities, each followed by its
 * ОО. A row whose parent is not shown (an ОО without a municipality row) follows the rows it can attach to.
 */
export function orderLevels(levels: { kind: LevelKind; rows: LevelAggregate[] }[]): LevelRow[] {
  const of = (kind: LevelKind): LevelRow[] =>
    levels
      .filter((l) => l.kind === kind)
      .flatMap((l) => l.rows)
      .map((r) => ({ kind, id: r.key, label: r.label, parentId: r.parentId, agg: r.agg }));
  const all = of('all');
  const regions = of('region').sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
  const municipalities = of('municipality').sort(byLabel);
  const orgs = of('org').sort(byLabel);
  const out: LevelRow[] = [...all];
  const placed = new Set<LevelRow>();
  const orgsUnder = (parent: string | null) => orgs.filter((o) => o.parentId === parent && !placed.has(o));
  const push = (r: LevelRow) => {
    out.push(r);
    placed.add(r);
  };
  for (const region of regions) {
    push(region);
    for (const m of municipalities.filter((x) => x.parentId === region.id)) {
      push(m);
      orgsUnder(m.id).forEach(push);
    }
    orgsUnder(region.id).forEach(push);
  }
  for (const m of municipalities.filter((x) => !placed.has(x))) {
    push(m);
    orgsUnder(m.id).forEach(push);
  }
  orgs.filter((o) => !placed.has(o)).forEach(push);
  return out;
}
