import type { Kysely } from 'kysely';
import {
  municipalCoordinatorLogin,
  orgLogin,
  regionCoordinatorLogin,
  spoCoordinatorLogin,
  ROLES,
  type Role,
} from '@oko/shared';
import { hashPassword } from '../auth/passwords.ts';
import type { DB, NewUser } from '../db/schema.ts';
import { DEMO_REGIONS } from './demo-country.data.ts';
import { DEMO_ADMIN_LOGIN, DEMO_PASSWORDS } from './demo-passwords.ts';

const DEMO_CONTACTS = [
  { full_name: 'Смирнова Ольга Викторовна', position: 'Начальник отдела оценки качества' },
  { full_name: 'Кузнецов Андрей Сергеевич', position: 'Ведущий специалист' },
  { full_name: 'Попова Елена Николаевна', position: 'Главный специалист' },
  { full_name: 'Васильев Игорь Петрович', position: 'Методист' },
];

/**
 * The demo country: three regions in different zones, their municipalities, schools and colleges,
 * and an account for every role. Runs once, on a database with no accounts, in one transaction.
 */
export async function seedDemo(db: Kysely<DB>): Promise<{ accounts: number } | null> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return null;

  // one hash per role: the demo has a known password per role
  const hashes = Object.fromEntries(
    await Promise.all(ROLES.map(async (r) => [r, await hashPassword(DEMO_PASSWORDS[r])] as const)),
  ) as Record<Role, string>;
  let contactIndex = 0;
  const contact = (regionCode: string) => {
    const c = DEMO_CONTACTS[contactIndex++ % DEMO_CONTACTS.length]!;
    const n = String(contactIndex).padStart(2, '0');
    return { ...c, phone: `+7 (900) 1${regionCode}-00-${n}`, email: `coordinator${n}.${regionCode}@example.ru` };
  };
  const account = (role: Role, v: Omit<NewUser, 'password_hash' | 'must_change_password' | 'role'>): NewUser => ({
    ...v,
    role,
    password_hash: hashes[role],
    must_change_password: false,
  });

  return db.transaction().execute(async (trx) => {
    const users: NewUser[] = [
      account('federal_admin', {
        login: DEMO_ADMIN_LOGIN,
        full_name: 'Федеральный организатор',
        position: 'Администратор',
        phone: '+7 (495) 000-00-00',
        email: 'admin@example.ru',
      }),
    ];
    for (const region of DEMO_REGIONS) {
      users.push(
        account('region_coordinator', {
          login: regionCoordinatorLogin(region.code),
          region_code: region.code,
          ...contact(region.code),
        }),
      );
      users.push(
        account('spo_region_coordinator', {
          login: spoCoordinatorLogin(region.code),
          region_code: region.code,
          ...contact(region.code),
        }),
      );
      for (const m of region.municipalities) {
        const { id: municipalityId } = await trx
          .insertInto('municipalities')
          .values({ region_code: region.code, code: m.code, name: m.name, time_zone: m.timeZone ?? null })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (!m.withoutCoordinator)
          users.push(
            account('municipal_coordinator', {
              login: municipalCoordinatorLogin(region.code, m.code),
              region_code: region.code,
              municipality_id: municipalityId,
              ...contact(region.code),
            }),
          );
        for (const o of m.orgs) {
          const code = `${region.code}${o.number}`;
          const { id: orgId } = await trx
            .insertInto('orgs')
            .values({
              region_code: region.code,
              municipality_id: municipalityId,
              code,
              kind: o.kind,
              full_name: o.fullName,
              short_name: o.shortName,
              status: o.status ?? 'active',
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (o.status !== 'closed' && !o.withoutAccount) {
            users.push(
              account(o.kind, {
                login: orgLogin(o.kind, code),
                region_code: region.code,
                municipality_id: municipalityId,
                org_id: orgId,
              }),
            );
          }
        }
      }
    }
    await trx.insertInto('users').values(users).execute();
    return { accounts: users.length };
  });
}
