import ExcelJS from 'exceljs';
import { REGIONS, type Job, type JobStarted, type NotificationList } from '@oko/shared';
import { expect } from 'vitest';
import { TEST_PASSWORD, type BuiltUser } from './factories.ts';
import { signedIn, type Client, type Harness } from './harness.ts';
import { filledForm, issueCodes, uploadResults, type Cell } from './results-support.ts';

/**
 * A small country with ВПР results for the analytics tests, and an independent model of every report: the
 * expected numbers are computed here from the raw rows the schools uploaded (own totals, marks, shares and
 * rounding), never through the shared report code, so a report that adds up or rounds wrongly is caught.
 */

export const TEST_DATE = '2026-12-10';
export const DEADLINE = '2026-12-15';
/** 12:00 Moscow time of the test day: the results form is open in every zone */
export const TEST_DAY_NOON = '2026-12-10T09:00:00Z';

export type Difficulty = 'Б' | 'П' | 'В';
export type Mark = 2 | 3 | 4 | 5;
export type Detail = 'regions' | 'municipalities' | 'orgs';
export type ReportName = 'individual' | 'marks' | 'journal' | 'scores' | 'tasks' | 'planned';
export const REPORT_NAMES: ReportName[] = ['individual', 'marks', 'journal', 'scores', 'tasks', 'planned'];

export interface TaskSpec {
  number: string;
  max: number;
  difficulty: Difficulty;
  planned: string;
  dependsOn: string | null;
}

export interface SubjectSpec {
  code: string;
  name: string;
  grade: number;
  variants: number;
  scale3: number;
  scale4: number;
  scale5: number;
  tasks: TaskSpec[];
}

/** Математика 4 of this test: seven task columns of all three levels, one criterion depending on another. */
export const MATH: SubjectSpec = {
  code: 'МА',
  name: 'Математика',
  grade: 4,
  variants: 2,
  scale3: 3,
  scale4: 6,
  scale5: 8,
  tasks: [
    { number: '1', max: 1, difficulty: 'Б', planned: 'Выполнять арифметические действия с числами', dependsOn: null },
    { number: '2', max: 1, difficulty: 'Б', planned: 'Решать задачи в одно действие', dependsOn: null },
    { number: '3', max: 2, difficulty: 'Б', planned: 'Читать и заполнять таблицы', dependsOn: null },
    { number: '4К1', max: 2, difficulty: 'П', planned: 'Решать текстовые задачи в 3–4 действия', dependsOn: null },
    { number: '4К2', max: 1, difficulty: 'П', planned: 'Записывать решение и ответ задачи', dependsOn: '4К1' },
    { number: '5', max: 2, difficulty: 'В', planned: 'Решать задачи на логику и перебор', dependsOn: null },
    { number: '6', max: 1, difficulty: 'Б', planned: 'Вычислять периметр прямоугольника', dependsOn: null },
  ],
};

/** A second subject of the same campaign: its results must never leak into the first one's reports. */
export const RUSSIAN: SubjectSpec = {
  code: 'РУ',
  name: 'Русский язык',
  grade: 4,
  variants: 1,
  scale3: 1,
  scale4: 2,
  scale5: 3,
  tasks: [
    { number: '1', max: 2, difficulty: 'Б', planned: 'Писать текст под диктовку', dependsOn: null },
    { number: '2', max: 1, difficulty: 'П', planned: 'Находить главные члены предложения', dependsOn: null },
  ],
};

export const maxScore = (s: SubjectSpec): number => s.tasks.reduce((a, t) => a + t.max, 0);

// ---------- raw rows ----------

export type Score = number | 'X';
export type Journal = Mark | 'нет отметки';

/** One row of the protocol as the school typed it. */
export interface RawPupil {
  code: string;
  /** null: «отсутствовал» */
  variant: number | null;
  /** null when absent; 'X' — did not attempt */
  scores: Score[] | null;
  classNo: number;
  /** an absent pupil's journal cell may stay blank (null) */
  journal: Journal | null;
}

