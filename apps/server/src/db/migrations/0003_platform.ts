import { sql, type Kysely } from 'kysely';

/** Background jobs, notifications, stored files, publications with their storages, the forms engine. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- content-addressed: the key is the SHA-256 of the bytes, the bytes live in the blob storage
    CREATE TABLE blobs (
      sha256 char(64) PRIMARY KEY,
      size bigint NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
      progress_done integer NOT NULL DEFAULT 0,
      progress_total integer NOT NULL DEFAULT 0,
      attempts integer NOT NULL DEFAULT 0,
      run_after timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      error text,
      result jsonb,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    CREATE INDEX jobs_ready ON jobs (run_after) WHERE status IN ('queued', 'running');
    CREATE INDEX jobs_creator ON jobs (created_by, created_at DESC);

    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      file_sha256 char(64) REFERENCES blobs(sha256),
      file_name text,
      job_id uuid REFERENCES jobs(id) ON DELETE SET NULL,
      read_at timestamptz,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);

    CREATE TABLE publications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      section text NOT NULL CHECK (section IN ('vpr', 'vpr_spo', 'interview')),
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      author_id uuid REFERENCES users(id) ON DELETE SET NULL,
      -- a regional coordinator's publication stays inside its region
      owner_region_code char(2) REFERENCES regions(code),
      audience_roles text[] NOT NULL,
      audience_region_codes text[],
      audience_org_ids uuid[],
      published_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX publications_section ON publications (section, published_at DESC);

    CREATE TABLE storages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      publication_id uuid NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
      title text NOT NULL,
      position integer NOT NULL DEFAULT 0
    );
    CREATE INDEX storages_publication ON storages (publication_id, position);

    CREATE TABLE storage_files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      storage_id uuid NOT NULL REFERENCES storages(id) ON DELETE CASCADE,
      name text NOT NULL,
      sha256 char(64) NOT NULL REFERENCES blobs(sha256),
      size bigint NOT NULL,
      content_type text NOT NULL DEFAULT 'application/octet-stream',
      -- visible to coordinators, downloadable only by the ОО themselves
      only_for_orgs boolean NOT NULL DEFAULT false,
      -- an individual file: delivered to this ОО alone
      org_id uuid REFERENCES orgs(id) ON DELETE CASCADE,
      -- availability: an absolute moment, or a wall-clock time read in the ОО's own zone
      available_at timestamptz,
      available_local timestamp,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (available_at IS NULL OR available_local IS NULL)
    );
    CREATE INDEX storage_files_storage ON storage_files (storage_id, name);
    CREATE INDEX storage_files_org ON storage_files (org_id) WHERE org_id IS NOT NULL;

    CREATE TABLE file_downloads (
      id bigserial PRIMARY KEY,
      file_id uuid NOT NULL REFERENCES storage_files(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      org_id uuid REFERENCES orgs(id) ON DELETE CASCADE,
      at timestamptz NOT NULL
    );
    CREATE INDEX file_downloads_file_user ON file_downloads (file_id, user_id, at DESC);
    CREATE INDEX file_downloads_org ON file_downloads (org_id, file_id) WHERE org_id IS NOT NULL;

    CREATE TABLE form_templates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      title text NOT NULL,
      definition jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE collections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      publication_id uuid REFERENCES publications(id) ON DELETE CASCADE,
      template_id uuid NOT NULL REFERENCES form_templates(id),
      purpose text NOT NULL DEFAULT 'generic' CHECK (purpose IN ('generic', 'application', 'questionnaire')),
      title text NOT NULL,
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      -- which ОО must fill it: kinds, optionally narrowed to regions or to a list
      org_kinds text[] NOT NULL,
      region_codes text[],
      org_ids uuid[],
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (closes_at > opens_at)
    );
    CREATE INDEX collections_publication ON collections (publication_id);

    CREATE TABLE collection_exceptions (
      collection_id uuid NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      open_until timestamptz NOT NULL,
      granted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      granted_at timestamptz NOT NULL,
      PRIMARY KEY (collection_id, org_id)
    );

    -- the working copy an ОО edits (autosaved); version guards against silent overwrites
    CREATE TABLE form_entries (
      collection_id uuid NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      data jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      started_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
      submitted_at timestamptz,
      PRIMARY KEY (collection_id, org_id)
    );

    -- every submission is kept
    CREATE TABLE form_submissions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      collection_id uuid NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      number integer NOT NULL,
      data jsonb NOT NULL,
      source text NOT NULL CHECK (source IN ('online', 'xlsx', 'coordinator')),
      submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      submitted_at timestamptz NOT NULL,
      UNIQUE (collection_id, org_id, number)
    );
  `.execute(db);
}
