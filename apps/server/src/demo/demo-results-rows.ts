import {
  ABSENT,
  computeForm,
  markOf,
  NO_MARK,
  NOT_ATTEMPTED,
  objectivitySignals,
  RESULTS_SHEET,
  rowToResult,
  summarize,
  taskKey,
  type ConversionScale,
  type FormRow,
  type FormTemplate,
  type ParticipantResult,
  type ReportSubject,
  type ResultsAggregate,
} from '@oko/shared';

/** The ОО whose results look inflated in every subject: the objectivity panel has something to show. */
export const DEMO_SUSPICIOUS_SCHOOL = 'sch390009';

export type Difficulty = 'Б' | 'П' | 'В';

export interface DemoTask {
  number: string;
  maxScore: number;
  difficulty: Difficulty;
  dependsOn: string | null;
}

/** A small deterministic generator: the demo shows the same numbers on every machine. */
export function random(seedText: string): () => number {
  let a = 0x811c9dc5;
  for (const ch of seedText) a = Math.imul(a ^ ch.charCodeAt(0), 0x01000193);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gauss = (rnd: () => number) => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const clampMark = (m: number) => Math.min(5, Math.max(2, m));

/** How hard a task of each level is, on the pupils' ability scale. */
const LEVEL: Record<Difficulty, number> = { Б: -0.9, П: 0.3, В: 0.9 };

/** A school's level on the ability scale: the same in all its subjects, so schools differ, not subjects. */
function schoolLevel(login: string): number {
  if (login === DEMO_SUSPICIOUS_SCHOOL) return -0.7;
  return -0.5 + 1.2 * random(`level:${login}`)();
}

/** Pupils of a grade when the ОО sent no application line for it: one or two classes. */
export const demoParallel = (login: string, grade: number): number =>
  login === DEMO_SUSPICIOUS_SCHOOL ? 44 : 16 + Math.floor(random(`size:${login}:${grade}`)() * 36);

/** Adds points to the basic tasks first, as a generous checker would, until `points` are given. */
function lift(scores: (number | null)[], tasks: DemoTask[], points: number): void {
  const order = tasks.map((t, k) => ({ t, k })).sort((a, b) => LEVEL[a.t.difficulty] - LEVEL[b.t.difficulty]);
  for (const { t, k } of order) {
    while (points > 0 && t.dependsOn === null && (scores[k] ?? 0) < t.maxScore) {
      scores[k] = (scores[k] ?? 0) + 1;
      points--;
    }
  }
}

export interface FormSubject {
  code: string;
  grade: number;
  variants: number;
  maxScore: number;
  scale: ConversionScale;
  tasks: DemoTask[];
  /** the results form the server builds for the subject: its computed total is stored with the rows */
  template: FormTemplate;
}

/**
 * The results form of one ОО as a teacher fills it: per pupil an ability around the school's, task scores by
 * difficulty, a few X, about 5 % absent, the journal mark mostly equal to the work mark or one above it. The
 * suspicious school pulls pupils just under the «3» threshold up to it, and its work marks beat its journal.
 */
export function filledRows(login: string, subject: FormSubject, codes: string[], attempt = 0): FormRow[] {
  const rnd = random(`results:${login}:${subject.code}:${subject.grade}:${attempt}`);
  const { tasks, scale } = subject;
  const suspicious = login === DEMO_SUSPICIOUS_SCHOOL;
  const level = schoolLevel(login);
  const classes = Math.max(1, Math.round(codes.length / 25));
  return codes.map((code, i): FormRow => {
    const classNo = Math.floor((i * classes) / codes.length) + 1;
    if (rnd() < 0.05) return { code, variant: ABSENT, classNo, journal: null };
    const ability = level + 0.9 * gauss(rnd);
    const scores: (number | null)[] = tasks.map((t) => {
      const p = 1 / (1 + Math.exp(-1.7 * (ability - LEVEL[t.difficulty])));
      if ((t.difficulty !== 'Б' && p < 0.3 && rnd() < 0.35) || rnd() < 0.01) return null;
      let s = 0;
      for (let k = 0; k < t.maxScore; k++) if (rnd() < p) s++;
      return s;
    });
    // a criterion scored 0 or X takes its dependants down with it, as the form's rule demands
    tasks.forEach((t, k) => {
      const parent = t.dependsOn ? tasks.findIndex((x) => x.number === t.dependsOn) : -1;
      if (parent >= 0 && !scores[parent]) scores[k] = scores[parent] === null ? null : 0;
    });
    const total = () => scores.reduce<number>((a, s) => a + (s ?? 0), 0);
    const honest = markOf(total(), scale);
    let journal: number;
    if (suspicious) {
      const gap = scale.scale3 - total();
      if (gap >= 1 && gap <= 3 && total() > 0) lift(scores, tasks, gap + (rnd() < 0.3 ? 1 : 0));
      journal = rnd() < 0.3 ? honest - 1 : honest;
    } else {
      // a written test often comes out a mark below the year's marks, rarely above
      const r = rnd();
      journal = honest + (r < 0.68 ? 0 : r < 0.88 ? 1 : r < 0.97 ? -1 : 2);
    }
    const row: FormRow = {
      code,
      variant: String((i % subject.variants) + 1),
      classNo,
      journal: rnd() < 0.02 ? NO_MARK : String(clampMark(journal)),
    };
    scores.forEach((s, k) => (row[taskKey(k)] = s === null ? NOT_ATTEMPTED : String(s)));
    return row;
  });
}

export interface DemoForm {
  rows: FormRow[];
  results: ParticipantResult[];
  summary: ResultsAggregate;
}

/**
 * The form of one ОО, drawn again (up to a few times) until the objectivity rules judge it as the story
 * wants: the suspicious school flagged, every other school clean, whatever a small class happens to score.
 */
export function plausibleForm(
  login: string,
  orgId: string,
  subject: FormSubject,
  report: ReportSubject,
  codes: string[],
) {
  const wantFlagged = login === DEMO_SUSPICIOUS_SCHOOL;
  let form: DemoForm | null = null;
  for (let attempt = 0; attempt < 12; attempt++) {
    form = formOf(filledRows(login, subject, codes, attempt), subject);
    const org = { kind: 'org' as const, id: orgId, label: login, parentId: null, agg: form.summary };
    const flagged = objectivitySignals(report, [org]).length > 0;
    if (flagged === wantFlagged) break;
  }
  return form!;
}

/** What the server keeps of an accepted form: the rows with their total, the results and the summary. */
export function formOf(filled: FormRow[], subject: FormSubject): DemoForm {
  const rows = computeForm(subject.template, { [RESULTS_SHEET]: filled })[RESULTS_SHEET]!;
  const results = rows.map((r) => rowToResult(r, subject.tasks.length, subject.scale));
  return { rows, results, summary: summarize(results, subject.tasks.length, subject.maxScore) };
}
