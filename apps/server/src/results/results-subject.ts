import {
  resultsTemplate,
  resultsUntil,
  wallClockToInstant,
  type FormTemplate,
  type ResultsSubject,
  type ResultsSubjectStatus,
  type ResultsUpload,
} from '@oko/shared';
import type { OrgSubjectRow, TaskRow, UploadRow } from './results.repository.ts';

/** When the ОО may send results: from 00:00 local of its test day to 23:00 Moscow time of the deadline day. */
export interface ResultsWindow {
  opensAt: Date;
  deadline: Date;
  openUntil: Date | null;
}

export function resultsWindow(row: OrgSubjectRow): ResultsWindow {
  return {
    opensAt: wallClockToInstant(row.test_date, '00:00', row.zone),
    deadline: resultsUntil(row.results_deadline),
    openUntil: row.open_until ? new Date(row.open_until) : null,
  };
}

export const isWindowOpen = (w: ResultsWindow, now: Date): boolean =>
  (now >= w.opensAt && now < w.deadline) || (w.openUntil !== null && now < w.openUntil);

export const isLate = (w: ResultsWindow, now: Date): boolean => now >= w.deadline;

export function formSubject(row: OrgSubjectRow, tasks: TaskRow[]): ResultsSubject {
  return {
    code: row.code,
    name: row.name,
    grade: row.grade,
    variants: row.variants,
    year: row.year,
    tasks: tasks.map((t) => ({ number: t.number, maxScore: t.max_score, dependsOn: t.depends_on })),
  };
}

export function formTemplate(row: OrgSubjectRow, tasks: TaskRow[]): FormTemplate {
  return resultsTemplate(formSubject(row, tasks));
}

export const uploadOf = (u: UploadRow): ResultsUpload => ({
  number: u.number,
  source: u.source,
  submittedAt: new Date(u.submitted_at).toISOString(),
  participants: u.participants,
  absent: u.absent,
  late: u.late,
});

export function statusOf(row: OrgSubjectRow, now: Date): ResultsSubjectStatus {
  const w = resultsWindow(row);
  const last =
    row.last_number !== null
      ? uploadOf({
          number: row.last_number,
          source: row.last_source!,
          submitted_at: row.last_at!,
          participants: row.last_participants!,
          absent: row.last_absent!,
          late: row.last_late!,
        })
      : null;
  return {
    subjectId: row.subject_id,
    campaignId: row.campaign_id,
    code: row.code,
    name: row.name,
    grade: row.grade,
    testDate: row.test_date,
    opensAt: w.opensAt.toISOString(),
    deadline: w.deadline.toISOString(),
    openUntil: w.openUntil && w.openUntil > w.deadline ? w.openUntil.toISOString() : null,
    open: isWindowOpen(w, now),
    state: last ? 'submitted' : row.entry_version !== null ? 'in_progress' : 'not_started',
    lastUpload: last,
    zone: row.zone,
  };
}
