import { sql, type Kysely } from 'kysely';

/**
 * ВПР materials: the task bank, individual variants per ОО, participant codes, the generated archives
 * (delivered as individual files of the campaign's «Ход ВПР» publication, so every file path gates them),
 * the sealed archive passwords, and what the system saw each ОО do (the technical specialist's checklist).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- the campaign's «Ход ВПР» publication: one storage per subject, one for codes and protocols
    ALTER TABLE campaigns ADD COLUMN progress_publication_id uuid REFERENCES publications(id) ON DELETE SET NULL;
    ALTER TABLE campaigns ADD COLUMN codes_storage_id uuid REFERENCES storages(id) ON DELETE SET NULL;
    ALTER TABLE subjects ADD COLUMN storage_id uuid REFERENCES storages(id) ON DELETE SET NULL;

    -- interchangeable items for one task position of a subject
    CREATE TABLE bank_items (
      subject_id uuid NOT NULL,
      position integer NOT NULL,
      item_no integer NOT NULL CHECK (item_no > 0),
      text text NOT NULL CHECK (length(text) > 0),
      image_sha256 char(64) REFERENCES blobs(sha256),
      answer text NOT NULL DEFAULT '',
      criteria text NOT NULL DEFAULT '',
      PRIMARY KEY (subject_id, position, item_no),
      FOREIGN KEY (subject_id, position) REFERENCES subject_tasks(subject_id, position) ON DELETE CASCADE
    );

    -- participant codes: one per pupil for all subjects of the grade; numbering restarts in every ОО
    CREATE TABLE participant_codes (
      campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      grade smallint NOT NULL CHECK (grade BETWEEN 4 AND 11),
      code text NOT NULL CHECK (code ~ '^[0-9]{5,6}$'),
      reserve boolean NOT NULL DEFAULT false,
      PRIMARY KEY (campaign_id, org_id, code)
    );
    CREATE INDEX participant_codes_grade ON participant_codes (campaign_id, org_id, grade);

    -- the printable codes of one ОО and grade: slips to cut and the paper protocol layout
    CREATE TABLE code_files (
      campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      grade smallint NOT NULL,
      slips_file_id uuid NOT NULL REFERENCES storage_files(id) ON DELETE CASCADE,
      protocol_file_id uuid NOT NULL REFERENCES storage_files(id) ON DELETE CASCADE,
      generated_at timestamptz NOT NULL,
      PRIMARY KEY (campaign_id, org_id, grade)
    );

    -- one ОО × subject: its variants, its files in the «Ход ВПР» publication, the sealed password
    CREATE TABLE materials (
      subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      -- per variant the bank item chosen for each position, in position order
      variants jsonb NOT NULL,
      archive_file_id uuid NOT NULL REFERENCES storage_files(id) ON DELETE CASCADE,
      criteria_file_id uuid NOT NULL REFERENCES storage_files(id) ON DELETE CASCADE,
      -- AES-256-GCM under the server's materials key; null for the unencrypted group
      password_sealed text,
      generated_at timestamptz NOT NULL,
      PRIMARY KEY (subject_id, org_id)
    );
    CREATE INDEX materials_org ON materials (org_id);

    -- what the system saw: the first and last time an ОО did a step (files are tracked by downloads)
    CREATE TABLE materials_steps (
      subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      step text NOT NULL CHECK (step IN ('password', 'kits_printed')),
      first_at timestamptz NOT NULL,
      last_at timestamptz NOT NULL,
      -- kits_printed: the count the organizer confirmed
      count integer,
      user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      PRIMARY KEY (subject_id, org_id, step)
    );
  `.execute(db);
}