/** mulberry32: the same pseudo-random rows on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pupilCode = (grade: number, i: number): string => `${grade}${String(i + 1).padStart(4, '0')}`;

/**
 * Pupils of one school: abilities spread from weak to strong so every mark occurs, X now and then, a few
 * absent, journal marks near the work's mark (or «нет отметки»). `raisedJournal`: every journal mark is 2
 * and the pupils are strong — the work's marks are far above the journal's, the picture the journal rule flags.
 */
export function generatePupils(
  subject: SubjectSpec,
  rand: () => number,
  o: { present: number; absent: number; raisedJournal?: boolean },
): RawPupil[] {
  const out: RawPupil[] = [];
  const total = o.present + o.absent;
  const absentAt = new Set(Array.from({ length: o.absent }, (_, k) => Math.floor(((k + 0.5) * total) / o.absent)));
  for (let i = 0; i < total; i++) {
    const code = pupilCode(subject.grade, i);
    const classNo = 1 + Math.floor(rand() * 3);
    if (absentAt.has(i)) {
      const journal: (Journal | null)[] = [4, null, 'нет отметки'];
      out.push({ code, variant: null, scores: null, classNo, journal: journal[i % 3]! });
      continue;
    }
    const ability = o.raisedJournal ? 0.55 + 0.4 * rand() : 0.05 + 0.9 * rand();
    const scores: Score[] = [];
    subject.tasks.forEach((t) => {
      const parent = t.dependsOn ? scores[subject.tasks.findIndex((p) => p.number === t.dependsOn)] : undefined;
      if (parent === 0 || parent === 'X') {
        scores.push(rand() < 0.5 ? 0 : 'X');
        return;
      }
      if (rand() < 0.07) {
        scores.push('X');
        return;
      }
      let s = 0;
      for (let k = 0; k < t.max; k++) if (rand() < ability) s++;
      scores.push(s);
    });
    const mark = markOf(subject, totalOf(scores));
    let journal: Journal;
    if (o.raisedJournal) journal = 2;
    else if (rand() < 0.12) journal = 'нет отметки';
    else journal = Math.min(5, Math.max(2, mark + [-1, 0, 0, 0, 1][Math.floor(rand() * 5)]!)) as Mark;
    out.push({ code, variant: 1 + (i % subject.variants), scores, classNo, journal });
  }
  return out;
}

/** A row of «Протокол» as typed: some X written with the Cyrillic «Х», which the form takes for the same. */
export function protocolCells(subject: SubjectSpec, p: RawPupil): Cell[] {
  const scores: Cell[] = p.scores
    ? p.scores.map((s, i) => (s === 'X' ? ((Number(p.code) + i) % 2 ? 'Х' : 'X') : s))
    : subject.tasks.map(() => null);
  return [p.code, p.variant ?? 'отсутствовал', ...scores, p.classNo, p.journal];
}

/** The same row as the online table sends it. */
export function onlineRow(p: RawPupil): Record<string, string | number> {
  const row: Record<string, string | number> = {
    code: p.code,
    variant: p.variant === null ? 'отсутствовал' : String(p.variant),
    classNo: p.classNo,
  };
  p.scores?.forEach((s, i) => (row[`t${i + 1}`] = String(s)));
  if (p.journal !== null) row.journal = String(p.journal);
  return row;
}

// ---------- the country ----------

export interface MuniRec {
  key: string;
  id: string;
  code: string;
  name: string;
  regionCode: string;
  coordinator: BuiltUser;
}

export interface SchoolRec {
  key: string;
  id: string;
  name: string;
  login: string;
  user: BuiltUser;
  muni: MuniRec;
  /** the rows this school will upload (generated up front, seeded) */
  planned: RawPupil[];
  /** the rows accepted last; null: nothing accepted yet */
  results: RawPupil[] | null;
  uploads: number;
  /** the clock at the last accepted upload */
  uploadedAt: Date | null;
  /** whether the first accepted upload came after the deadline */
  late: boolean;
}

export interface SubjectRec {
  id: string;
  spec: SubjectSpec;
}

export interface Country {
  campaignId: string;
  math: SubjectRec;
  russian: SubjectRec;
  munis: Record<string, MuniRec>;
  schools: Record<string, SchoolRec>;
  federal: BuiltUser;
  regionCoordinators: Record<string, BuiltUser>;
}

