// A synthetic national registry for the issue-4 benches: 85 regions, ~2,500 municipalities (some in a
// zone of their own), 40,000 schools each with an account, then a ВПР campaign with one encrypted
// subject, its task bank and a plan-schedule putting every school on one test date. Written straight
// into the database with set-based SQL (generate_series, unnest), so the whole country takes seconds.
import { wallClockToInstant, addDays, PASSWORD_LOCAL_TIME } from '@oko/shared';
import { sql, type Kysely } from 'kysely';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../../apps/server/src/auth/passwords.ts';
import type { DB } from '../../apps/server/src/db/schema.ts';
import { DEMO_REGIONS } from '../../apps/server/src/demo/demo-country.data.ts';

export const NATIONAL_PASSWORD = 'Bench-National-2026';
/** Marks the municipalities (and through them the schools) this generator made. */
export const MUNICIPALITY_PREFIX = 'Синтетический округ';
/** Bench municipalities are numbered from here, above the demo country's 001…0NN. */
const FIRST_MUNICIPALITY_CODE = 101;
/** School numbers within a region start here (codes RR1001…): the demo uses RR0001…RR0199. */
const FIRST_SCHOOL_NUMBER = 1001;
const LAST_SCHOOL_NUMBER = 9999;

/**
 * Zones handed to the municipalities that override their region's: a region such as Якутия spans
 * several, and the password gate must follow the municipality's clock, not the region's.
 */
const OVERRIDE_ZONES = [
  'Europe/Kaliningrad',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
];

export interface RegistryOptions {
  regions?: number;
  municipalities?: number;
  schools?: number;
  /** every n-th municipality gets a time zone of its own (0: none) */
  zoneOverrideEvery?: number;
}

export interface RegistryFigures {
  regions: number;
  municipalities: number;
  zoneOverrides: number;
  schools: number;
  accounts: number;
  /** the distinct zones the schools live in (region's or municipality's) */
  zones: string[];
  seconds: number;
}

/**
 * Regions, municipalities, schools and one account per school (login schRRNNNN, all with
 * NATIONAL_PASSWORD: one argon2 hash shared, computed once). The regions are the reference rows every
 * start inserts; the demo country's regions are left out so no code can collide with it.
 */
