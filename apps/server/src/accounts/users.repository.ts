import { sql, type Kysely } from 'kysely';
import type { DB, NewUser } from '../db/schema.ts';
import { contactColumns } from './contact.ts';

export class UsersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findByLogin(login: string) {
    return this.db
      .selectFrom('users')
      .select(['id', 'login', 'password_hash', 'role', 'must_change_password'])
      .select(
        sql<boolean>`coalesce((SELECT o.status = 'closed' FROM orgs o WHERE o.id = users.org_id), false)`.as(
          'org_closed',
        ),
      )
      .where('login', '=', login)
      .executeTakeFirst();
  }

  findById(id: string) {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The account with the name and zone of the organization it belongs to. */
  profile(id: string) {
    return this.db
      .selectFrom('users as u')
      .leftJoin('regions as r', 'r.code', 'u.region_code')
      .leftJoin('municipalities as m', 'm.id', 'u.municipality_id')
      .leftJoin('orgs as o', 'o.id', 'u.org_id')
      .select([
        'u.id',
        'u.login',
        'u.role',
        'u.must_change_password',
        'u.region_code',
        'u.municipality_id',
        'u.org_id',
        'u.full_name',
        'u.position',
        'u.phone',
        'u.email',
        'r.name as region_name',
        'r.time_zone as region_time_zone',
        'm.name as municipality_name',
        'm.time_zone as municipality_time_zone',
        'o.short_name as org_name',
      ])
      .where('u.id', '=', id)
      .executeTakeFirst();
  }

  async recordLogin(id: string, at: Date): Promise<void> {
    await this.db.updateTable('users').set({ last_login_at: at }).where('id', '=', id).execute();
  }

  async setPassword(
    id: string,
    values: { hash: string; mustChange: boolean; at: Date; issued: boolean },
    db: Kysely<DB> = this.db,
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({
        password_hash: values.hash,
        must_change_password: values.mustChange,
        ...(values.issued ? { password_issued_at: values.at } : { password_changed_at: values.at }),
      })
      .where('id', '=', id)
      .execute();
  }

  async insert(user: NewUser, db: Kysely<DB> = this.db): Promise<string> {
    const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async updateContact(
    id: string,
    contact: { fullName: string; position: string; phone: string; email: string },
  ): Promise<void> {
    await this.db.updateTable('users').set(contactColumns(contact)).where('id', '=', id).execute();
  }

  countAll() {
    return this.db
      .selectFrom('users')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
  }
}
