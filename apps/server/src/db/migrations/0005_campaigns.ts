import { sql, type Kysely } from 'kysely';

/** ВПР campaigns, subjects with tasks and conversion scales, the plan-schedule. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- a campaign is national: one federal window in which every ОО holds its tests
    CREATE TABLE campaigns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),
      title text NOT NULL CHECK (length(title) > 0),
      window_start date NOT NULL,
      window_end date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (window_start <= window_end)
    );

    -- a subject × grade of a campaign; max_score is the sum of its tasks, kept so the scale can be checked here
    CREATE TABLE subjects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
      code text NOT NULL CHECK (length(code) > 0),
      name text NOT NULL CHECK (length(name) > 0),
      grade smallint NOT NULL CHECK (grade BETWEEN 4 AND 11),
      materials_group text NOT NULL CHECK (materials_group IN ('open', 'encrypted')),
      variants integer NOT NULL CHECK (variants > 0),
      max_score integer NOT NULL CHECK (max_score > 0),
      scale_3 integer NOT NULL,
      scale_4 integer NOT NULL,
      scale_5 integer NOT NULL,
      results_deadline date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (0 <= scale_3 AND scale_3 <= scale_4 AND scale_4 <= scale_5 AND scale_5 <= max_score),
      UNIQUE (campaign_id, code, grade)
    );

    CREATE TABLE subject_tasks (
      subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position > 0),
      -- '9.1', or a criterion '4К1'; the results form header is "number (maxб)"
      number text NOT NULL CHECK (number ~ '^[0-9]+([.][0-9]+)?(К[0-9]+)?$'),
      max_score integer NOT NULL CHECK (max_score > 0),
      difficulty text NOT NULL CHECK (difficulty IN ('Б', 'П', 'В')),
      planned_result text NOT NULL DEFAULT '',
      PRIMARY KEY (subject_id, position),
      UNIQUE (subject_id, number)
    );

    -- the plan-schedule: the test date of one subject in one ОО; the window is checked by the service
    CREATE TABLE schedule_entries (
      campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
      subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
      test_date date NOT NULL,
      chosen_by uuid REFERENCES users(id) ON DELETE SET NULL,
      chosen_at timestamptz NOT NULL,
      PRIMARY KEY (subject_id, org_id)
    );
    CREATE INDEX schedule_entries_org ON schedule_entries (org_id, campaign_id);
  `.execute(db);
}
