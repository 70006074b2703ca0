import {
  applyPrefill,
  computeForm,
  validateForm,
  type FormData,
  type FormTemplate,
  type OrgAttributes,
} from '@oko/shared';
import { sql, type Kysely } from 'kysely';
import { OO_QUESTIONNAIRE_TEMPLATE } from '../collections/templates/oo-questionnaire.ts';
import { SPO_PARTICIPANTS_TEMPLATE } from '../collections/templates/spo-participants.ts';
import type { CollectionPurpose, DB } from '../db/schema.ts';
import type { DemoContext } from './seed-platform.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A filled questionnaire that passes validation; `seed` varies the figures between schools. */
export function sampleQuestionnaireData(seed = 1): FormData {
  const students = (g: number) => 48 + ((g * 7 + seed * 13) % 40);
  return {
    general: [
      {
        _row: 'oo',
        settlement: seed % 2 ? 'Город' : 'Сельский населённый пункт',
        students: 400 + seed * 37,
        teachersStaff: 30 + seed,
        teachersPart: 3,
        topCategoryShare: 37.5,
        internet: 'Да',
        computers: 40 + seed * 2,
      },
    ],
    grades: [4, 5, 6, 7, 8, 9, 10, 11].map((g) => ({
      _row: `g${g}`,
      classes: g >= 10 ? 1 : 2,
      students: g >= 10 ? 25 : students(g),
      disabled: g === 5 ? 2 : null,
    })),
    teachers: [
      { subject: 'Математика', experience: 12, category: 'Высшая' },
      { subject: 'Русский язык', experience: 25, category: 'Высшая' },
      { subject: 'История', experience: 4, category: 'Первая' },
      { subject: 'Начальные классы', experience: 1, category: 'Без категории' },
    ],
  };
}

/** The first three specialty groups filled, the others zero. */
export function sampleSpoData(): FormData {
  const keys = SPO_PARTICIPANTS_TEMPLATE.sheets[0]!.rows;
  if (keys.mode !== 'fixed') throw new Error('spo template: fixed rows expected');
  return {
    groups: keys.rows.map((r, i) =>
      i < 3
        ? { _row: r.key, groups: 2, students: 50, after9: 44, participants: 40, form: 'Очная' }
        : { _row: r.key, groups: 0, students: 0, after9: 0, participants: 0, form: null },
    ),
  };
}

async function upsertTemplate(db: Kysely<DB>, t: FormTemplate): Promise<string> {
  await db
    .insertInto('form_templates')
    .values({ code: t.code, title: t.title, definition: JSON.stringify(t) })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const row = await db.selectFrom('form_templates').select('id').where('code', '=', t.code).executeTakeFirstOrThrow();
  return row.id;
}

async function publicationId(db: Kysely<DB>, title: string): Promise<string | null> {
  const row = await db.selectFrom('publications').select('id').where('title', '=', title).executeTakeFirst();
  return row?.id ?? null;
}

async function orgByLogin(db: Kysely<DB>, login: string): Promise<{ id: string; attrs: OrgAttributes } | null> {
  const res = await sql<{
    id: string;
    code: string;
    full_name: string;
    short_name: string;
    region_code: string;
    region_name: string;
    municipality_name: string;
  }>`
    SELECT o.id, o.code::text AS code, o.full_name, o.short_name, o.region_code::text AS region_code,
      r.name AS region_name, m.name AS municipality_name
    FROM users u JOIN orgs o ON o.id = u.org_id
    JOIN municipalities m ON m.id = o.municipality_id JOIN regions r ON r.code = o.region_code
    WHERE u.login = ${login}`.execute(db);
  const o = res.rows[0];
  if (!o) return null;
  return {
    id: o.id,
    attrs: {
      login,
      orgCode: o.code,
      fullName: o.full_name,
      shortName: o.short_name,
      regionCode: o.region_code,
      regionName: o.region_name,
      municipalityName: o.municipality_name,
    },
  };
}

interface DemoEntry {
  login: string;
  data: FormData;
  state: 'in_progress' | 'submitted';
}

