import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type StagedKind = 'registry' | 'coordinators' | 'application';

export interface StagedChangesTable {
  id: Generated<string>;
  kind: StagedKind;
  created_by: string;
  region_code: string;
  municipality_id: string | null;
  collection_id: string | null;
  fingerprint: string;
  changes: Json<unknown>;
  errors: ColumnType<unknown, string | undefined, string>;
  created_at: Timestamp;
  expires_at: Timestamp;
  applied_at: Timestamp | null;
}

export interface ApplicationConfirmationsTable {
  id: Generated<string>;
  collection_id: string;
  org_id: string;
  version: number;
  data: Json<unknown>;
  corrected: boolean;
  staged_change_id: string | null;
  confirmed_by: string | null;
  confirmed_at: Timestamp;
}

/** Tables of the registration flows (migration 0004_registration). */
export interface RegistrationTables {
  staged_changes: StagedChangesTable;
  application_confirmations: ApplicationConfirmationsTable;
}
