import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type IntArray = ColumnType<number[], number[], number[]>;

export interface ResultsEntriesTable {
  subject_id: string;
  org_id: string;
  data: Json<unknown>;
  version: ColumnType<number, number | undefined, number>;
  started_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ResultsUploadsTable {
  id: ColumnType<string, string | undefined, never>;
  subject_id: string;
  org_id: string;
  number: number;
  source: 'online' | 'xlsx';
  data: Json<unknown>;
  participants: number;
  absent: number;
  late: boolean;
  submitted_by: string | null;
  submitted_at: Timestamp;
}

export interface ResultsTable {
  subject_id: string;
  org_id: string;
  code: string;
  class_no: number | null;
  variant: number | null;
  /** per task position; -1 is X */
  scores: IntArray | null;
  total: number | null;
  mark: number | null;
  journal: number | null;
}

export interface ResultsSummaryTable {
  subject_id: string;
  org_id: string;
  participants: number;
  absent: number;
  m2: number;
  m3: number;
  m4: number;
  m5: number;
  j_lower: number;
  j_same: number;
  j_higher: number;
  histogram: IntArray;
  task_points: IntArray;
  task_points_m2: IntArray;
  task_points_m3: IntArray;
  task_points_m4: IntArray;
  task_points_m5: IntArray;
  upload_number: number;
  first_uploaded_at: Timestamp;
  uploaded_at: Timestamp;
  late: boolean;
}

export interface ResultsExceptionsTable {
  subject_id: string;
  org_id: string;
  open_until: Timestamp;
  granted_by: string | null;
  granted_at: Timestamp;
}

export interface ResultsRemindersTable {
  subject_id: string;
  sent_at: Timestamp;
  orgs: number;
}

/** Tables of the results feature (migration 0007_results). */
export interface ResultsTables {
  results_entries: ResultsEntriesTable;
  results_uploads: ResultsUploadsTable;
  results: ResultsTable;
  results_summary: ResultsSummaryTable;
  results_exceptions: ResultsExceptionsTable;
  results_reminders: ResultsRemindersTable;
}
