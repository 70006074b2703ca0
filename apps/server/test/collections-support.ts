import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { FormData, FormTemplate } from '@oko/shared';
import { OO_QUESTIONNAIRE_TEMPLATE } from '../src/collections/templates/oo-questionnaire.ts';
import { signedIn, type Client, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';

/**
 * A small country for the collection tests: region 39 with two municipalities, three active schools,
 * a closed one and a college; a school in foreign region 77. The questionnaire is open from
 * 2026-11-01 to 2026-12-01 (the harness clock stands at 2026-11-20).
 */
export async function collectionWorld(h: Harness, template: FormTemplate = OO_QUESTIONNAIRE_TEMPLATE) {
  const f = h.factory;
  const mA = await f.municipality('39', { code: '011', name: 'Муниципалитет А' });
  const mB = await f.municipality('39', { code: '012', name: 'Муниципалитет Б' });
  const mF = await f.municipality('77', { code: '011', name: 'ЧУЖОЙ округ' });
  const s1 = await f.org({ municipalityId: mA.id, regionCode: '39', name: 'Школа первая' });
  const s2 = await f.org({ municipalityId: mA.id, regionCode: '39', name: 'Школа вторая' });
  const s3 = await f.org({ municipalityId: mB.id, regionCode: '39', name: 'Школа третья' });
  const closed = await f.org({ municipalityId: mA.id, regionCode: '39', name: 'Школа закрытая', status: 'closed' });
  const c1 = await f.org({ municipalityId: mA.id, regionCode: '39', kind: 'college', name: 'Колледж' });
  const sF = await f.org({ municipalityId: mF.id, regionCode: '77', name: 'ЧУЖАЯ школа' });
  const users = {
    s1: await f.orgAccount(s1),
    s2: await f.orgAccount(s2),
    s3: await f.orgAccount(s3),
    closed: await f.orgAccount(closed),
    c1: await f.orgAccount(c1),
    sF: await f.orgAccount(sF),
    reg39: await f.regionCoordinator('39'),
    munA: await f.municipalCoordinator(mA),
    reg77: await f.regionCoordinator('77'),
  };
  const code = `${template.code}-${randomBytes(3).toString('hex')}`;
  const { id: templateId } = await h.db
    .insertInto('form_templates')
    .values({ code, title: template.title, definition: JSON.stringify(template) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: collectionId } = await h.db
    .insertInto('collections')
    .values({
      template_id: templateId,
      purpose: 'questionnaire',
      title: 'Анкета ОО, контекстные данные',
      opens_at: new Date('2026-11-01T00:00:00Z'),
      closes_at: new Date('2026-12-01T00:00:00Z'),
      org_kinds: ['school'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { mA, mB, mF, s1, s2, s3, closed, c1, sF, users, collectionId, templateId };
}
export type CollectionWorld = Awaited<ReturnType<typeof collectionWorld>>;

export const as = (h: Harness, login: string): Promise<Client> => signedIn(h.app, login, TEST_PASSWORD);

export const put = (c: Client, collectionId: string, data: FormData, version: number) =>
  c.request({ method: 'PUT', url: `/api/collections/${collectionId}/entry`, payload: { data, version } });

export const submit = (c: Client, collectionId: string, version: number) =>
  c.post(`/api/collections/${collectionId}/submit`, { version });

/** A multipart/form-data body with one file, as a browser's upload form sends it. */
export function multipartFile(
  bytes: Buffer,
  filename = 'форма.xlsx',
  contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----oko${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(filename)}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const upload = (c: Client, collectionId: string, bytes: Buffer, filename?: string) =>
  c.request({ method: 'POST', url: `/api/collections/${collectionId}/xlsx`, ...multipartFile(bytes, filename) });

/** Everything an ОО's submission could change, to compare before and after a refused request. */
export async function entrySnapshot(h: Harness, collectionId: string, orgId: string) {
  const entry = await h.db
    .selectFrom('form_entries')
    .selectAll()
    .where('collection_id', '=', collectionId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  const submissions = await h.db
    .selectFrom('form_submissions')
    .selectAll()
    .where('collection_id', '=', collectionId)
    .where('org_id', '=', orgId)
    .orderBy('number')
    .execute();
  return { entry: entry ?? null, submissions };
}

export const body = (res: LightMyRequestResponse) => res.json() as Record<string, unknown>;
