import {
  canIssueTo,
  municipalCoordinatorLogin,
  orgLogin,
  regionCoordinatorLogin,
  spoCoordinatorLogin,
  type Account,
  type Contact,
  type IssuedCredential,
  ROLE_TITLES,
} from '@oko/shared';
import type { Kysely } from 'kysely';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import { accountScope } from '../access/scope-rules.ts';
import type { AuditRepository } from '../auth/audit.repository.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import type { SessionStore } from '../auth/session-store.ts';
import type { SessionsRepository } from '../auth/sessions.repository.ts';
import type { Clock } from '../clock.ts';
import type { DB, NewUser } from '../db/schema.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import type { HierarchyRepository } from '../hierarchy/hierarchy.repository.ts';
import type { AccountsRepository } from './accounts.repository.ts';
import { contactColumns, contactOf } from './contact.ts';
import { credentialCardsPdf } from './credential-cards.pdf.ts';
import { credentialListXlsx } from './credential-list.xlsx.ts';
import type { UsersRepository } from './users.repository.ts';

type Target =
  { kind: 'existing'; userId: string } | { kind: 'new'; user: Omit<NewUser, 'password_hash' | 'must_change_password'> };

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  repo: AccountsRepository;
  hierarchy: HierarchyRepository;
  users: UsersRepository;
  sessions: SessionsRepository;
  store: SessionStore;
  audit: AuditRepository;
  access: AccessService;
  siteUrl: string;
  supportContact: string;
}

/**
 * Credentials travel down the chain: an actor issues them only to the roles right below it, in its
 * own part of the country. Issuing to an existing account re-issues: the old password and every
 * session of the account stop working at once. A password is returned once and never stored.
 */
export class AccountsService {
  constructor(private readonly deps: Deps) {}

  async list(actor: Actor): Promise<{ accounts: Account[] }> {
    const scope = accountScope(actor);
    if (scope === 'none') return { accounts: [] };
    const rows = await this.deps.repo.list(scope);
    return { accounts: rows.map(toAccount) };
  }

  async issueRegionCoordinator(
    actor: Actor,
    regionCode: string,
    input: { kind: 'region_coordinator' | 'spo_region_coordinator'; contact: Contact },
  ) {
    this.requireIssuer(actor, input.kind);
    const existing = await this.deps.repo.regionCoordinator(regionCode, input.kind);
    const login =
      input.kind === 'region_coordinator' ? regionCoordinatorLogin(regionCode) : spoCoordinatorLogin(regionCode);
    const target: Target = existing
      ? { kind: 'existing', userId: existing.id }
      : { kind: 'new', user: { login, role: input.kind, region_code: regionCode, ...contactColumns(input.contact) } };
    const [credential] = await this.issue(actor, [target], input.contact);
    return { credential: credential! };
  }

  async issueMunicipalCoordinator(actor: Actor, municipalityId: string, contact: Contact) {
    this.requireIssuer(actor, 'municipal_coordinator');
    const [m] = await this.deps.hierarchy.listMunicipalities({ ids: [municipalityId] });
    if (!m) throw notFound('Муниципалитет не найден');
    const target: Target = m.coordinator_id
      ? { kind: 'existing', userId: m.coordinator_id }
      : {
          kind: 'new',
          user: {
            login: municipalCoordinatorLogin(m.region_code, m.code),
            role: 'municipal_coordinator',
            region_code: m.region_code,
            municipality_id: m.id,
            ...contactColumns(contact),
          },
        };
    const [credential] = await this.issue(actor, [target], contact);
    return { credential: credential! };
  }

  async issueOrgAccount(actor: Actor, orgId: string) {
    const [credential] = await this.issue(actor, await this.orgTargets(actor, [orgId]));
    return { credential: credential! };
  }

  async reissue(actor: Actor, userId: string) {
    const [credential] = await this.issue(actor, [{ kind: 'existing', userId }]);
    return { credential: credential! };
  }

  async updateContact(actor: Actor, userId: string, contact: Contact): Promise<Account> {
    const [row] = await this.deps.repo.list('all', [userId]);
    if (!row) throw notFound();
    if (row.role === 'school' || row.role === 'college') {
      throw badRequest('Контактные данные ведутся только для координаторов');
    }
    await this.deps.users.updateContact(userId, contact);
    this.deps.store.forgetUsers([userId]);
    const [updated] = await this.deps.repo.list('all', [userId]);
    return toAccount(updated!);
  }

