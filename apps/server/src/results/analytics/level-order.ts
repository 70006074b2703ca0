import type { LevelKind, LevelRow } from '@oko/shared';
import type { LevelAggregate } from './analytics.repository.ts';

const collator = new Intl.Collator('ru');
const byLabel = (a: LevelRow, b: LevelRow) => collator.compare(a.label, b.label);

function groupByParent(rows: LevelRow[]): Map<string | null, LevelRow[]> {
  const out = new Map<string | null, LevelRow[]>();
  for (const r of rows) {
    const list = out.get(r.parentId);
    if (list) list.push(r);
    else out.set(r.parentId, [r]);
  }
  return out;
}

/**
 * The report order: the whole sample, then each region followed by its municipalities, each followed by its
 * ОО. A row whose parent is not shown (an ОО without a municipality row) follows the rows it can attach to.
 * Linear in the rows (children grouped by parent once): the federal view has 40,000 ОО under 2,500 municipalities.
 */
export function orderLevels(levels: { kind: LevelKind; rows: LevelAggregate[] }[]): LevelRow[] {
  const of = (kind: LevelKind): LevelRow[] =>
    levels
      .filter((l) => l.kind === kind)
      .flatMap((l) => l.rows)
      .map((r) => ({ kind, id: r.key, label: r.label, parentId: r.parentId, agg: r.agg }));
  const regions = of('region').sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
  const municipalities = of('municipality').sort(byLabel);
  const orgs = of('org').sort(byLabel);
  const municipalitiesOf = groupByParent(municipalities);
  const orgsOf = groupByParent(orgs);
  const out: LevelRow[] = [...of('all')];
  const placed = new Set<LevelRow>();
  const push = (r: LevelRow) => {
    if (placed.has(r)) return;
    out.push(r);
    placed.add(r);
  };
  const withOrgs = (m: LevelRow) => {
    push(m);
    for (const o of orgsOf.get(m.id) ?? []) push(o);
  };
  for (const region of regions) {
    push(region);
    for (const m of municipalitiesOf.get(region.id) ?? []) withOrgs(m);
    for (const o of orgsOf.get(region.id) ?? []) push(o);
  }
  for (const m of municipalities) if (!placed.has(m)) withOrgs(m);
  for (const o of orgs) push(o);
  return out;
}
