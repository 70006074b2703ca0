import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { BankItemDraft } from './bank-plan.ts';

const CHUNK = 1000;

/** The task bank of a subject: interchangeable items per task position. */
export class BankRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(run: (repo: BankRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx: Transaction<DB>) => run(new BankRepository(trx)));
  }

  /** The subject, only if it belongs to this campaign. */
  subject(campaignId: string, subjectId: string, lock = false) {
    let q = this.db
      .selectFrom('subjects')
      .select(['id', 'code', 'name', 'grade'])
      .where('campaign_id', '=', campaignId)
      .where('id', '=', subjectId);
    // FOR UPDATE: generating materials inserts rows referencing the subject and waits for this lock
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  tasks(subjectId: string) {
    return this.db
      .selectFrom('subject_tasks')
      .select(['position', 'number', 'max_score'])
      .where('subject_id', '=', subjectId)
      .orderBy('position')
      .execute();
  }

  items(subjectId: string) {
    return this.db
      .selectFrom('bank_items')
      .select(['position', 'item_no', 'text', 'answer', 'criteria', 'image_sha256'])
      .where('subject_id', '=', subjectId)
      .orderBy('position')
      .orderBy('item_no')
      .execute();
  }

  async materialsCount(subjectId: string): Promise<number> {
    const row = await this.db
      .selectFrom('materials')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
    return row?.n ?? 0;
  }

  async replace(subjectId: string, items: BankItemDraft[]): Promise<void> {
    await this.db.deleteFrom('bank_items').where('subject_id', '=', subjectId).execute();
    const rows = items.map((i) => ({
      subject_id: subjectId,
      position: i.position,
      item_no: i.itemNo,
      text: i.text,
      image_sha256: null,
      answer: i.answer,
      criteria: i.criteria,
    }));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db
        .insertInto('bank_items')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    }
  }
}
