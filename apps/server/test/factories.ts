import type { Kysely } from 'kysely';
import {
  municipalCoordinatorLogin,
  orgLogin,
  regionCoordinatorLogin,
  spoCoordinatorLogin,
  type Role,
} from '@oko/shared';
import { hashPassword } from '../src/auth/passwords.ts';
import type { DB } from '../src/db/schema.ts';
import { SAMPLE_TEMPLATE } from '../src/forms/sample-template.ts';

export const TEST_PASSWORD = 'Test-Password-1';
let hashed: Promise<string> | undefined;
const testHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

let seq = 0;
const next = () => ++seq;

export interface BuiltUser {
  id: string;
  login: string;
  role: Role;
}

/** Builds hierarchy rows and accounts; each builder creates the parents it needs. */
export class Factory {
  constructor(private readonly db: Kysely<DB>) {}

  async municipality(regionCode = '39', v: { code?: string; name?: string; timeZone?: string } = {}) {
    const code = v.code ?? String(100 + (next() % 900)).padStart(3, '0');
    return this.db
      .insertInto('municipalities')
      .values({ region_code: regionCode, code, name: v.name ?? `Муниципалитет ${code}`, time_zone: v.timeZone ?? null })
      .returning(['id', 'region_code', 'code'])
      .executeTakeFirstOrThrow();
  }

  async org(
    v: {
      municipalityId?: string;
      regionCode?: string;
      kind?: 'school' | 'college';
      status?: 'active' | 'closed';
      name?: string;
    } = {},
  ) {
    const regionCode = v.regionCode ?? '39';
    const municipalityId = v.municipalityId ?? (await this.municipality(regionCode)).id;
    const code = `${regionCode}${String(next()).padStart(4, '0')}`;
    return this.db
      .insertInto('orgs')
      .values({
        region_code: regionCode,
        municipality_id: municipalityId,
        code,
        kind: v.kind ?? 'school',
        full_name: v.name ?? `Школа ${code}`,
        short_name: v.name ?? `Школа ${code}`,
        status: v.status ?? 'active',
      })
      .returning(['id', 'code', 'municipality_id', 'region_code', 'kind'])
      .executeTakeFirstOrThrow();
  }

  private async user(
    role: Role,
    login: string,
    place: { region_code?: string; municipality_id?: string; org_id?: string },
    mustChange = false,
  ): Promise<BuiltUser> {
    const row = await this.db
      .insertInto('users')
      .values({ login, role, password_hash: await testHash(), must_change_password: mustChange, ...place })
      .returning(['id', 'login', 'role'])
      .executeTakeFirstOrThrow();
    return row;
  }

  federal(login = `fed${next()}`) {
    return this.user('federal_admin', login, {});
  }
  regionCoordinator(regionCode = '39') {
    return this.user('region_coordinator', regionCoordinatorLogin(regionCode), { region_code: regionCode });
  }
  spoCoordinator(regionCode = '39') {
    return this.user('spo_region_coordinator', spoCoordinatorLogin(regionCode), { region_code: regionCode });
  }
  async municipalCoordinator(municipality?: { id: string; region_code: string; code: string }) {
    const m = municipality ?? (await this.municipality());
    return this.user('municipal_coordinator', municipalCoordinatorLogin(m.region_code, m.code), {
      region_code: m.region_code,
      municipality_id: m.id,
    });
  }
  async orgAccount(
    org?: { id: string; code: string; municipality_id: string; region_code: string; kind: 'school' | 'college' },
    mustChange = false,
  ) {
    const o = org ?? (await this.org());
    return this.user(
      o.kind,
      orgLogin(o.kind, o.code),
      { region_code: o.region_code, municipality_id: o.municipality_id, org_id: o.id },
      mustChange,
    );
  }
}

/** Publications, stored files, collections, notifications and jobs, inserted directly. */
export class PlatformFactory {
  constructor(private readonly db: Kysely<DB>) {}

  async blob(content: string | Buffer = `файл ${next()}`) {
    const { createHash } = await import('node:crypto');
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.db
      .insertInto('blobs')
      .values({ sha256, size: bytes.length })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    return { sha256, size: bytes.length };
  }

  async publication(
    v: {
      title?: string;
      section?: 'vpr' | 'vpr_spo' | 'interview';
      roles?: Role[];
      regionCodes?: string[] | null;
      orgIds?: string[] | null;
      ownerRegionCode?: string | null;
      authorId?: string | null;
    } = {},
  ) {
    return this.db
      .insertInto('publications')
      .values({
        section: v.section ?? 'vpr',
        title: v.title ?? `Публикация ${next()}`,
        body: 'Текст публикации',
        author_id: v.authorId ?? null,
        owner_region_code: v.ownerRegionCode ?? null,
        audience_roles: v.roles ?? [
          'region_coordinator',
          'spo_region_coordinator',
          'municipal_coordinator',
          'school',
          'college',
        ],
        audience_region_codes: v.regionCodes ?? null,
        audience_org_ids: v.orgIds ?? null,
        published_at: new Date('2026-11-01T00:00:00Z'),
      })
      .returning(['id', 'title'])
      .executeTakeFirstOrThrow();
  }

  async storage(publicationId: string, title = 'Хранилище') {
    return this.db
      .insertInto('storages')
      .values({ publication_id: publicationId, title })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  async file(
    storageId: string,
    v: { name?: string; orgId?: string | null; onlyForOrgs?: boolean; content?: string; availableAt?: Date } = {},
  ) {
    const b = await this.blob(v.content);
    return this.db
      .insertInto('storage_files')
      .values({
        storage_id: storageId,
        name: v.name ?? `file-${next()}.pdf`,
        sha256: b.sha256,
        size: b.size,
        org_id: v.orgId ?? null,
        only_for_orgs: v.onlyForOrgs ?? false,
        available_at: v.availableAt ?? null,
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
  }

  async notification(userId: string, title = 'Уведомление') {
    return this.db
      .insertInto('notifications')
      .values({ user_id: userId, kind: 'test', title, created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  async job(userId: string) {
    return this.db
      .insertInto('jobs')
      .values({ kind: 'test', payload: '{}', created_by: userId, status: 'done' })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  async template(code = `t${next()}`, definition: unknown = { ...SAMPLE_TEMPLATE, code }) {
    return this.db
      .insertInto('form_templates')
      .values({ code, title: `Шаблон ${code}`, definition: JSON.stringify(definition) })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  async collection(
    v: { templateId?: string; regionCodes?: string[] | null; orgKinds?: string[]; title?: string } = {},
  ) {
    const templateId = v.templateId ?? (await this.template()).id;
    return this.db
      .insertInto('collections')
      .values({
        template_id: templateId,
        title: v.title ?? `Сбор ${next()}`,
        opens_at: new Date('2026-11-01T00:00:00Z'),
        closes_at: new Date('2026-12-31T00:00:00Z'),
        org_kinds: v.orgKinds ?? ['school', 'college'],
        region_codes: v.regionCodes ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
}
