import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '@oko/shared';
import type { RegistrationTables } from './schema.registration.ts';
import type { CampaignTables } from './schema.campaigns.ts';
import type { ResultsTables } from './schema.results.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface RegionsTable {
  code: string;
  name: string;
  time_zone: string;
}

export interface MunicipalitiesTable {
  id: Generated<string>;
  region_code: string;
  code: string;
  name: string;
  time_zone: string | null;
  created_at: CreatedAt;
}

export interface OrgsTable {
  id: Generated<string>;
  region_code: string;
  municipality_id: string;
  code: string;
  kind: 'school' | 'college';
  full_name: string;
  short_name: string;
  status: 'active' | 'closed';
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  login: string;
  password_hash: string;
  role: Role;
  region_code: string | null;
  municipality_id: string | null;
  org_id: string | null;
  must_change_password: boolean;
  full_name: string | null;
  position: string | null;
  phone: string | null;
  email: string | null;
  password_issued_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  last_failure_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  event: string;
  user_id: string | null;
  actor_id: string | null;
  login: string | null;
  ip: string | null;
  user_agent: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
}

type Json<T> = ColumnType<T, string, string>;

export interface BlobsTable {
  sha256: string;
  size: ColumnType<string, number | string, number | string>;
  created_at: CreatedAt;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';
export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: Json<Record<string, unknown>>;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  progress_done: ColumnType<number, number | undefined, number>;
  progress_total: ColumnType<number, number | undefined, number>;
  attempts: ColumnType<number, number | undefined, number>;
  run_after: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_until: Timestamp | null;
  error: string | null;
  result: Json<Record<string, unknown>> | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: ColumnType<string, string | undefined, string>;
  file_sha256: string | null;
  file_name: string | null;
  job_id: string | null;
  read_at: Timestamp | null;
  created_at: Timestamp;
}

export type Section = 'vpr' | 'vpr_spo' | 'interview';
export interface PublicationsTable {
  id: Generated<string>;
  section: Section;
  title: string;
  body: ColumnType<string, string | undefined, string>;
  author_id: string | null;
  owner_region_code: string | null;
  audience_roles: string[];
  audience_region_codes: string[] | null;
  audience_org_ids: string[] | null;
  published_at: Timestamp;
  created_at: CreatedAt;
}

export interface StoragesTable {
  id: Generated<string>;
  publication_id: string;
  title: string;
  position: ColumnType<number, number | undefined, number>;
}

export interface StorageFilesTable {
  id: Generated<string>;
  storage_id: string;
  name: string;
  sha256: string;
  size: ColumnType<string, number | string, number | string>;
  content_type: ColumnType<string, string | undefined, string>;
  only_for_orgs: ColumnType<boolean, boolean | undefined, boolean>;
  org_id: string | null;
  available_at: Timestamp | null;
  /** wall-clock 'YYYY-MM-DD HH:MM:SS' in the ОО's zone (timestamp without time zone) */
  available_local: ColumnType<string, string, string> | null;
  created_at: CreatedAt;
}

export interface FileDownloadsTable {
  id: Generated<string>;
  file_id: string;
  user_id: string;
  org_id: string | null;
  at: Timestamp;
}

export interface FormTemplatesTable {
  id: Generated<string>;
  code: string;
  title: string;
  definition: Json<unknown>;
  created_at: CreatedAt;
}

export type CollectionPurpose = 'generic' | 'application' | 'questionnaire';
export interface CollectionsTable {
  id: Generated<string>;
  publication_id: string | null;
  template_id: string;
  purpose: ColumnType<CollectionPurpose, CollectionPurpose | undefined, CollectionPurpose>;
  title: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  org_kinds: string[];
  region_codes: string[] | null;
  org_ids: string[] | null;
  created_at: CreatedAt;
}

export interface CollectionExceptionsTable {
  collection_id: string;
  org_id: string;
  open_until: Timestamp;
  granted_by: string | null;
  granted_at: Timestamp;
}

export interface FormEntriesTable {
  collection_id: string;
  org_id: string;
  data: Json<unknown>;
  version: ColumnType<number, number | undefined, number>;
  started_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
  submitted_at: Timestamp | null;
}

export interface FormSubmissionsTable {
  id: Generated<string>;
  collection_id: string;
  org_id: string;
  number: number;
  data: Json<unknown>;
  source: 'online' | 'xlsx' | 'coordinator';
  submitted_by: string | null;
  submitted_at: Timestamp;
}

export interface DB extends RegistrationTables, CampaignTables, ResultsTables {
  regions: RegionsTable;
  municipalities: MunicipalitiesTable;
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_throttle: AuthThrottleTable;
  audit_log: AuditLogTable;
  blobs: BlobsTable;
  jobs: JobsTable;
  notifications: NotificationsTable;
  publications: PublicationsTable;
  storages: StoragesTable;
  storage_files: StorageFilesTable;
  file_downloads: FileDownloadsTable;
  form_templates: FormTemplatesTable;
  collections: CollectionsTable;
  collection_exceptions: CollectionExceptionsTable;
  form_entries: FormEntriesTable;
  form_submissions: FormSubmissionsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type OrgRow = Selectable<OrgsTable>;
export type MunicipalityRow = Selectable<MunicipalitiesTable>;
