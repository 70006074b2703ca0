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

    -- a test date that moves after the materials were made moves their files' opening moments with it,
    -- whichever path changed the plan-schedule (the same rule as vprGates in packages/shared; a test
    -- compares the two)
    CREATE FUNCTION materials_follow_schedule() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      grp text;
      zone text;
      opens timestamptz;
      criteria timestamptz;
    BEGIN
      SELECT s.materials_group INTO grp FROM subjects s WHERE s.id = NEW.subject_id;
      SELECT COALESCE(m.time_zone, r.time_zone) INTO zone
        FROM orgs o JOIN regions r ON r.code = o.region_code LEFT JOIN municipalities m ON m.id = o.municipality_id
        WHERE o.id = NEW.org_id;
      opens := ((NEW.test_date - CASE WHEN grp = 'open' THEN 4 ELSE 3 END)::timestamp) AT TIME ZONE zone;
      criteria := CASE WHEN grp = 'open' THEN opens
        ELSE (NEW.test_date + time '14:00') AT TIME ZONE 'Europe/Moscow' END;
      UPDATE storage_files f SET available_at = CASE WHEN f.id = mt.archive_file_id THEN opens ELSE criteria END
        FROM materials mt
        WHERE mt.subject_id = NEW.subject_id AND mt.org_id = NEW.org_id
          AND f.id IN (mt.archive_file_id, mt.criteria_file_id);
      RETURN NEW;
    END
    $fn$;
    CREATE TRIGGER schedule_entries_move_materials AFTER UPDATE OF test_date ON schedule_entries
      FOR EACH ROW WHEN (NEW.test_date IS DISTINCT FROM OLD.test_date)
      EXECUTE FUNCTION materials_follow_schedule();
  `.execute(db);
}
