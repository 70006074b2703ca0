import { sql, type Kysely, type Transaction } from 'kysely';
import type { CampaignCreate, SubjectCreateParsed } from '@oko/shared';
import type { DB } from '../db/schema.ts';

/** Calendar dates leave the database as text: see CalendarDate in schema.campaigns.ts. */
const asText = (col: string) => sql<string>`${sql.ref(col)}::text`;

const campaignColumns = [
  'c.id',
  'c.code',
  'c.title',
  asText('c.window_start').as('window_start'),
  asText('c.window_end').as('window_end'),
  'c.created_at',
] as const;

export class CampaignsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(run: (repo: CampaignsRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx: Transaction<DB>) => run(new CampaignsRepository(trx)));
  }

  insertCampaign(c: CampaignCreate) {
    return this.db
      .insertInto('campaigns')
      .values({ code: c.code, title: c.title, window_start: c.windowStart, window_end: c.windowEnd })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
  }

  listCampaigns() {
    return this.db.selectFrom('campaigns as c').select(campaignColumns).orderBy('c.window_start', 'desc').execute();
  }

  findCampaign(id: string) {
    return this.db.selectFrom('campaigns as c').select(campaignColumns).where('c.id', '=', id).executeTakeFirst();
  }

  listSubjects(campaignId: string) {
    return this.db
      .selectFrom('subjects as s')
      .select([
        's.id',
        's.code',
        's.name',
        's.grade',
        's.materials_group',
        's.variants',
        's.max_score',
        's.scale_3',
        's.scale_4',
        's.scale_5',
        asText('s.results_deadline').as('results_deadline'),
      ])
      .where('s.campaign_id', '=', campaignId)
      .orderBy('s.grade')
      .orderBy('s.code')
      .execute();
  }

  listTasks(subjectIds: string[]) {
    if (subjectIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('subject_tasks')
      .selectAll()
      .where('subject_id', 'in', subjectIds)
      .orderBy('subject_id')
      .orderBy('position')
      .execute();
  }

  /** Null when the campaign already has this subject and grade. */
  async insertSubject(campaignId: string, s: SubjectCreateParsed): Promise<string | null> {
    const row = await this.db
      .insertInto('subjects')
      .values({
        campaign_id: campaignId,
        code: s.code,
        name: s.name,
        grade: s.grade,
        materials_group: s.group,
        variants: s.variants,
        max_score: s.tasks.reduce((sum, t) => sum + t.maxScore, 0),
        scale_3: s.scale3,
        scale_4: s.scale4,
        scale_5: s.scale5,
        results_deadline: s.resultsDeadline,
      })
      .onConflict((oc) => oc.columns(['campaign_id', 'code', 'grade']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return null;
    await this.db
      .insertInto('subject_tasks')
      .values(
        s.tasks.map((t, i) => ({
          subject_id: row.id,
          position: i + 1,
          number: t.number,
          max_score: t.maxScore,
          difficulty: t.difficulty,
          planned_result: t.plannedResult,
          depends_on: t.dependsOn,
        })),
      )
      .execute();
    return row.id;
  }

  findSubject(campaignId: string, subjectId: string) {
    return this.db
      .selectFrom('subjects')
      .select(['id', asText('results_deadline').as('results_deadline')])
      .where('campaign_id', '=', campaignId)
      .where('id', '=', subjectId)
      .executeTakeFirst();
  }

  async upsertSchedule(e: {
    campaignId: string;
    subjectId: string;
    orgIds: string[];
    testDate: string;
    userId: string;
    at: Date;
  }): Promise<number> {
    const rows = await this.db
      .insertInto('schedule_entries')
      .values(
        e.orgIds.map((orgId) => ({
          campaign_id: e.campaignId,
          subject_id: e.subjectId,
          org_id: orgId,
          test_date: e.testDate,
          chosen_by: e.userId,
          chosen_at: e.at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['subject_id', 'org_id']).doUpdateSet({
          test_date: (eb) => eb.ref('excluded.test_date'),
          chosen_by: (eb) => eb.ref('excluded.chosen_by'),
          chosen_at: (eb) => eb.ref('excluded.chosen_at'),
        }),
      )
      .returning('org_id')
      .execute();
    return rows.length;
  }

  /** The ОО's entries with what the gates need: group, dates and the zone of its municipality or region. */
  scheduleOfOrg(campaignId: string, orgId: string) {
    return this.db
      .selectFrom('schedule_entries as e')
      .innerJoin('subjects as s', 's.id', 'e.subject_id')
      .innerJoin('orgs as o', 'o.id', 'e.org_id')
      .innerJoin('municipalities as m', 'm.id', 'o.municipality_id')
      .innerJoin('regions as r', 'r.code', 'o.region_code')
      .select([
        's.id as subject_id',
        's.code',
        's.name',
        's.grade',
        's.materials_group',
        asText('e.test_date').as('test_date'),
        asText('s.results_deadline').as('results_deadline'),
        sql<string>`coalesce(m.time_zone, r.time_zone)`.as('zone'),
      ])
      .where('e.campaign_id', '=', campaignId)
      .where('e.org_id', '=', orgId)
      .orderBy('e.test_date')
      .orderBy('s.grade')
      .orderBy('s.code')
      .execute();
  }
}
