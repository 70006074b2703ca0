import { percent, type LevelRow, type ReportSubject } from './analytics.ts';
import type { ObjectivitySignal } from './api.ts';

/**
 * Objectivity signals: ОО whose results look unreliable. Nothing here is a verdict — every signal carries the rule
 * with its threshold and the measured numbers, so a coordinator can open the ОО's reports and judge. The
 * thresholds are deliberately loose enough to flag only marked departures on groups big enough to mean something.
 */
export interface ObjectivityThresholds {
  /** journal rule: pupils with both marks at least */
  journalMinPupils: number;
  /** journal rule: % of those whose work mark is above the journal mark (help during the work) */
  raisedShare: number;
  /**
   * journal rule: % of those whose work mark is below the journal mark (journal marks inflated). Set higher than
   * the raised share: a written test commonly comes out a mark below the year's marks, so only half or more
   * stands out.
   */
  loweredShare: number;
  /** pile-up rule: pupils scoring t or t+1 at least this many times those scoring t−2 or t−1 */
  pileupRatio: number;
  pileupMinPupils: number;
  /** pile-up rule: % of the ОО's participants in the upper window */
  pileupMinShare: number;
  /** task rule: percentage points by which the harder tasks (П/В) beat the basic ones (Б) */
  taskGap: number;
  taskMinParticipants: number;
}

export const DEFAULT_OBJECTIVITY_THRESHOLDS: ObjectivityThresholds = {
  journalMinPupils: 10,
  raisedShare: 25,
  loweredShare: 50,
  pileupRatio: 3,
  pileupMinPupils: 8,
  pileupMinShare: 20,
  taskGap: 10,
  taskMinParticipants: 10,
};

const num = (n: number): string => n.toFixed(2).replace('.', ',');
const pct = (n: number): string => `${num(n)} %`;
const pupilsWord = (n: number): string => {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return 'участник';
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 'участника';
  return 'участников';
};
const pupils = (n: number): string => `${n} ${pupilsWord(n)}`;

interface Found {
  signal: ObjectivitySignal;
  /** how many times over its threshold the measure is: signals of different rules are ranked by it */
  severity: number;
}

type Rule = (subject: ReportSubject, org: LevelRow & { id: string }, t: ObjectivityThresholds) => Found | null;

const journalMismatch: Rule = (_subject, org, t) => {
  const { lower, same, higher } = org.agg.journal;
  const both = lower + same + higher;
  if (both < t.journalMinPupils) return null;
  const raised = percent(higher, both);
  const lowered = percent(lower, both);
  if (raised < t.raisedShare && lowered < t.loweredShare) return null;
  return {
    severity: Math.max(raised / t.raisedShare, lowered / t.loweredShare),
    signal: {
      orgId: org.id,
      label: org.label,
      rule: 'journal_mismatch',
      ruleText:
        `Расхождение с отметками по журналу: среди участников, у которых есть и отметка за работу, и отметка ` +
        `по журналу (не меньше ${t.journalMinPupils}), отметку за работу выше журнальной получили не меньше ` +
        `${t.raisedShare} % или ниже журнальной — не меньше ${t.loweredShare} %.`,
      evidence:
        `Обе отметки у ${pupils(both)}: повысили ${higher} (${pct(raised)}), подтвердили ${same} ` +
        `(${pct(percent(same, both))}), понизили ${lower} (${pct(lowered)}).`,
      participants: org.agg.participants,
    },
  };
};

