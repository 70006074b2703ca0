import { sql, type Kysely } from 'kysely';

/** Registration flows: change sets staged by an upload until «Применить», and confirmed applications. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- an uploaded file, parsed and compared with the database: nothing changes until it is applied
    CREATE TABLE staged_changes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('registry', 'coordinators', 'application')),
      created_by uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      region_code char(2) NOT NULL REFERENCES regions(code),
      -- a municipal coordinator's registry check covers one municipality; null: the whole region
      municipality_id uuid REFERENCES municipalities(id) ON DELETE CASCADE,
      collection_id uuid REFERENCES collections(id) ON DELETE CASCADE,
      -- a digest of what the change set was computed against; apply refuses when it moved
      fingerprint char(64) NOT NULL,
      changes jsonb NOT NULL,
      errors jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      applied_at timestamptz,
      CHECK (expires_at > created_at),
      CHECK ((kind = 'application') = (collection_id IS NOT NULL))
    );
    CREATE INDEX staged_changes_creator ON staged_changes (created_by, created_at DESC);
    CREATE INDEX staged_changes_applied ON staged_changes (kind, region_code, applied_at DESC)
      WHERE applied_at IS NOT NULL;

    -- every confirmation is kept; the highest version is the confirmed application of the ОО
    CREATE TABLE application_confirmations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      collection_id uuid NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version > 0),
      data jsonb NOT NULL,
      -- the figures differ from the school's last submission
      corrected boolean NOT NULL,
      staged_change_id uuid REFERENCES staged_changes(id) ON DELETE SET NULL,
      confirmed_by uuid REFERENCES users(id) ON DELETE SET NULL,
      confirmed_at timestamptz NOT NULL,
      UNIQUE (collection_id, org_id, version)
    );
  `.execute(db);
}
