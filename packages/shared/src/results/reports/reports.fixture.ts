import { addAggregate, summarize } from '../summary.ts';
import { emptyAggregate, type LevelRow, type ReportSubject } from '../analytics.ts';
import { markOf, type ParticipantResult } from '../results-form.ts';

/** Test data for the report builders: raw pupils of 6 ОО in 3 municipalities of 2 regions, from a seeded PRNG. */

export const SUBJECT: ReportSubject = {
  code: 'РУ',
  name: 'Русский язык',
  grade: 4,
  year: 2026,
  maxScore: 14,
  scale3: 4,
  scale4: 8,
  scale5: 11,
  tasks: [
    { number: '1', maxScore: 1, difficulty: 'Б', plannedResult: 'Писать под диктовку' },
    { number: '2', maxScore: 2, difficulty: 'Б', plannedResult: 'Проводить звуко-буквенный разбор' },
    { number: '3.1', maxScore: 1, difficulty: 'Б', plannedResult: 'Находить главные члены предложения' },
    { number: '3.2', maxScore: 2, difficulty: 'П', plannedResult: 'Распознавать части речи' },
    { number: '4', maxScore: 3, difficulty: 'Б', plannedResult: 'Распознавать правильную орфоэпическую норму' },
    { number: '5', maxScore: 1, difficulty: 'П', plannedResult: 'Классифицировать согласные звуки' },
    { number: '6', maxScore: 2, difficulty: 'В', plannedResult: 'Понимать текст и задавать вопросы' },
    { number: '7', maxScore: 2, difficulty: 'П', plannedResult: '=Определять тему текста' },
  ],
};

export interface OrgFixture {
  id: string;
  login: string;
  name: string;
  municipality: string;
  region: string;
  pupils: ParticipantResult[];
}

export const REGIONS = [
  { id: 'r1', name: 'Калининградская область' },
  { id: 'r2', name: 'Псковская область' },
];
export const MUNICIPALITIES = [
  { id: 'm1', region: 'r1', name: 'Калининград', code: 'reg39_m001' },
  { id: 'm2', region: 'r1', name: 'Балтийск', code: 'reg39_m002' },
  { id: 'm3', region: 'r2', name: 'Псков', code: 'reg60_m001' },
];

/** mulberry32: small, seedable, good enough to spread test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeOrgs(seed = 20260417): OrgFixture[] {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const orgs: OrgFixture[] = [];
  MUNICIPALITIES.forEach((m, mi) => {
    for (let k = 0; k < 2; k++) {
      const n = orgs.length + 1;
      // each ОО gets its own skill level so the levels differ
      const skill = 0.35 + 0.08 * n;
      const pupils: ParticipantResult[] = [];
      const count = int(30, 70);
      for (let p = 0; p < count; p++) {
        const code = String(10000 + mi * 1000 + k * 100 + p);
        if (rnd() < 0.06) {
          pupils.push({
            code,
            variant: null,
            classNo: int(1, 3),
            scores: null,
            total: null,
            mark: null,
            journal: null,
          });
          continue;
        }
        const scores = SUBJECT.tasks.map((t) => {
          if (rnd() < 0.05) return null;
          let s = 0;
          for (let i = 0; i < t.maxScore; i++) if (rnd() < skill) s++;
          return s;
        });
        const total = scores.reduce<number>((a, b) => a + (b ?? 0), 0);
        const mark = markOf(total, SUBJECT);
        const r = rnd();
        const journal =
          r < 0.1 ? null : (Math.min(5, Math.max(2, mark + (r < 0.4 ? 1 : r < 0.55 ? -1 : 0))) as 2 | 3 | 4 | 5);
        pupils.push({ code, variant: int(1, 2), classNo: int(1, 3), scores, total, mark, journal });
      }
      orgs.push({
        id: `o${n}`,
        login: `sch${String(n).padStart(6, '0')}`,
        name: `Школа № ${n}`,
        municipality: m.id,
        region: m.region,
        pupils,
      });
    }
  });
  return orgs;
}

const sum = (taskCount: number, maxScore: number, parts: LevelRow['agg'][]) =>
  parts.reduce((a, b) => addAggregate(a, b), emptyAggregate(taskCount, maxScore));

/** The level rows as the server's SQL gives them: whole sample, then each region, its municipalities, their ОО. */
export function levelRows(orgs: OrgFixture[]): LevelRow[] {
  const tc = SUBJECT.tasks.length;
  const ms = SUBJECT.maxScore;
  const per = new Map(orgs.map((o) => [o.id, summarize(o.pupils, tc, ms)]));
  const aggOf = (list: OrgFixture[]) =>
    sum(
      tc,
      ms,
      list.map((o) => per.get(o.id)!),
    );
  const rows: LevelRow[] = [{ kind: 'all', id: null, label: 'Вся выборка', parentId: null, agg: aggOf(orgs) }];
  for (const r of REGIONS) {
    rows.push({
      kind: 'region',
      id: r.id,
      label: r.name,
      parentId: null,
      agg: aggOf(orgs.filter((o) => o.region === r.id)),
    });
    for (const m of MUNICIPALITIES.filter((x) => x.region === r.id)) {
      const inM = orgs.filter((o) => o.municipality === m.id);
      rows.push({ kind: 'municipality', id: m.id, label: `${m.name}(${m.code})`, parentId: r.id, agg: aggOf(inM) });
      for (const o of inM) {
        rows.push({ kind: 'org', id: o.id, label: `${o.name}(${o.login})`, parentId: m.id, agg: aggOf([o]) });
      }
    }
  }
  return rows;
}

/** The raw pupils below a level row, found from the fixture itself rather than from the aggregates. */
export function orgsOf(orgs: OrgFixture[], level: LevelRow): OrgFixture[] {
  return orgs.filter(
    (o) =>
      level.kind === 'all' ||
      (level.kind === 'region' && o.region === level.id) ||
      (level.kind === 'municipality' && o.municipality === level.id) ||
      (level.kind === 'org' && o.id === level.id),
  );
}

export const pupilsOf = (orgs: OrgFixture[], level: LevelRow): ParticipantResult[] =>
  orgsOf(orgs, level).flatMap((o) => o.pupils);

export const wrote = (pupils: ParticipantResult[]) => pupils.filter((p) => p.scores !== null && p.mark !== null);

/** A cell holds the percentage part/whole rounded to two decimals (0 when whole is 0). */
export function isPercentOf(actual: unknown, part: number, whole: number): boolean {
  if (typeof actual !== 'number') return false;
  const raw = whole > 0 ? (part / whole) * 100 : 0;
  const twoDecimals = Math.abs(actual * 100 - Math.round(actual * 100)) < 1e-6;
  return twoDecimals && Math.abs(actual - raw) <= 0.005 + 1e-9;
}

export const META = { computedAt: new Date('2026-04-20T09:30:00Z'), date: '20.04.2026' };