  /** Issues many at once and renders the cut-out cards and the list; the files carry the only copy. */
  async bulkIssue(actor: Actor, input: { userIds?: string[] | undefined; orgIds?: string[] | undefined }) {
    const userIds = input.userIds ?? [];
    const orgIds = input.orgIds ?? [];
    if (userIds.length + orgIds.length === 0) throw badRequest('Не выбрано ни одной учётной записи');
    const targets: Target[] = [
      ...userIds.map((userId): Target => ({ kind: 'existing', userId })),
      ...(await this.orgTargets(actor, orgIds)),
    ];
    const seen = new Set<string>();
    const unique = targets.filter((t) => {
      const key = t.kind === 'existing' ? t.userId : t.user.login;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const credentials = await this.issue(actor, unique);
    const now = this.deps.clock.now();
    const ctx = {
      issuedAt: now,
      issuerLogin: actor.login,
      siteUrl: this.deps.siteUrl,
      supportContact: this.deps.supportContact,
    };
    const [pdf, xlsx] = await Promise.all([credentialCardsPdf(credentials, ctx), credentialListXlsx(credentials, now)]);
    const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
    return {
      credentials,
      pdfBase64: pdf.toString('base64'),
      xlsxBase64: xlsx.toString('base64'),
      fileStem: `oko-rekvizity-${actor.login}-${stamp}`,
    };
  }

  private requireIssuer(actor: Actor, role: Parameters<typeof canIssueTo>[1]): void {
    if (!canIssueTo(actor.role, role)) {
      throw forbidden(`Реквизиты роли «${ROLE_TITLES[role]}» выдаёт вышестоящий уровень`);
    }
  }

  private async orgTargets(actor: Actor, orgIds: string[]): Promise<Target[]> {
    if (orgIds.length === 0) return [];
    await this.deps.access.requireAccess(actor, 'account.issue', 'org', orgIds);
    const orgs = await this.deps.repo.orgsForIssue(orgIds);
    return orgs.map((o): Target => {
      this.requireIssuer(actor, o.kind);
      if (o.status === 'closed') throw badRequest(`ОО ${o.code} закрыта: реквизиты не выдаются`);
      if (o.user_id) return { kind: 'existing', userId: o.user_id };
      return {
        kind: 'new',
        user: {
          login: orgLogin(o.kind, o.code),
          role: o.kind,
          region_code: o.region_code,
          municipality_id: o.municipality_id,
          org_id: o.id,
        },
      };
    });
  }

  /** All-or-nothing: every password changes in one transaction, or none does. */
  private async issue(actor: Actor, targets: Target[], contact?: Contact): Promise<IssuedCredential[]> {
    const { db, clock, users, sessions, store, audit, access, repo } = this.deps;
    const existingIds = targets.flatMap((t) => (t.kind === 'existing' ? [t.userId] : []));
    await access.requireAccess(actor, 'account.issue', 'account', existingIds);
    const now = clock.now();
    const passwords = targets.map(() => generatePassword());
    const hashes = await hashAll(passwords);
    const issuedIds = await db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (const [i, t] of targets.entries()) {
        const hash = hashes[i]!;
        if (t.kind === 'existing') {
          await users.setPassword(t.userId, { hash, mustChange: true, at: now, issued: true }, trx);
          ids.push(t.userId);
        } else {
          ids.push(
            await users.insert(
              { ...t.user, password_hash: hash, must_change_password: true, password_issued_at: now },
              trx,
            ),
          );
        }
      }
      if (contact) {
        await trx.updateTable('users').set(contactColumns(contact)).where('id', 'in', ids).execute();
      }
      await sessions.endAllFor(ids, now, trx);
      await audit.record(
        ids.map((id) => ({
          at: now,
          event: 'credentials.issued' as const,
          userId: id,
          actorId: actor.userId,
          login: actor.login,
        })),
        trx,
      );
      return ids;
    });
    store.forgetUsers(issuedIds);
    const rows = new Map((await repo.list('all', issuedIds)).map((r) => [r.id, r]));
    return issuedIds.map((id, i) => {
      const r = rows.get(id)!;
      return {
        userId: id,
        login: r.login,
        password: passwords[i]!,
        role: r.role,
        organizationName: r.organization_name,
      };
    });
  }
}

/** argon2 runs on libuv's pool; a few at a time keeps the server responsive during a bulk issue. */
async function hashAll(passwords: string[]): Promise<string[]> {
  const out: string[] = new Array<string>(passwords.length);
  const width = 4;
  for (let i = 0; i < passwords.length; i += width) {
    const slice = passwords.slice(i, i + width);
    const hashed = await Promise.all(slice.map((p) => hashPassword(p)));
    hashed.forEach((h, j) => (out[i + j] = h));
  }
  return out;
}

function toAccount(r: Awaited<ReturnType<AccountsRepository['list']>>[number]): Account {
  return {
    id: r.id,
    login: r.login,
    role: r.role,
    roleTitle: ROLE_TITLES[r.role],
    organizationName: r.organization_name,
    regionCode: r.region_code,
    contact: contactOf(r),
    mustChangePassword: r.must_change_password,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    passwordIssuedAt: r.password_issued_at?.toISOString() ?? null,
  };
}