const thresholdPileup: Rule = (subject, org, t) => {
  const h = org.agg.histogram;
  const n = org.agg.participants;
  const count = (from: number, to: number) => {
    let c = 0;
    for (let s = Math.max(0, from); s <= Math.min(to, h.length - 1); s++) c += h[s] ?? 0;
    return c;
  };
  const hits: string[] = [];
  let severity = 0;
  const thresholds: [string, number][] = [
    ['3', subject.scale3],
    ['4', subject.scale4],
    ['5', subject.scale5],
  ];
  for (const [mark, at] of thresholds) {
    // below 2 points there is no full window under the threshold to compare with
    if (at < 2 || at > subject.maxScore) continue;
    const upper = count(at, at + 1);
    const lower = count(at - 2, at - 1);
    const share = percent(upper, n);
    if (upper < t.pileupMinPupils || upper < t.pileupRatio * lower || share < t.pileupMinShare) continue;
    severity = Math.max(severity, share / t.pileupMinShare);
    const upperRange = at + 1 <= subject.maxScore ? `${at}–${at + 1} баллов` : `${at} баллов`;
    hits.push(
      `порог отметки «${mark}» (${at} б.): ${upperRange} — ${pupils(upper)} (${pct(share)} от ${n}), ` +
        `${at - 2}–${at - 1} баллов — ${pupils(lower)}` +
        (lower > 0 ? ` (в ${num(upper / lower)} раза меньше)` : ''),
    );
  }
  if (hits.length === 0) return null;
  return {
    severity,
    signal: {
      orgId: org.id,
      label: org.label,
      rule: 'threshold_pileup',
      ruleText:
        `Скопление баллов сразу над порогом отметки: для порога t (минимальный балл на «3», «4» или «5») ` +
        `участников с баллом t или t+1 не меньше ${t.pileupMinPupils}, не меньше ${t.pileupMinShare} % ` +
        `участников ОО и хотя бы в ${t.pileupRatio} раза больше, чем с баллом t−2 или t−1.`,
      evidence: `${hits.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()),
      participants: n,
    },
  };
};

/** The mean of the per-task percentages, as «Выполнение заданий» shows them; null without such tasks. */
function meanTaskShare(subject: ReportSubject, org: LevelRow, hard: boolean): { mean: number; tasks: number } | null {
  const n = org.agg.participants;
  const shares = subject.tasks.flatMap((task, i) =>
    (task.difficulty !== 'Б') === hard ? [((org.agg.taskPoints[i] ?? 0) / (task.maxScore * n)) * 100] : [],
  );
  if (shares.length === 0) return null;
  return { mean: shares.reduce((a, b) => a + b, 0) / shares.length, tasks: shares.length };
}

const taskPattern: Rule = (subject, org, t) => {
  if (org.agg.participants < t.taskMinParticipants) return null;
  const basic = meanTaskShare(subject, org, false);
  const hard = meanTaskShare(subject, org, true);
  if (!basic || !hard) return null;
  const gap = Math.round((hard.mean - basic.mean) * 100) / 100;
  if (gap < t.taskGap) return null;
  return {
    severity: gap / t.taskGap,
    signal: {
      orgId: org.id,
      label: org.label,
      rule: 'task_pattern',
      ruleText:
        `Необычная картина выполнения заданий: среднее выполнение заданий повышенного и высокого уровня (П, В) ` +
        `выше среднего выполнения заданий базового уровня (Б) на ${t.taskGap} процентных пунктов и больше ` +
        `(при ${t.taskMinParticipants} участниках и больше).`,
      evidence:
        `Среднее выполнение заданий П/В — ${pct(hard.mean)} (${hard.tasks} зад.), заданий Б — ` +
        `${pct(basic.mean)} (${basic.tasks} зад.); разница ${num(gap)} п. п.; участников ${org.agg.participants}.`,
      participants: org.agg.participants,
    },
  };
};

const RULES: Rule[] = [journalMismatch, thresholdPileup, taskPattern];

/**
 * Checks every ОО row against the three rules; the most pronounced signals come first (how many times over its
 * threshold the measure is, then the bigger ОО).
 */
export function objectivitySignals(
  subject: ReportSubject,
  orgs: readonly LevelRow[],
  opts: Partial<ObjectivityThresholds> = {},
): ObjectivitySignal[] {
  const t = { ...DEFAULT_OBJECTIVITY_THRESHOLDS, ...opts };
  const found: Found[] = [];
  for (const org of orgs) {
    if (org.kind !== 'org' || org.id === null || org.agg.participants === 0) continue;
    const withId = org as LevelRow & { id: string };
    for (const rule of RULES) {
      const f = rule(subject, withId, t);
      if (f) found.push(f);
    }
  }
  found.sort(
    (a, b) =>
      b.severity - a.severity ||
      b.signal.participants - a.signal.participants ||
      a.signal.label.localeCompare(b.signal.label, 'ru'),
  );
  return found.map((f) => f.signal);
}
