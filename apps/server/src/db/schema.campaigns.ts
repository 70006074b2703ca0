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
  created_at: CreatedAt;
}

export interface SubjectTasksTable {
  subject_id: string;
  position: number;
  number: string;
  max_score: number;
  difficulty: TaskDifficulty;
  planned_result: string;
}

export interface ScheduleEntriesTable {
  campaign_id: string;
  subject_id: string;
  org_id: string;
  test_date: CalendarDate;
  chosen_by: string | null;
  chosen_at: Timestamp;
}

/** Tables of the campaigns feature (migration 0005_campaigns). */
export interface CampaignTables {
  campaigns: CampaignsTable;
  subjects: SubjectsTable;
  subject_tasks: SubjectTasksTable;
  schedule_entries: ScheduleEntriesTable;
}
