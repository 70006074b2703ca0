import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '@oko/shared';

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

export interface DB {
  regions: RegionsTable;
  municipalities: MunicipalitiesTable;
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_throttle: AuthThrottleTable;
  audit_log: AuditLogTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type OrgRow = Selectable<OrgsTable>;
export type MunicipalityRow = Selectable<MunicipalitiesTable>;