interface SchoolPlan {
  key: string;
  name: string;
  muni: string;
  present: number;
  absent: number;
  raisedJournal?: boolean;
}

/**
 * Region 39: «Город Алтын» (Астра, Берег, Вега) and «Город Березино» (Гранит, Дубрава — the crafted journal
 * mismatch, Заря, Иней); region 77: «Округ Восточный» (Ель, Жасмин). Every school is in the plan-schedule of
 * Математика 4; Астра also writes Русский язык 4. Names sort the same in every collation.
 */
const SCHOOL_PLANS: SchoolPlan[] = [
  { key: 'astra', name: 'Школа Астра', muni: 'altyn', present: 14, absent: 2 },
  { key: 'bereg', name: 'Школа Берег', muni: 'altyn', present: 13, absent: 1 },
  { key: 'vega', name: 'Школа Вега', muni: 'altyn', present: 8, absent: 1 },
  { key: 'granit', name: 'Школа Гранит', muni: 'berezino', present: 15, absent: 1 },
  { key: 'dubrava', name: 'Школа Дубрава', muni: 'berezino', present: 12, absent: 1, raisedJournal: true },
  { key: 'zarya', name: 'Школа Заря', muni: 'berezino', present: 5, absent: 0 },
  { key: 'inei', name: 'Школа Иней', muni: 'berezino', present: 5, absent: 0 },
  { key: 'el', name: 'Школа Ель', muni: 'vostok', present: 12, absent: 2 },
  { key: 'zhasmin', name: 'Школа Жасмин', muni: 'vostok', present: 10, absent: 1 },
];

