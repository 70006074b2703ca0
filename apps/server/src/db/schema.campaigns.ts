import type { ColumnType, Generated } from 'kysely';
import type { MaterialsGroup } from '@oko/shared';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/**
 * A calendar date 'YYYY-MM-DD'. The repository reads it as `col::text`: the pg driver would otherwise
 * parse it into a Date at local midnight of the server, a day off east or west of it.
 */
type CalendarDate = ColumnType<string, string, string>;

export type TaskDifficulty = 'Б' | 'П' | 'В';

export interface CampaignsTable {
  id: Generated<string>;
  code: string;
  title: string;
  window_start: CalendarDate;
  window_end: CalendarDate;
  progress_publication_id: string | null;
  codes_storage_id: string | null;
  created_at: CreatedAt;
}

export interface SubjectsTable {
  id: Generated<string>;
  campaign_id: string;
  code: string;
  name: string;
  grade: number;
  materials_group: MaterialsGroup;
  variants: number;
  max_score: number;
  scale_3: number;
  scale_4: number;
  scale_5: number;
  results_deadline: CalendarDate;
  storage_id: string | null;
  created_at: CreatedAt;
}

export interface SubjectTasksTable {
  subject_id: string;
  position: number;
  number: string;
  max_score: number;
  difficulty: TaskDifficulty;
  planned_result: string;
  /** the criterion this one depends on: 0 or X there forces 0 or X here */
  depends_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ScheduleEntriesTable {
  campaign_id: string;
  subject_id: string;
  org_id: string;
  test_date: CalendarDate;
  chosen_by: string | null;
  chosen_at: Timestamp;
}

export interface BankItemsTable {
  subject_id: string;
  position: number;
  item_no: number;
  text: string;
  image_sha256: string | null;
  answer: string;
  criteria: string;
}

export interface ParticipantCodesTable {
  campaign_id: string;
  org_id: string;
  grade: number;
  code: string;
  reserve: boolean;
}

export interface CodeFilesTable {
  campaign_id: string;
  org_id: string;
  grade: number;
  slips_file_id: string;
  protocol_file_id: string;
  generated_at: Timestamp;
}

export interface MaterialsTable {
  subject_id: string;
  org_id: string;
  /** per variant, the bank item number chosen for each task position */
  variants: ColumnType<number[][], string, string>;
  archive_file_id: string;
  criteria_file_id: string;
  password_sealed: string | null;
  generated_at: Timestamp;
}

export interface MaterialsStepsTable {
  subject_id: string;
  org_id: string;
  step: 'password' | 'kits_printed';
  first_at: Timestamp;
  last_at: Timestamp;
  count: number | null;
  user_id: string | null;
}

/** Tables of the campaigns feature (migrations 0005_campaigns, 0006_materials). */
export interface CampaignTables {
  campaigns: CampaignsTable;
  subjects: SubjectsTable;
  subject_tasks: SubjectTasksTable;
  schedule_entries: ScheduleEntriesTable;
  bank_items: BankItemsTable;
  participant_codes: ParticipantCodesTable;
  code_files: CodeFilesTable;
  materials: MaterialsTable;
  materials_steps: MaterialsStepsTable;
}
