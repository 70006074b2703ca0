import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- text equality is case-sensitive, as the logins are
      login text NOT NULL UNIQUE,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('federal_admin', 'region_coordinator', 'spo_region_coordinator',
        'municipal_coordinator', 'school', 'college')),
      region_code char(2) REFERENCES regions(code),
      municipality_id uuid REFERENCES municipalities(id),
      org_id uuid REFERENCES orgs(id),
      must_change_password boolean NOT NULL DEFAULT true,
      full_name text,
      position text,
      phone text,
      email text,
      password_issued_at timestamptz,
      password_changed_at timestamptz,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- an account is attached to exactly the level its role lives at
      CHECK (CASE role
        WHEN 'federal_admin' THEN region_code IS NULL AND municipality_id IS NULL AND org_id IS NULL
        WHEN 'region_coordinator' THEN region_code IS NOT NULL AND municipality_id IS NULL AND org_id IS NULL
        WHEN 'spo_region_coordinator' THEN region_code IS NOT NULL AND municipality_id IS NULL AND org_id IS NULL
        WHEN 'municipal_coordinator' THEN region_code IS NOT NULL AND municipality_id IS NOT NULL AND org_id IS NULL
        ELSE region_code IS NOT NULL AND municipality_id IS NOT NULL AND org_id IS NOT NULL
      END)
    );
    CREATE UNIQUE INDEX users_one_per_org ON users (org_id) WHERE org_id IS NOT NULL;
    CREATE UNIQUE INDEX users_one_coordinator_per_municipality ON users (municipality_id)
      WHERE role = 'municipal_coordinator';
    CREATE UNIQUE INDEX users_one_coordinator_per_region ON users (region_code, role)
      WHERE role IN ('region_coordinator', 'spo_region_coordinator');
    CREATE INDEX users_region ON users (region_code);

    CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ended_at timestamptz,
      ip text,
      user_agent text
    );
    CREATE INDEX sessions_user ON sessions (user_id) WHERE ended_at IS NULL;

    CREATE TABLE auth_throttle (
      key text PRIMARY KEY,
      failures integer NOT NULL,
      window_started_at timestamptz NOT NULL,
      last_failure_at timestamptz NOT NULL,
      locked_until timestamptz
    );

    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      event text NOT NULL,
      user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      login text,
      ip text,
      user_agent text,
      details jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_log_user ON audit_log (user_id, at DESC);
  `.execute(db);
}
