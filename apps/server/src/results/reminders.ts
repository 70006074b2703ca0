import { momentText, MOSCOW_ZONE } from '@oko/shared';
import { sql } from 'kysely';
import type { PlatformDeps } from '../platform.ts';
import type { MonitoringRepository } from './monitoring.repository.ts';
import { subjectDeadline } from './subject-lookup.ts';

export const RESULTS_REMINDERS = 'results.reminders';
/** The reminder goes out this long before 23:00 MSK of the deadline: 18:00 MSK, still a working evening. */
export const REMIND_BEFORE_MS = 5 * 60 * 60 * 1000;
/** How often the sweep (JobRunner.every) looks for a subject whose reminder moment has come. */
export const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Sends each subject's reminder once, to every account of every scheduled ОО that has not sent results, in the
 * hours before the deadline; returns how many ОО were reminded.
 */
export async function sendDueReminders(
  deps: Pick<PlatformDeps, 'db' | 'clock' | 'notifications'>,
  monitoring: MonitoringRepository,
): Promise<number> {
  const now = deps.clock.now();
  const subjects = await deps.db
    .selectFrom('subjects')
    .select(['id', 'name', 'grade'])
    .select((eb) => eb.cast<string>('results_deadline', 'text').as('results_deadline'))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('results_reminders as r').select('r.subject_id').whereRef('r.subject_id', '=', 'subjects.id'),
        ),
      ),
    )
    .execute();
  let reminded = 0;
  for (const s of subjects) {
    const deadline = subjectDeadline(s);
    if (now.getTime() < deadline.getTime() - REMIND_BEFORE_MS || now >= deadline) continue;
    const orgs = await monitoring.missingOrgs(s.id);
    // the row first: a second server running the same sweep sends nothing
    const claimed = await sql`INSERT INTO results_reminders (subject_id, sent_at, orgs)
      VALUES (${s.id}::uuid, ${now}, ${orgs.length}) ON CONFLICT DO NOTHING`.execute(deps.db);
    if (Number(claimed.numAffectedRows ?? 0) === 0) continue;
    const users = orgs.length
      ? await deps.db.selectFrom('users').select('id').where('org_id', 'in', orgs).execute()
      : [];
    for (const u of users) {
      await deps.notifications.notify({
        userId: u.id,
        kind: RESULTS_REMINDERS,
        title: `Результаты ВПР не загружены: ${s.name}, ${s.grade} класс`,
        body:
          `Загрузите форму сбора результатов до ${momentText(deadline, MOSCOW_ZONE)}. ` +
          'После срока загрузка возможна только с разрешения координатора.',
      });
    }
    reminded += orgs.length;
  }
  return reminded;
}
