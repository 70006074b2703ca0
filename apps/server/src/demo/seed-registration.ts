import { validateForm, type ApplicationLine, type FormData } from '@oko/shared';
import { dataOfLines } from '../registration/application-lines.ts';
import { applicationTemplate } from '../registration/templates/application.ts';
import type { DemoContext } from './seed-platform.ts';

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_APPLICATION_TITLE = 'Заявка на участие в ВПР 2026';
const PUBLICATION_TITLE = 'Заявка на участие в ВПР';

const line = (grade: string, subject: string, participants: number, classes = 1): ApplicationLine => ({
  grade,
  subject,
  classes,
  participants,
});

/** What the demo schools sent; sch390002's application is also confirmed by the regional coordinator. */
const SENT: { login: string; submitted: boolean; lines: ApplicationLine[] }[] = [
  {
    login: 'sch390001',
    submitted: true,
    lines: [
      line('4', 'Русский язык', 52, 2),
      line('4', 'Математика', 52, 2),
      line('4', 'Окружающий мир', 51, 2),
      line('5', 'Русский язык', 48, 2),
      line('5', 'Математика', 48, 2),
      line('5', 'История', 47, 2),
      line('5', 'Биология', 47, 2),
      line('6', 'История', 45, 2),
    ],
  },
  {
    login: 'sch390002',
    submitted: true,
    lines: [
      line('5', 'Русский язык', 60, 2),
      line('5', 'Математика', 60, 2),
      line('6', 'История', 56, 2),
      line('7', 'Физика', 54, 2),
    ],
  },
  {
    login: 'sch390003',
    submitted: true,
    lines: [line('8', 'Химия', 44, 2), line('10', 'Математика', 25), line('11', 'Физика', 21)],
  },
  { login: 'sch390006', submitted: false, lines: [line('4', 'Русский язык', 18), line('4', 'Математика', 18)] },
  { login: 'sch770001', submitted: true, lines: [line('4', 'Русский язык', 75, 3), line('4', 'Математика', 75, 3)] },
];
const CONFIRMED = 'sch390002';

/**
 * The application collection of the demo country, attached to the publication «Заявка на участие в ВПР»:
 * open from five days ago for ten more days, several schools of region 39 have filled it, one of them
 * confirmed by the regional coordinator.
 */
export async function seedDemoRegistration({ db, clock }: DemoContext): Promise<void> {
  const now = clock.now();
  const t = applicationTemplate;
  await db
    .insertInto('form_templates')
    .values({ code: t.code, title: t.title, definition: JSON.stringify(t) })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const template = await db
    .selectFrom('form_templates')
    .select('id')
    .where('code', '=', t.code)
    .executeTakeFirstOrThrow();
  const publication = await db
    .selectFrom('publications')
    .select('id')
    .where('title', '=', PUBLICATION_TITLE)
    .executeTakeFirst();
  const collection = await db
    .insertInto('collections')
    .values({
      // without the publication (a demo built without it) the collection still lists on its own
      publication_id: publication?.id ?? null,
      template_id: template.id,
      purpose: 'application',
      title: DEMO_APPLICATION_TITLE,
      opens_at: new Date(now.getTime() - 5 * DAY),
      closes_at: new Date(now.getTime() + 10 * DAY),
      org_kinds: ['school'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  for (const [i, s] of SENT.entries()) {
    const user = await db.selectFrom('users').select(['id', 'org_id']).where('login', '=', s.login).executeTakeFirst();
    if (!user?.org_id) continue;
    const data: FormData = dataOfLines(s.lines);
    const issues = validateForm(t, data);
    if (issues.length) throw new Error(`демо-заявка ${s.login} не проходит проверку: ${issues[0]!.message}`);
    const json = JSON.stringify(data);
    const startedAt = new Date(now.getTime() - (4 - (i % 3)) * DAY);
    const submittedAt = s.submitted ? new Date(startedAt.getTime() + DAY / 2) : null;
    await db
      .insertInto('form_entries')
      .values({
        collection_id: collection.id,
        org_id: user.org_id,
        data: json,
        version: 3,
        started_at: startedAt,
        updated_at: submittedAt ?? startedAt,
        updated_by: user.id,
        submitted_at: submittedAt,
      })
      .execute();
    if (!submittedAt) continue;
    await db
      .insertInto('form_submissions')
      .values({
        collection_id: collection.id,
        org_id: user.org_id,
        number: 1,
        data: json,
        source: 'online',
        submitted_by: user.id,
        submitted_at: submittedAt,
      })
      .execute();
    if (s.login !== CONFIRMED) continue;
    const coordinator = await db.selectFrom('users').select('id').where('login', '=', 'reg390000').executeTakeFirst();
    await db
      .insertInto('application_confirmations')
      .values({
        collection_id: collection.id,
        org_id: user.org_id,
        version: 1,
        data: json,
        corrected: false,
        confirmed_by: coordinator?.id ?? null,
        confirmed_at: new Date(now.getTime() - DAY),
      })
      .execute();
  }
}
