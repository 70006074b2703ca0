import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE regions (
      code char(2) PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
      name text NOT NULL,
      time_zone text NOT NULL
    );
    CREATE TABLE municipalities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      region_code char(2) NOT NULL REFERENCES regions(code),
      code char(3) NOT NULL CHECK (code ~ '^[0-9]{3}$'),
      name text NOT NULL,
      time_zone text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (region_code, code),
      UNIQUE (id, region_code)
    );
    CREATE TABLE orgs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      region_code char(2) NOT NULL,
      municipality_id uuid NOT NULL,
      code char(6) NOT NULL UNIQUE CHECK (code ~ '^[0-9]{6}$' AND substr(code, 1, 2) = region_code),
      kind text NOT NULL CHECK (kind IN ('school', 'college')),
      full_name text NOT NULL,
      short_name text NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
      created_at timestamptz NOT NULL DEFAULT now(),
      -- the composite key keeps an ОО's region equal to its municipality's region
      FOREIGN KEY (municipality_id, region_code) REFERENCES municipalities(id, region_code)
    );
    CREATE INDEX orgs_municipality ON orgs (municipality_id);
    CREATE INDEX orgs_region ON orgs (region_code);
  `.execute(db);
}
