import { describe, expect, it } from 'vitest';
import type { LevelRow, ResultsAggregate } from './analytics.ts';
import { objectivitySignals } from './objectivity.ts';
import { SUBJECT } from './reports/reports.fixture.ts';

/**
 * Hand-made ОО of 40 participants on SUBJECT (max 14; «3» from 4, «4» from 8, «5» from 11; tasks 1, 2, 3.1, 4 are
 * Б, the rest П/В). The clean one has a smooth histogram, journal marks mostly confirmed and Б tasks done better
 * than the harder ones; each other ОО departs from it in one respect.
 */
const CLEAN: ResultsAggregate = {
  orgs: 1,
  participants: 40,
  absent: 2,
  marks: [3, 16, 12, 9],
  journal: { lower: 8, same: 26, higher: 4 },
  histogram: [0, 0, 1, 2, 3, 4, 4, 5, 4, 4, 4, 3, 3, 2, 1],
  // Б tasks at 70 %, П/В at 50 %
  taskPoints: [28, 56, 28, 40, 84, 20, 40, 40],
  taskPointsByMark: [[], [], [], []],
};

let n = 0;
const org = (name: string, patch: Partial<ResultsAggregate>): LevelRow => {
  n++;
  return {
    kind: 'org',
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    label: `${name}(sch${String(n).padStart(6, '0')})`,
    parentId: 'm1',
    agg: { ...CLEAN, ...patch },
  };
};

const clean = org('Школа ровная', {});
// 11 pupils at 8–9 vs 4 at 6–7: fewer than three times as many
const nearPileup = org('Школа почти', { histogram: [0, 0, 1, 2, 3, 4, 2, 2, 6, 5, 4, 3, 3, 3, 2] });
const fewCompared = org('Школа малая', { journal: { lower: 0, same: 3, higher: 6 } });
const raised = org('Школа повысила', { journal: { lower: 2, same: 12, higher: 6 } });
const lowered = org('Школа понизила', { journal: { lower: 11, same: 9, higher: 0 } });
const pileup = org('Школа порог', { histogram: [0, 0, 1, 2, 3, 4, 2, 2, 9, 5, 4, 3, 3, 1, 1] });
// Б at 40 %, П/В at 60 %
const pattern = org('Школа задания', { taskPoints: [16, 32, 16, 48, 48, 24, 48, 48] });
const tinyPattern = org('Школа крошечная', {
  participants: 9,
  taskPoints: [3.6, 7.2, 3.6, 10.8, 10.8, 5.4, 10.8, 10.8],
});
const municipality: LevelRow = { ...raised, kind: 'municipality', id: 'm1', label: 'Калининград(reg39_m001)' };

const all = [clean, nearPileup, fewCompared, raised, lowered, pileup, pattern, tinyPattern, municipality];

describe('objectivitySignals', () => {
  const signals = objectivitySignals(SUBJECT, all);

  it('flags nothing in an ОО with ordinary results, or below the minimum counts', () => {
    const flagged = new Set(signals.map((s) => s.orgId));
    for (const o of [clean, nearPileup, fewCompared, tinyPattern]) expect(flagged.has(o.id!)).toBe(false);
    expect(objectivitySignals(SUBJECT, [clean, nearPileup, fewCompared, tinyPattern])).toEqual([]);
  });

  it('flags each departure once, most pronounced first, and only ОО rows', () => {
    expect(signals.map((s) => [s.label, s.rule])).toEqual([
      [pattern.label, 'task_pattern'], // 20 points over a 10-point threshold
      [pileup.label, 'threshold_pileup'], // 35 % against 20 %
      [raised.label, 'journal_mismatch'], // 30 % against 25 %
      [lowered.label, 'journal_mismatch'], // 55 % against 50 %
    ]);
    expect(signals.every((s) => s.participants === 40)).toBe(true);
  });

  it('states the journal rule with its thresholds and the counts behind it', () => {
    const s = signals.find((x) => x.orgId === raised.id)!;
    expect(s.ruleText).toContain('не меньше 10');
    expect(s.ruleText).toContain('25 %');
    expect(s.ruleText).toContain('50 %');
    expect(s.evidence).toBe(
      'Обе отметки у 20 участников: повысили 6 (30,00 %), подтвердили 12 (60,00 %), понизили 2 (10,00 %).',
    );
    expect(signals.find((x) => x.orgId === lowered.id)!.evidence).toContain('понизили 11 (55,00 %)');
  });

  it('names the threshold and both score windows of a pile-up', () => {
    const s = signals.find((x) => x.orgId === pileup.id)!;
    expect(s.ruleText).toContain('не меньше 8');
    expect(s.ruleText).toContain('20 %');
    expect(s.ruleText).toContain('в 3 раза');
    expect(s.evidence).toBe(
      'Порог отметки «4» (8 б.): 8–9 баллов — 14 участников (35,00 % от 40), 6–7 баллов — 4 участника (в 3,50 раза меньше).',
    );
  });

  it('gives both averages and the gap for an unusual task pattern', () => {
    const s = signals.find((x) => x.orgId === pattern.id)!;
    expect(s.ruleText).toContain('на 10 процентных пунктов');
    expect(s.evidence).toBe(
      'Среднее выполнение заданий П/В — 60,00 % (4 зад.), заданий Б — 40,00 % (4 зад.); разница 20,00 п. п.; участников 40.',
    );
  });

  it('takes other thresholds when asked', () => {
    const strict = objectivitySignals(SUBJECT, all, { raisedShare: 35, taskGap: 25 });
    expect(strict.map((s) => s.label)).toEqual([pileup.label, lowered.label]);
    expect(strict.find((s) => s.rule === 'journal_mismatch')!.ruleText).toContain('35 %');
  });
});