/** A subject with its tasks, inserted as the campaign import would leave it. */
export async function insertSubject(
  h: Harness,
  campaignId: string,
  s: SubjectSpec,
  deadline = DEADLINE,
): Promise<SubjectRec> {
  const row = await h.db
    .insertInto('subjects')
    .values({
      campaign_id: campaignId,
      code: s.code,
      name: s.name,
      grade: s.grade,
      materials_group: 'open',
      variants: s.variants,
      max_score: maxScore(s),
      scale_3: s.scale3,
      scale_4: s.scale4,
      scale_5: s.scale5,
      results_deadline: deadline,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('subject_tasks')
    .values(
      s.tasks.map((t, i) => ({
        subject_id: row.id,
        position: i + 1,
        number: t.number,
        max_score: t.max,
        difficulty: t.difficulty,
        planned_result: t.planned,
        depends_on: t.dependsOn,
      })),
    )
    .execute();
  return { id: row.id, spec: s };
}

export async function buildCountry(h: Harness): Promise<Country> {
  const f = h.factory;
  const campaign = await h.db
    .insertInto('campaigns')
    .values({ code: 'vpr-analytics', title: 'ВПР 2026', window_start: '2026-11-01', window_end: '2026-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const math = await insertSubject(h, campaign.id, MATH);
  const russian = await insertSubject(h, campaign.id, RUSSIAN);
  const muniPlans = [
    { key: 'altyn', region: '39', code: '101', name: 'Город Алтын' },
    { key: 'berezino', region: '39', code: '102', name: 'Город Березино' },
    { key: 'vostok', region: '77', code: '101', name: 'Округ Восточный' },
  ];
  const munis: Record<string, MuniRec> = {};
  for (const m of muniPlans) {
    const row = await f.municipality(m.region, { code: m.code, name: m.name });
    const coordinator = await f.municipalCoordinator(row);
    munis[m.key] = { key: m.key, id: row.id, code: m.code, name: m.name, regionCode: m.region, coordinator };
  }
  const rand = seeded(20261210);
  const schools: Record<string, SchoolRec> = {};
  for (const p of SCHOOL_PLANS) {
    const muni = munis[p.muni]!;
    const org = await f.org({ municipalityId: muni.id, regionCode: muni.regionCode, name: p.name });
    const user = await f.orgAccount(org);
    const planned = generatePupils(MATH, rand, p);
    await issueCodes(h, campaign.id, org.id, planned.length + 3, MATH.grade);
    schools[p.key] = {
      key: p.key,
      id: org.id,
      name: p.name,
      login: user.login,
      user,
      muni,
      planned,
      results: null,
      uploads: 0,
      uploadedAt: null,
      late: false,
    };
  }
  const scheduled = (subjectId: string, orgId: string) => ({
    campaign_id: campaign.id,
    subject_id: subjectId,
    org_id: orgId,
    test_date: TEST_DATE,
    chosen_at: new Date('2026-11-20T06:00:00Z'),
  });
  await h.db
    .insertInto('schedule_entries')
    .values([...Object.values(schools).map((s) => scheduled(math.id, s.id)), scheduled(russian.id, schools.astra!.id)])
    .execute();
  return {
    campaignId: campaign.id,
    math,
    russian,
    munis,
    schools,
    federal: await f.federal('fed_analytics'),
    regionCoordinators: { '39': await f.regionCoordinator('39'), '77': await f.regionCoordinator('77') },
  };
}

export const as = (h: Harness, user: { login: string }): Promise<Client> => signedIn(h.app, user.login, TEST_PASSWORD);

/** Uploads these rows through the XLSX route, as a teacher fills the downloaded blank; records what was accepted. */
export async function uploadXlsx(h: Harness, subject: SubjectRec, school: SchoolRec, rows: RawPupil[]): Promise<void> {
  const c = await as(h, school.user);
  const blank = await c.get(`/api/vpr/results/${subject.id}/form.xlsx`);
  expect(blank.statusCode, blank.body).toBe(200);
  // the downloaded form carries the rows accepted before: a re-upload starts from an empty protocol
  const bytes = await filledForm(
    await clearedProtocol(blank.rawPayload),
    rows.map((p) => protocolCells(subject.spec, p)),
  );
  const res = await uploadResults(c, subject.id, bytes);
  expect(res.statusCode, res.body).toBe(200);
  if (subject.spec !== MATH) return;
  expect(res.json()).toMatchObject({ number: school.uploads + 1 });
  accepted(h, school, rows);
}

async function clearedProtocol(form: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(form as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Протокол')!;
  for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).eachCell((c) => (c.value = null));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Fills the online table with autosave and submits it. */
export async function submitOnline(
  h: Harness,
  subject: SubjectRec,
  school: SchoolRec,
  rows: RawPupil[],
): Promise<void> {
  const c = await as(h, school.user);
  const url = `/api/vpr/results/${subject.id}`;
  const view = (await c.get(url)).json() as { entry: { version: number } | null };
  const saved = await c.request({
    method: 'PUT',
    url: `${url}/entry`,
    payload: { data: { protocol: rows.map(onlineRow) }, version: view.entry?.version ?? 0 },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const res = await c.post(`${url}/submit`, { version: (saved.json() as { version: number }).version });
  expect(res.statusCode, res.body).toBe(200);
  if (subject.spec === MATH) accepted(h, school, rows);
}

function accepted(h: Harness, school: SchoolRec, rows: RawPupil[]): void {
  const now = h.clock.now();
  if (school.uploads === 0) school.late = now >= deadlineMoment();
  school.results = rows;
  school.uploads++;
  school.uploadedAt = now;
}

/** 23:00 Moscow time (UTC+3, no daylight saving) of the deadline day. */
export const deadlineMoment = (): Date => new Date(`${DEADLINE}T20:00:00Z`);

// ---------- the independent model of the reports ----------

export const totalOf = (scores: readonly Score[]): number =>
  scores.reduce<number>((a, s) => a + (s === 'X' ? 0 : s), 0);

export function markOf(subject: SubjectSpec, total: number): Mark {
  if (total >= subject.scale5) return 5;
  if (total >= subject.scale4) return 4;
  if (total >= subject.scale3) return 3;
  return 2;
}

/**
 * part ÷ whole as a percentage rounded half up to two decimals, in integer arithmetic: the value the XLSX must
 * hold to the last digit.
 */
export function pct(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.floor((2 * part * 10000 + whole) / (2 * whole)) / 100;
}

export interface Agg {
  orgs: number;
  participants: number;
  absent: number;
  /** pupils with 2, 3, 4, 5 */
  marks: [number, number, number, number];
  lower: number;
  same: number;
  higher: number;
  histogram: number[];
  points: number[];
  pointsByMark: number[][];
}

export function aggregate(subject: SubjectSpec, schools: readonly SchoolRec[]): Agg {
  const n = subject.tasks.length;
  const a: Agg = {
    orgs: 0,
    participants: 0,
    absent: 0,
    marks: [0, 0, 0, 0],
    lower: 0,
    same: 0,
    higher: 0,
    histogram: Array.from({ length: maxScore(subject) + 1 }, () => 0),
    points: Array.from({ length: n }, () => 0),
    pointsByMark: [0, 1, 2, 3].map(() => Array.from({ length: n }, () => 0)),
  };
  for (const s of schools) {
    if (!s.results) continue;
    a.orgs++;
    for (const p of s.results) {
      if (!p.scores) {
        a.absent++;
        continue;
      }
      a.participants++;
      const total = totalOf(p.scores);
      const mark = markOf(subject, total);
      a.marks[mark - 2]! += 1;
      a.histogram[total]!++;
      p.scores.forEach((v, i) => {
        const got = v === 'X' ? 0 : v;
        a.points[i]! += got;
        a.pointsByMark[mark - 2]![i]! += got;
      });
      if (typeof p.journal === 'number') {
        if (mark < p.journal) a.lower++;
        else if (mark > p.journal) a.higher++;
        else a.same++;
      }
    }
  }
  return a;
}

export type Viewer =
  | { role: 'federal'; detail: Detail }
  | { role: 'region'; regionCode: string; detail: Detail }
  | { role: 'municipal'; muni: MuniRec }
  | { role: 'school'; school: SchoolRec };

export type LevelKind = 'all' | 'region' | 'municipality' | 'org';

export interface Level {
  kind: LevelKind;
  label: string;
  schools: SchoolRec[];
}

export const regionName = (code: string): string => REGIONS.find((r) => r.code === code)!.name;
export const schoolLabel = (s: SchoolRec): string => `${s.name}(${s.login})`;
export const muniLabel = (m: MuniRec): string => `${m.name}(${m.coordinator.login})`;
const byRu = (a: string, b: string) => a.localeCompare(b, 'ru');

/**
 * The level rows a viewer should get: the whole sample, then each region shown with its municipalities, each
 * with its ОО. Aggregates above the viewer count everyone in them; single ОО only inside the viewer's scope.
 */
export function levelsFor(country: Country, viewer: Viewer): Level[] {
  const withResults = Object.values(country.schools).filter((s) => s.results);
  const depth =
    viewer.role === 'federal' || viewer.role === 'region'
      ? { regions: 1, municipalities: 2, orgs: 3 }[viewer.detail]
      : 3;
  const ownRegion =
    viewer.role === 'region'
      ? viewer.regionCode
      : viewer.role === 'municipal'
        ? viewer.muni.regionCode
        : viewer.role === 'school'
          ? viewer.school.muni.regionCode
          : null;
  const ownMuni = viewer.role === 'municipal' ? viewer.muni : viewer.role === 'school' ? viewer.school.muni : null;
  const levels: Level[] = [{ kind: 'all', label: 'Вся выборка', schools: withResults }];
  const regions = [...new Set(withResults.map((s) => s.muni.regionCode))]
    .filter((r) => ownRegion === null || r === ownRegion)
    .sort();
  for (const region of regions) {
    const inRegion = withResults.filter((s) => s.muni.regionCode === region);
    levels.push({ kind: 'region', label: regionName(region), schools: inRegion });
    const munis = [...new Set(inRegion.map((s) => s.muni))]
      .filter((m) => (ownMuni ? m === ownMuni : depth >= 2))
      .sort((a, b) => byRu(muniLabel(a), muniLabel(b)));
    for (const m of munis) {
      const inMuni = inRegion.filter((s) => s.muni === m);
      levels.push({ kind: 'municipality', label: muniLabel(m), schools: inMuni });
      const orgs = inMuni
        .filter((s) => (viewer.role === 'school' ? s === viewer.school : depth >= 3))
        .sort((a, b) => byRu(schoolLabel(a), schoolLabel(b)));
      for (const s of orgs) levels.push({ kind: 'org', label: schoolLabel(s), schools: [s] });
    }
  }
  return levels;
}

/** The ОО whose pupils a viewer sees one by one, in the order of «Индивидуальные результаты». */
export function individualSchools(country: Country, viewer: Viewer): SchoolRec[] {
  return Object.values(country.schools)
    .filter((s) => s.results)
    .filter((s) => {
      switch (viewer.role) {
        case 'federal':
          return true;
        case 'region':
          return s.muni.regionCode === viewer.regionCode;
        case 'municipal':
          return s.muni === viewer.muni;
        case 'school':
          return s === viewer.school;
      }
    })
    .sort(
      (a, b) =>
        a.muni.regionCode.localeCompare(b.muni.regionCode) ||
        byRu(a.muni.name, b.muni.name) ||
        (a.login < b.login ? -1 : a.login > b.login ? 1 : 0),
    );
}

export type XCell = string | number | null;
export interface ExpectedRow {
  kind: LevelKind | 'group' | 'data';
  cells: XCell[];
}

export interface ExpectedReport {
  sheetName: string;
  title: string;
  header: string[];
  /** R7, or null when the report has no difficulty row */
  difficultyRow: XCell[] | null;
  rows: ExpectedRow[];
  percentColumns: number[];
}

const TITLES: Record<ReportName, string> = {
  individual: 'Индивидуальные результаты',
  marks: 'Статистика по отметкам',
  journal: 'Сравнение отметок с отметками по журналу',
  scores: 'Распределение первичных баллов',
  tasks: 'Выполнение заданий',
  planned: 'Достижение планируемых результатов',
};

export const heading = (s: SubjectSpec): string => `ВПР 2026 ${s.name} ${s.grade} класс`;
const taskTitles = (s: SubjectSpec) => s.tasks.map((t) => `${t.number} (${t.max}б)`);
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

/** The viewer's own path: the leading levels of one row each, up to where several rows of a kind begin. */
function ownLevels(levels: Level[]): Level[] {
  const path: Level[] = [];
  for (const l of levels) {
    if (levels.filter((x) => x.kind === l.kind).length !== 1) break;
    path.push(l);
  }
  return path;
}

export function expectedReport(country: Country, viewer: Viewer, report: ReportName): ExpectedReport {
  const subject = country.math.spec;
  const sheetName = `${subject.code} ${subject.grade} ${TITLES[report]}`.slice(0, 31);
  const base = { sheetName, title: TITLES[report] };
  const levels = levelsFor(country, viewer);
  const tasks = subject.tasks;
  switch (report) {
    case 'individual': {
      const header = [
        'ОО',
        'Муниципалитет',
        'Название ОО',
        'Код участника',
        'Класс',
        'Вариант',
        ...taskTitles(subject),
        'Первичный балл',
        'Отметка',
        'Отметка по журналу',
      ];
      const rows: ExpectedRow[] = [];
      for (const s of individualSchools(country, viewer)) {
        const present = s.results!.filter((p) => p.scores).length;
        const group: XCell[] = [schoolLabel(s), `Кол-во участников: ${present}`];
        rows.push({ kind: 'group', cells: [...group, ...header.slice(2).map(() => null)] });
        for (const p of [...s.results!].sort((a, b) => (a.code < b.code ? -1 : 1))) {
          const fixed: XCell[] = [s.login, s.muni.name, s.name, p.code, p.classNo];
          if (!p.scores) {
            const journal = typeof p.journal === 'number' ? p.journal : null;
            rows.push({
              kind: 'data',
              cells: [...fixed, 'отсутствовал', ...tasks.map(() => null), null, null, journal],
            });
            continue;
          }
          const total = totalOf(p.scores);
          rows.push({
            kind: 'data',
            cells: [...fixed, p.variant, ...p.scores, total, markOf(subject, total), p.journal ?? 'нет отметки'],
          });
        }
      }
      return {
        ...base,
        header,
        difficultyRow: [...range(0, 6).map(() => null), ...tasks.map((t) => t.difficulty), null, null, null],
        rows,
        percentColumns: [],
      };
    }
    case 'marks':
      return {
        ...base,
        header: ['Группы участников', 'Кол-во ОО', 'Кол-во участников', '2', '3', '4', '5'],
        difficultyRow: null,
        rows: levels.map((l) => {
          const a = aggregate(subject, l.schools);
          return {
            kind: l.kind,
            cells: [l.label, a.orgs, a.participants, ...a.marks.map((m) => pct(m, a.participants))],
          };
        }),
        percentColumns: [3, 4, 5, 6],
      };
    case 'journal':
      return {
        ...base,
        header: [
          'Группы участников',
          'Кол-во участников',
          'Понизили (Отметка < Отметка по журналу) %',
          'Подтвердили (Отметка = Отметке по журналу) %',
          'Повысили (Отметка > Отметка по журналу) %',
          'Понизили, чел.',
          'Подтвердили, чел.',
          'Повысили, чел.',
        ],
        difficultyRow: null,
        rows: levels.map((l) => {
          const a = aggregate(subject, l.schools);
          const both = a.lower + a.same + a.higher;
          return {
            kind: l.kind,
            cells: [
              l.label,
              both,
              pct(a.lower, both),
              pct(a.same, both),
              pct(a.higher, both),
              a.lower,
              a.same,
              a.higher,
            ],
          };
        }),
        percentColumns: [2, 3, 4],
      };
    case 'scores': {
      const max = maxScore(subject);
      return {
        ...base,
        header: ['Группы участников', 'Кол-во участников', ...range(0, max + 1).map(String)],
        difficultyRow: null,
        rows: levels.map((l) => {
          const a = aggregate(subject, l.schools);
          return { kind: l.kind, cells: [l.label, a.participants, ...a.histogram.map((n) => pct(n, a.participants))] };
        }),
        percentColumns: range(2, max + 1),
      };
    }
    case 'tasks': {
      const shares = (points: number[], pupils: number) => tasks.map((t, i) => pct(points[i]!, t.max * pupils));
      const rows: ExpectedRow[] = [];
      for (const l of levels) {
        const a = aggregate(subject, l.schools);
        rows.push({ kind: l.kind, cells: [l.label, a.participants, ...shares(a.points, a.participants)] });
        ([2, 3, 4, 5] as const).forEach((m, k) =>
          rows.push({
            kind: 'data',
            cells: [`Группа с отметкой «${m}»`, a.marks[k]!, ...shares(a.pointsByMark[k]!, a.marks[k]!)],
          }),
        );
      }
      return {
        ...base,
        header: ['Группы участников', 'Кол-во участников', ...taskTitles(subject)],
        difficultyRow: [null, null, ...tasks.map((t) => t.difficulty)],
        rows,
        percentColumns: range(2, tasks.length),
      };
    }
    case 'planned': {
      const columns = ownLevels(levels);
      const aggs = columns.map((l) => aggregate(subject, l.schools));
      const last = aggs[aggs.length - 1]!;
      const sufficient = { Б: 60, П: 30, В: 30 };
      return {
        ...base,
        header: [
          'Номер задания',
          'Проверяемые требования (умения)',
          'Уровень сложности',
          'Макс. балл',
          ...columns.map((l) => l.label),
          'Достигнуто',
        ],
        difficultyRow: null,
        rows: tasks.map((t, i) => {
          const values = aggs.map((a) => pct(a.points[i]!, t.max * a.participants));
          const judged = values[values.length - 1]!;
          const achieved = last.participants === 0 ? null : judged >= sufficient[t.difficulty] ? 'да' : 'нет';
          return { kind: 'data', cells: [t.number, t.planned, t.difficulty, t.max, ...values, achieved] };
        }),
        percentColumns: range(4, columns.length),
      };
    }
  }
}

// ---------- reading the XLSX back ----------

/** The cells of a row from column A, blanks as null, trailing blanks dropped. */
export function rowCells(ws: ExcelJS.Worksheet, r: number): XCell[] {
  const values = ws.getRow(r).values as unknown[];
  const out: XCell[] = [];
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    out.push(v === undefined || v === null ? null : (v as XCell));
  }
  return trimNulls(out);
}

export function trimNulls(cells: readonly XCell[]): XCell[] {
  const out = [...cells];
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
}

/** Every string in the sheet, to look for what must not be there. */
export function sheetText(ws: ExcelJS.Worksheet): string {
  const parts: string[] = [ws.name];
  ws.eachRow((row) => row.eachCell((c) => parts.push(String(c.value))));
  return parts.join('\n');
}

/** 'дд.мм.гггг чч:мм' in Moscow (UTC+3 all year), built by hand rather than through Intl. */
export function moscowText(at: Date): string {
  const m = new Date(at.getTime() + 3 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(m.getUTCDate())}.${two(m.getUTCMonth() + 1)}.${m.getUTCFullYear()} ${two(m.getUTCHours())}:${two(m.getUTCMinutes())}`;
}

/**
 * The sheet against the model: name, R1–R8 and every data cell from R9, percentages as numbers shown with two
 * decimals, level and group rows bold, nothing after the last row.
 */
export function checkSheet(
  ws: ExcelJS.Worksheet,
  want: ExpectedReport,
  subject: SubjectSpec,
  computedAt: Date,
  label: string,
): void {
  expect(ws.name, label).toBe(want.sheetName);
  expect(ws.name.length).toBeLessThanOrEqual(31);
  expect(rowCells(ws, 1), `${label} R1`).toEqual([want.title]);
  expect(rowCells(ws, 2), `${label} R2`).toEqual([]);
  expect(rowCells(ws, 3), `${label} R3`).toEqual([heading(subject)]);
  expect(rowCells(ws, 4), `${label} R4`).toEqual(['Предмет:', subject.name]);
  expect(rowCells(ws, 5), `${label} R5`).toEqual(['Максимальный первичный балл:', maxScore(subject)]);
  const moment = moscowText(computedAt);
  expect(rowCells(ws, 6), `${label} R6`).toEqual(['Дата:', moment.slice(0, 10), 'Данные рассчитаны:', `${moment} МСК`]);
  expect(rowCells(ws, 7), `${label} R7`).toEqual(trimNulls(want.difficultyRow ?? []));
  expect(rowCells(ws, 8), `${label} R8`).toEqual(want.header);
  want.rows.forEach((row, i) => {
    const r = 9 + i;
    expect(rowCells(ws, r), `${label} R${r}`).toEqual(trimNulls(row.cells));
    row.cells.forEach((v, c) => {
      const cell = ws.getRow(r).getCell(c + 1);
      if (want.percentColumns.includes(c)) {
        expect(typeof cell.value, `${label} R${r}C${c + 1} is a number`).toBe('number');
        expect(cell.numFmt, `${label} R${r}C${c + 1} format`).toBe('0.00');
      } else {
        expect(cell.numFmt ?? 'General', `${label} R${r}C${c + 1} format`).not.toBe('0.00');
      }
      if (v !== null) expect(Boolean(cell.font?.bold), `${label} R${r}C${c + 1} bold`).toBe(row.kind !== 'data');
    });
  });
  expect(ws.rowCount, `${label}: rows after the last expected one`).toBe(8 + want.rows.length);
}

/** POST …/export, run the queue, and fetch the file the notification carries. */
export async function exportXlsx(
  h: Harness,
  c: Client,
  url: string,
): Promise<{ wb: ExcelJS.Workbook; title: string; fileName: string }> {
  const started = await c.post(url);
  expect(started.statusCode, started.body).toBe(202);
  const { jobId, message } = started.json() as JobStarted;
  expect(message).toMatch(/придёт в уведомления/);
  await h.services.jobs.drain();
  const job = (await c.get(`/api/jobs/${jobId}`)).json() as Job;
  expect([job.status, job.error]).toEqual(['done', null]);
  const list = (await c.get('/api/notifications')).json() as NotificationList;
  const note = list.items.find((n) => n.jobId === jobId);
  expect(note?.file, `notification of job ${jobId}`).toBeTruthy();
  const file = await c.get(note!.file!.url);
  expect(file.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  return { wb, title: note!.title, fileName: note!.file!.name };
}
