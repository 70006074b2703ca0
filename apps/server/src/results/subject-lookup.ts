import { resultsUntil } from '@oko/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';

export interface CampaignSubject {
  id: string;
  campaign_id: string;
  code: string;
  name: string;
  grade: number;
  max_score: number;
  scale_3: number;
  scale_4: number;
  scale_5: number;
  results_deadline: string;
  year: number;
}

/** A subject of the campaign named in the path (another campaign's subject id is «not found»). */
export async function campaignSubject(db: Kysely<DB>, campaignId: string, subjectId: string): Promise<CampaignSubject> {
  const s = await db
    .selectFrom('subjects as s')
    .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
    .select([
      's.id',
      's.campaign_id',
      's.code',
      's.name',
      's.grade',
      's.max_score',
      's.scale_3',
      's.scale_4',
      's.scale_5',
    ])
    .select((eb) => [
      eb.cast<string>('s.results_deadline', 'text').as('results_deadline'),
      eb.fn<number>('date_part', [eb.val('year'), 'c.window_start']).as('year'),
    ])
    .where('s.id', '=', subjectId)
    .executeTakeFirst();
  if (!s || s.campaign_id !== campaignId) throw notFound('Предмет не найден в этой кампании');
  return { ...s, year: Number(s.year) };
}

/** 23:00 Moscow time of the subject's deadline day: the same moment for every ОО. */
export const subjectDeadline = (s: Pick<CampaignSubject, 'results_deadline'>): Date => resultsUntil(s.results_deadline);
