import { emptyAggregate, type ResultsAggregate } from './analytics.ts';
import type { ParticipantResult } from './results-form.ts';

/** One ОО's accepted rows added up: what its results_summary row holds. */
export function summarize(
  results: readonly ParticipantResult[],
  taskCount: number,
  maxScore: number,
): ResultsAggregate {
  const agg = emptyAggregate(taskCount, maxScore);
  agg.orgs = 1;
  for (const r of results) {
    if (r.scores === null || r.total === null || r.mark === null) {
      agg.absent++;
      continue;
    }
    agg.participants++;
    const m = r.mark - 2;
    agg.marks[m as 0 | 1 | 2 | 3]++;
    agg.histogram[Math.min(r.total, maxScore)]!++;
    const byMark = agg.taskPointsByMark[m as 0 | 1 | 2 | 3];
    r.scores.forEach((s, i) => {
      if (s === null || i >= taskCount) return;
      agg.taskPoints[i]! += s;
      byMark[i]! += s;
    });
    if (r.journal !== null) {
      if (r.mark < r.journal) agg.journal.lower++;
      else if (r.mark > r.journal) agg.journal.higher++;
      else agg.journal.same++;
    }
  }
  return agg;
}

/** Adds b into a (same subject: same lengths). */
export function addAggregate(a: ResultsAggregate, b: ResultsAggregate): ResultsAggregate {
  const add = (x: number[], y: number[]) => y.forEach((v, i) => (x[i] = (x[i] ?? 0) + v));
  a.orgs += b.orgs;
  a.participants += b.participants;
  a.absent += b.absent;
  add(a.marks, b.marks);
  a.journal.lower += b.journal.lower;
  a.journal.same += b.journal.same;
  a.journal.higher += b.journal.higher;
  add(a.histogram, b.histogram);
  add(a.taskPoints, b.taskPoints);
  a.taskPointsByMark.forEach((row, k) => add(row, b.taskPointsByMark[k]!));
  return a;
}