/** An ОО's entry as if it had worked on it over the last days; a submitted one also gets its kept version. */
async function seedEntry(db: Kysely<DB>, collectionId: string, template: FormTemplate, e: DemoEntry, now: Date) {
  const org = await orgByLogin(db, e.login);
  if (!org) return;
  const data = computeForm(template, applyPrefill(template, e.data, org.attrs));
  if (e.state === 'submitted') {
    const issues = validateForm(template, data);
    if (issues.length) throw new Error(`демо-данные ${e.login} не проходят проверку: ${issues[0]!.message}`);
  }
  const json = JSON.stringify(data);
  const submittedAt = e.state === 'submitted' ? new Date(now.getTime() - DAY + 3_600_000) : null;
  await db
    .insertInto('form_entries')
    .values({
      collection_id: collectionId,
      org_id: org.id,
      data: json,
      version: 3,
      started_at: new Date(now.getTime() - 2 * DAY),
      updated_at: new Date(now.getTime() - DAY),
      submitted_at: submittedAt,
    })
    .onConflict((oc) => oc.columns(['collection_id', 'org_id']).doNothing())
    .execute();
  if (submittedAt) {
    await db
      .insertInto('form_submissions')
      .values({
        collection_id: collectionId,
        org_id: org.id,
        number: 1,
        data: json,
        source: 'online',
        submitted_at: submittedAt,
      })
      .onConflict((oc) => oc.columns(['collection_id', 'org_id', 'number']).doNothing())
      .execute();
  }
}

async function seedCollection(
  ctx: DemoContext,
  v: {
    template: FormTemplate;
    title: string;
    purpose: CollectionPurpose;
    publicationTitle: string;
    orgKinds: ('school' | 'college')[];
    opensInDays: number;
    closesInDays: number;
    entries: DemoEntry[];
  },
): Promise<void> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const existing = await db.selectFrom('collections').select('id').where('title', '=', v.title).executeTakeFirst();
  if (existing) return;
  const templateId = await upsertTemplate(db, v.template);
  const { id } = await db
    .insertInto('collections')
    .values({
      publication_id: await publicationId(db, v.publicationTitle),
      template_id: templateId,
      purpose: v.purpose,
      title: v.title,
      opens_at: new Date(now.getTime() + v.opensInDays * DAY),
      closes_at: new Date(now.getTime() + v.closesInDays * DAY),
      org_kinds: v.orgKinds,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const e of v.entries) await seedEntry(db, id, v.template, e, now);
}

/**
 * The demo's open collections, attached to the publications helper seeds made: the ОО questionnaire
 * for schools and the ВПР СПО participants form for colleges, with ОО in every state.
 */
export async function seedDemoCollections(ctx: DemoContext): Promise<void> {
  await seedCollection(ctx, {
    template: OO_QUESTIONNAIRE_TEMPLATE,
    title: 'Анкета ОО, контекстные данные',
    purpose: 'questionnaire',
    publicationTitle: 'Анкета ОО (контекстные данные)',
    orgKinds: ['school'],
    opensInDays: -3,
    closesInDays: 14,
    entries: [
      { login: 'sch390002', data: sampleQuestionnaireData(2), state: 'submitted' },
      { login: 'sch390006', data: sampleQuestionnaireData(6), state: 'submitted' },
      {
        login: 'sch390003',
        data: { general: [{ _row: 'oo', settlement: 'Город', students: 615 }], grades: [], teachers: [] },
        state: 'in_progress',
      },
      { login: 'sch770001', data: sampleQuestionnaireData(3), state: 'submitted' },
      { login: 'sch250002', data: { general: [{ _row: 'oo', internet: 'Нет' }] }, state: 'in_progress' },
    ],
  });
  await seedCollection(ctx, {
    template: SPO_PARTICIPANTS_TEMPLATE,
    title: 'Сведения об участниках ВПР СПО (1 курс)',
    purpose: 'generic',
    publicationTitle: 'Сбор сведений об участниках ВПР СПО',
    orgKinds: ['college'],
    opensInDays: -1,
    closesInDays: 10,
    entries: [
      { login: 'spo390101', data: sampleSpoData(), state: 'submitted' },
      {
        login: 'spo770101',
        data: { groups: [{ _row: 'ugs09', groups: 1, students: 25 }] },
        state: 'in_progress',
      },
    ],
  });
}