export async function seedNationalRegistry(db: Kysely<DB>, opts: RegistryOptions = {}): Promise<RegistryFigures> {
  const wantRegions = opts.regions ?? 85;
  const wantMunicipalities = opts.municipalities ?? 2_500;
  const wantSchools = opts.schools ?? 40_000;
  const overrideEvery = opts.zoneOverrideEvery ?? 12;
  const t0 = performance.now();

  const demo = DEMO_REGIONS.map((r) => r.code);
  const regions = await db
    .selectFrom('regions')
    .select(['code', 'time_zone'])
    .where('code', 'not in', demo)
    .orderBy('code')
    .limit(wantRegions)
    .execute();
  if (regions.length < wantRegions)
    throw new Error(`в справочнике ${regions.length} регионов вне демо, нужно ${wantRegions}`);
  const perRegion = Math.ceil(wantSchools / regions.length);
  if (FIRST_SCHOOL_NUMBER + perRegion - 1 > LAST_SCHOOL_NUMBER)
    throw new Error(`${perRegion} школ на регион не уместятся в коды`);

  // municipality k of the country: region k mod R, so every region gets ⌊M/R⌋ or ⌈M/R⌉ of them
  const munRegion: string[] = [];
  const munCode: string[] = [];
  const munZone: (string | null)[] = [];
  const perRegionCount = new Map<string, number>();
  for (let k = 0; k < wantMunicipalities; k++) {
    const region = regions[k % regions.length]!;
    const n = perRegionCount.get(region.code) ?? 0;
    perRegionCount.set(region.code, n + 1);
    munRegion.push(region.code);
    munCode.push(String(FIRST_MUNICIPALITY_CODE + n).padStart(3, '0'));
    const override = overrideEvery > 0 && k % overrideEvery === overrideEvery - 1;
    munZone.push(override ? OVERRIDE_ZONES[Math.floor(k / overrideEvery) % OVERRIDE_ZONES.length]! : null);
  }
  if (Math.max(...perRegionCount.values()) + FIRST_MUNICIPALITY_CODE - 1 > 999)
    throw new Error('слишком много округов на регион');
  await sql`
    INSERT INTO municipalities (region_code, code, name, time_zone)
    SELECT r, c, ${MUNICIPALITY_PREFIX} || ' ' || r || '-' || c, z
    FROM unnest(${munRegion}::text[], ${munCode}::text[], ${munZone}::text[]) AS t(r, c, z)`.execute(db);

  // school s goes to municipality ⌊s·M/S⌋ (spread evenly); within its region it takes the next number
  await sql`
    WITH m AS (
      SELECT id, region_code, (row_number() OVER (ORDER BY region_code, code) - 1)::int AS k
      FROM municipalities WHERE name LIKE ${MUNICIPALITY_PREFIX + ' %'}
    ), placed AS (
      SELECT s, m.id AS municipality_id, m.region_code
      FROM generate_series(0, ${wantSchools - 1}) s
      JOIN m ON m.k = (s::bigint * ${wantMunicipalities} / ${wantSchools})
    ), numbered AS (
      SELECT municipality_id, region_code,
        ${FIRST_SCHOOL_NUMBER - 1} + row_number() OVER (PARTITION BY region_code ORDER BY s) AS n
      FROM placed
    )
    INSERT INTO orgs (region_code, municipality_id, code, kind, full_name, short_name)
    SELECT region_code, municipality_id, region_code || lpad(n::text, 4, '0'), 'school',
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ' || n || '»',
      'МБОУ СОШ № ' || n
    FROM numbered`.execute(db);

  const hash = await hashPassword(NATIONAL_PASSWORD);
  const accounts = await sql`
    INSERT INTO users (login, password_hash, role, region_code, municipality_id, org_id, must_change_password,
      password_issued_at)
    SELECT 'sch' || o.code, ${hash}, 'school', o.region_code, o.municipality_id, o.id, false, now()
    FROM orgs o JOIN municipalities m ON m.id = o.municipality_id
    WHERE m.name LIKE ${MUNICIPALITY_PREFIX + ' %'}`.execute(db);

  const counts = await sql<{ municipalities: number; overrides: number; schools: number; regions: number }>`
    SELECT count(DISTINCT m.id)::int AS municipalities,
      count(DISTINCT m.id) FILTER (WHERE m.time_zone IS NOT NULL)::int AS overrides,
      count(o.id)::int AS schools, count(DISTINCT m.region_code)::int AS regions
    FROM municipalities m LEFT JOIN orgs o ON o.municipality_id = m.id
    WHERE m.name LIKE ${MUNICIPALITY_PREFIX + ' %'}`.execute(db);
  const zones = await sql<{ zone: string }>`
    SELECT DISTINCT coalesce(m.time_zone, r.time_zone) AS zone
    FROM municipalities m JOIN regions r ON r.code = m.region_code
    WHERE m.name LIKE ${MUNICIPALITY_PREFIX + ' %'} ORDER BY 1`.execute(db);
  const c = counts.rows[0]!;
  return {
    regions: c.regions,
    municipalities: c.municipalities,
    zoneOverrides: c.overrides,
    schools: c.schools,
    accounts: Number(accounts.numAffectedRows ?? 0),
    zones: zones.rows.map((z) => z.zone),
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Logins of the generated schools in code order (the first `limit`). */
export async function nationalLogins(db: Kysely<DB>, limit: number): Promise<string[]> {
  const res = await sql<{ login: string }>`
    SELECT u.login FROM users u JOIN municipalities m ON m.id = u.municipality_id
    WHERE u.role = 'school' AND m.name LIKE ${MUNICIPALITY_PREFIX + ' %'}
    ORDER BY u.login LIMIT ${limit}`.execute(db);
  return res.rows.map((r) => r.login);
}

/**
 * The latest calendar date whose 07:30 has already passed on the wall clocks of all `zones` at `now`:
 * scheduled on it, every school may open its archive password now (the gate has no end).
 */
export function latestPasswordOpenDate(zones: string[], now: Date = new Date()): string {
  let date = addDays(now.toISOString().slice(0, 10), 1); // Kamchatka is at most a day ahead of UTC
  while (zones.some((z) => wallClockToInstant(date, PASSWORD_LOCAL_TIME, z).getTime() > now.getTime())) {
    date = addDays(date, -1);
  }
  return date;
}

export interface CampaignOptions {
  /** 'YYYY-MM-DD': the test date of every generated school */
  testDate: string;
  tasks?: number;
  itemsPerPosition?: number;
  variants?: number;
  code?: string;
  /**
   * A picture (already stored as a blob) put into every other task of the bank, as the illustrated tasks
   * of a real История paper: the archives then weigh what real ones do, not a few dozen KB of text.
   */
  illustration?: { sha256: string; size: number };
}

export interface CampaignFigures {
  campaignId: string;
  subjectId: string;
  tasks: number;
  bankItems: number;
  scheduled: number;
  testDate: string;
  seconds: number;
}

/** Difficulty and max score per task position: История 6 has short answers first, essays last. */
const taskShape = (position: number, tasks: number) => ({
  maxScore: position <= Math.ceil(tasks / 2) ? 1 : position < tasks ? 2 : 3,
  difficulty: position <= Math.ceil(tasks / 2) ? 'Б' : position < tasks ? 'П' : 'В',
});

/**
 * A campaign whose federal window holds `testDate`, one encrypted-group subject (История 6) of `tasks`
 * tasks, `itemsPerPosition` bank items per task and a plan-schedule entry on `testDate` for every
 * generated school.
 */
export async function seedMaterialsCampaign(db: Kysely<DB>, opts: CampaignOptions): Promise<CampaignFigures> {
  const tasks = opts.tasks ?? 10;
  const perPosition = opts.itemsPerPosition ?? 3;
  const t0 = performance.now();
  const shapes = Array.from({ length: tasks }, (_, i) => taskShape(i + 1, tasks));
  const maxScore = shapes.reduce((s, t) => s + t.maxScore, 0);

  const campaign = await db
    .insertInto('campaigns')
    .values({
      code: opts.code ?? 'bench-vpr',
      title: 'ВПР: замер национального масштаба',
      window_start: addDays(opts.testDate, -30),
      window_end: addDays(opts.testDate, 30),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const subject = await db
    .insertInto('subjects')
    .values({
      campaign_id: campaign.id,
      code: 'ИС',
      name: 'История',
      grade: 6,
      materials_group: 'encrypted',
      variants: opts.variants ?? 2,
      max_score: maxScore,
      scale_3: Math.round(maxScore * 0.25),
      scale_4: Math.round(maxScore * 0.5),
      scale_5: Math.round(maxScore * 0.75),
      results_deadline: addDays(opts.testDate, 7),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('subject_tasks')
    .values(
      shapes.map((t, i) => ({
        subject_id: subject.id,
        position: i + 1,
        number: String(i + 1),
        max_score: t.maxScore,
        difficulty: t.difficulty as 'Б' | 'П' | 'В',
        planned_result: `Планируемый результат ${i + 1}: работа с историческими источниками`,
      })),
    )
    .execute();
  const bank = await sql`
    INSERT INTO bank_items (subject_id, position, item_no, text, answer, criteria)
    SELECT ${subject.id}::uuid, p, n,
      'Задание ' || p || ', вариант банка ' || n || '. Прочитайте отрывок из исторического источника и ответьте: '
        || repeat('о каком событии идёт речь, кто его участники и каковы его последствия? ', 4),
      'Ответ к заданию ' || p || '.' || n,
      'Критерии: полный ответ — максимальный балл; ответ с одной ошибкой — на балл меньше.'
    FROM generate_series(1, ${tasks}) p, generate_series(1, ${perPosition}) n`.execute(db);
  if (opts.illustration) {
    await sql`INSERT INTO blobs (sha256, size) VALUES (${opts.illustration.sha256}, ${opts.illustration.size})
      ON CONFLICT DO NOTHING`.execute(db);
    await sql`UPDATE bank_items SET image_sha256 = ${opts.illustration.sha256}
      WHERE subject_id = ${subject.id}::uuid AND position % 2 = 0`.execute(db);
  }
  const scheduled = await sql`
    INSERT INTO schedule_entries (campaign_id, subject_id, org_id, test_date, chosen_at)
    SELECT ${campaign.id}::uuid, ${subject.id}::uuid, o.id, ${opts.testDate}::date, now()
    FROM orgs o JOIN municipalities m ON m.id = o.municipality_id
    WHERE m.name LIKE ${MUNICIPALITY_PREFIX + ' %'} AND o.kind = 'school' AND o.status = 'active'`.execute(db);
  return {
    campaignId: campaign.id,
    subjectId: subject.id,
    tasks,
    bankItems: Number(bank.numAffectedRows ?? 0),
    scheduled: Number(scheduled.numAffectedRows ?? 0),
    testDate: opts.testDate,
    seconds: (performance.now() - t0) / 1000,
  };
}
