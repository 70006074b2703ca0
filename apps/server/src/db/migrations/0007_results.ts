import { sql, type Kysely } from 'kysely';

/**
 * ВПР results: the results form of each ОО × subject (a working copy filled online, every accepted upload
 * kept as a version), the accepted rows by participant code, one summary per ОО × subject that every
 * analytics level adds up, the coordinators' exceptions after the deadline, and the reminders already sent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- a criterion scored 0 or X forces 0 or X on the criteria that depend on it (К2–К4 after К1)
    ALTER TABLE subject_tasks ADD COLUMN depends_on text;

    -- the ОО's working copy of the results form in the online table
    CREATE TABLE results_entries (
      subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      data jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      started_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
      PRIMARY KEY (subject_id, org_id)
    );

    -- every accepted submission, online or XLSX: the last one is what counts
    CREATE TABLE results_uploads (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      number integer NOT NULL,
      source text NOT NULL CHECK (source IN ('online', 'xlsx')),
      data jsonb NOT NULL,
      participants integer NOT NULL,
      absent integer NOT NULL,
      late boolean NOT NULL,
      submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      submitted_at timestamptz NOT NULL,
      UNIQUE (subject_id, org_id, number)
    );

    -- one row per participant code of the last accepted submission; an absent pupil has no variant and scores
    CREATE TABLE results (
      subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      code text NOT NULL,
      class_no smallint,
      variant smallint,
      -- per task position; -1 is X (did not attempt, counts 0)
      scores smallint[],
      total smallint,
      mark smallint CHECK (mark BETWEEN 2 AND 5),
      -- the journal mark; NULL is «нет отметки»
      journal smallint CHECK (journal BETWEEN 2 AND 5),
      PRIMARY KEY (subject_id, org_id, code)
    );

    -- the ОО's results added up once per upload: every level of analytics sums these rows
    CREATE TABLE results_summary (
      subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      participants integer NOT NULL,
      absent integer NOT NULL,
      m2 integer NOT NULL,
      m3 integer NOT NULL,
      m4 integer NOT NULL,
      m5 integer NOT NULL,
      j_lower integer NOT NULL,
      j_same integer NOT NULL,
      j_higher integer NOT NULL,
      -- pupils per primary score 0..max
      histogram integer[] NOT NULL,
      -- points earned per task position, all participants and per mark group
      task_points integer[] NOT NULL,
      task_points_m2 integer[] NOT NULL,
      task_points_m3 integer[] NOT NULL,
      task_points_m4 integer[] NOT NULL,
      task_points_m5 integer[] NOT NULL,
      upload_number integer NOT NULL,
      first_uploaded_at timestamptz NOT NULL,
      uploaded_at timestamptz NOT NULL,
      late boolean NOT NULL,
      PRIMARY KEY (subject_id, org_id)
    );

    -- a coordinator lets one ОО upload after the deadline
    CREATE TABLE results_exceptions (
      subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      open_until timestamptz NOT NULL,
      granted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      granted_at timestamptz NOT NULL,
      PRIMARY KEY (subject_id, org_id)
    );

    -- the reminder before the deadline goes out once per subject
    CREATE TABLE results_reminders (
      subject_id uuid PRIMARY KEY REFERENCES subjects(id) ON DELETE CASCADE,
      sent_at timestamptz NOT NULL,
      orgs integer NOT NULL
    );
  `.execute(db);
}
