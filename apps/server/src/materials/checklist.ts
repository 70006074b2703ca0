import {
  CHECKLIST_TITLES,
  isOpen,
  wallClockToInstant,
  type ChecklistItem,
  type ChecklistStep,
  type VprGates,
} from '@oko/shared';

/** What the checklist of one ОО × subject is computed from: the moments the system recorded. */
export interface ChecklistFacts {
  group: 'open' | 'encrypted';
  testDate: string;
  zone: string;
  gates: VprGates;
  archiveDownloadedAt: Date | null;
  /** both the code slips and the protocol of the grade downloaded: the later of the two */
  codesDownloadedAt: Date | null;
  kitsConfirmedAt: Date | null;
  kitsCount: number | null;
  passwordOpenedAt: Date | null;
  criteriaDownloadedAt: Date | null;
  resultsUploadedAt: Date | null;
}

/**
 * The technical specialist's checklist (seed 000): each step ticks itself from what the system saw,
 * with the moment it should be done by. The deadlines are the procedure's: everything printed is at
 * hand before the day, the шифр is taken by 08:00 local, the kits are ready by 09:00 local when the
 * work begins, the criteria and the results by the upload deadline.
 */
export function checklist(f: ChecklistFacts, now: Date): ChecklistItem[] {
  const local = (time: string) => wallClockToInstant(f.testDate, time, f.zone);
  const item = (
    step: ChecklistStep,
    doneAt: Date | null,
    deadline: Date | null,
    opts: { applies?: boolean; note?: string | null } = {},
  ): ChecklistItem => ({
    step,
    title: CHECKLIST_TITLES[step],
    applies: opts.applies ?? true,
    done: doneAt !== null,
    doneAt: doneAt?.toISOString() ?? null,
    deadline: deadline?.toISOString() ?? null,
    late: doneAt !== null && deadline !== null && doneAt.getTime() > deadline.getTime(),
    note: opts.note ?? null,
  });
  const encrypted = f.group === 'encrypted';
  return [
    item('archive_downloaded', f.archiveDownloadedAt, local('00:00'), {
      note: isOpen(f.gates.archiveFrom, now) ? null : 'Архив ещё не открыт',
    }),
    item('codes_downloaded', f.codesDownloadedAt, local('00:00')),
    item('kits_printed', f.kitsConfirmedAt, local('09:00'), {
      note: f.kitsCount === null ? null : `Подтверждено комплектов: ${f.kitsCount}`,
    }),
    item('password_opened', encrypted ? f.passwordOpenedAt : null, encrypted ? local('08:00') : null, {
      applies: encrypted,
      note: encrypted ? null : 'Архив этого предмета не зашифрован',
    }),
    item('criteria_downloaded', f.criteriaDownloadedAt, f.gates.resultsUntil),
    item('results_uploaded', f.resultsUploadedAt, f.gates.resultsUntil),
  ];
}
