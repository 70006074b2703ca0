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
