import { sql, type Kysely, type Transaction } from 'kysely';
import type { SubjectCreateParsed } from '@oko/shared';
import type { DB } from '../db/schema.ts';
import { CampaignsRepository } from './campaigns.repository.ts';

const asText = (col: string) => sql<string>`${sql.ref(col)}::text`;
const CHUNK = 1000;

/** The campaign's subjects and tasks as the structure upload reads and rewrites them. */
export class StructureRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(run: (repo: StructureRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx: Transaction<DB>) => run(new StructureRepository(trx)));
  }

  campaign(campaignId: string) {
    return this.db
      .selectFrom('campaigns')
      .select(['id', 'title', asText('window_start').as('window_start')])
      .where('id', '=', campaignId)
      .executeTakeFirst();
  }

  /** Two uploads of one campaign run one after the other. */
  lockCampaign(campaignId: string) {
    return this.db
      .selectFrom('campaigns')
      .select(['id', 'title', asText('window_start').as('window_start')])
      .where('id', '=', campaignId)
      .forUpdate()
      .executeTakeFirst();
  }

  /**
   * Holds the campaign's subjects until commit: generating materials inserts rows that reference a subject,
   * which waits for this lock, so the materials counted here cannot appear behind the upload's back.
   */
  async lockSubjects(campaignId: string): Promise<void> {
    await this.db.selectFrom('subjects').select('id').where('campaign_id', '=', campaignId).forUpdate().execute();
  }

  subjects(campaignId: string) {
    return new CampaignsRepository(this.db).listSubjects(campaignId);
  }

  tasks(subjectIds: string[]) {
    return new CampaignsRepository(this.db).listTasks(subjectIds);
  }

  async materialsCounts(campaignId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('materials as m')
      .innerJoin('subjects as s', 's.id', 'm.subject_id')
      .select(['m.subject_id', sql<number>`count(*)::int`.as('n')])
      .where('s.campaign_id', '=', campaignId)
      .groupBy('m.subject_id')
      .execute();
    return new Map(rows.map((r) => [r.subject_id, r.n]));
  }

  /** ОО with uploaded results per subject: from the first one the subject's tasks and scale are fixed. */
  async resultsCounts(campaignId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('results_summary as r')
      .innerJoin('subjects as s', 's.id', 'r.subject_id')
      .select(['r.subject_id', sql<number>`count(*)::int`.as('n')])
      .where('s.campaign_id', '=', campaignId)
      .groupBy('r.subject_id')
      .execute();
    return new Map(rows.map((r) => [r.subject_id, r.n]));
  }

  async lastTestDates(campaignId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('schedule_entries')
      .select(['subject_id', sql<string>`max(test_date)::text`.as('last')])
      .where('campaign_id', '=', campaignId)
      .groupBy('subject_id')
      .execute();
    return new Map(rows.map((r) => [r.subject_id, r.last]));
  }

  insertSubject(campaignId: string, s: SubjectCreateParsed): Promise<string | null> {
    return new CampaignsRepository(this.db).insertSubject(campaignId, s);
  }

  async updateSubject(subjectId: string, s: SubjectCreateParsed): Promise<void> {
    await this.db
      .updateTable('subjects')
      .set({
        name: s.name,
        materials_group: s.group,
        variants: s.variants,
        max_score: s.tasks.reduce((sum, t) => sum + t.maxScore, 0),
        scale_3: s.scale3,
        scale_4: s.scale4,
        scale_5: s.scale5,
        results_deadline: s.resultsDeadline,
      })
      .where('id', '=', subjectId)
      .execute();
  }

  /**
   * New tasks for a subject. Bank items follow their task by number to its new position; the items of a task
   * that is gone go with it (the foreign key cascades).
   */
  async replaceTasks(subjectId: string, tasks: SubjectCreateParsed['tasks']): Promise<void> {
    const bank = await this.db
      .selectFrom('bank_items as b')
      .innerJoin('subject_tasks as t', (j) =>
        j.onRef('t.subject_id', '=', 'b.subject_id').onRef('t.position', '=', 'b.position'),
      )
      .select(['t.number', 'b.item_no', 'b.text', 'b.image_sha256', 'b.answer', 'b.criteria'])
      .where('b.subject_id', '=', subjectId)
      .execute();
    await this.db.deleteFrom('subject_tasks').where('subject_id', '=', subjectId).execute();
    await this.db
      .insertInto('subject_tasks')
      .values(
        tasks.map((t, i) => ({
          subject_id: subjectId,
          position: i + 1,
          number: t.number,
          max_score: t.maxScore,
          difficulty: t.difficulty,
          planned_result: t.plannedResult,
          depends_on: t.dependsOn,
        })),
      )
      .execute();
    const positionOf = new Map(tasks.map((t, i) => [t.number, i + 1]));
    const kept = bank.flatMap((b) => {
      const position = positionOf.get(b.number);
      return position === undefined
        ? []
        : [
            {
              subject_id: subjectId,
              position,
              item_no: b.item_no,
              text: b.text,
              image_sha256: b.image_sha256,
              answer: b.answer,
              criteria: b.criteria,
            },
          ];
    });
    for (let i = 0; i < kept.length; i += CHUNK) {
      await this.db
        .insertInto('bank_items')
        .values(kept.slice(i, i + CHUNK))
        .execute();
    }
  }
}
