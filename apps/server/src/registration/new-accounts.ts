import type { IssuedCredential } from '@oko/shared';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { credentialCardsPdf } from '../accounts/credential-cards.pdf.ts';
import { credentialListXlsx } from '../accounts/credential-list.xlsx.ts';
import type { UsersRepository } from '../accounts/users.repository.ts';
import type { AuditRepository } from '../auth/audit.repository.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import type { DB, NewUser } from '../db/schema.ts';

/**
 * Accounts born from an applied change set (a new ОО, a municipality's first coordinator). Each gets
 * a one-time password that must be changed at first sign-in; the password exists only in the answer
 * and in the files built from it, exactly as when credentials are issued on the accounts page.
 */

export interface PreparedPassword {
  password: string;
  hash: string;
}

/** argon2 is slow on purpose: hashed before the transaction, a few at a time. */
export async function preparePasswords(n: number): Promise<PreparedPassword[]> {
  const out: PreparedPassword[] = [];
  for (let i = 0; i < n; i += 4) {
    const batch = Array.from({ length: Math.min(4, n - i) }, () => generatePassword());
    const hashes = await Promise.all(batch.map((p) => hashPassword(p)));
    batch.forEach((password, j) => out.push({ password, hash: hashes[j]! }));
  }
  return out;
}

export type AccountDraft = Omit<NewUser, 'password_hash' | 'must_change_password' | 'password_issued_at'> & {
  organizationName: string;
};

export async function insertAccounts(
  deps: { users: UsersRepository; audit: AuditRepository },
  trx: Kysely<DB>,
  actor: Actor,
  now: Date,
  drafts: AccountDraft[],
  passwords: PreparedPassword[],
): Promise<IssuedCredential[]> {
  if (drafts.length > passwords.length) throw new Error('insertAccounts: fewer passwords than accounts');
  const out: IssuedCredential[] = [];
  for (const [i, { organizationName, ...user }] of drafts.entries()) {
    const p = passwords[i]!;
    const userId = await deps.users.insert(
      { ...user, password_hash: p.hash, must_change_password: true, password_issued_at: now },
      trx,
    );
    out.push({ userId, login: user.login, password: p.password, role: user.role, organizationName });
  }
  await deps.audit.record(
    out.map((c) => ({
      at: now,
      event: 'credentials.issued' as const,
      userId: c.userId,
      actorId: actor.userId,
      login: actor.login,
    })),
    trx,
  );
  return out;
}

export async function credentialFiles(
  credentials: IssuedCredential[],
  ctx: { actor: Actor; now: Date; siteUrl: string; supportContact: string },
) {
  const stamp = ctx.now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const fileStem = `oko-rekvizity-${ctx.actor.login}-${stamp}`;
  if (credentials.length === 0) return { credentials, pdfBase64: null, xlsxBase64: null, fileStem };
  const [pdf, xlsx] = await Promise.all([
    credentialCardsPdf(credentials, {
      issuedAt: ctx.now,
      issuerLogin: ctx.actor.login,
      siteUrl: ctx.siteUrl,
      supportContact: ctx.supportContact,
    }),
    credentialListXlsx(credentials, ctx.now),
  ]);
  return { credentials, pdfBase64: pdf.toString('base64'), xlsxBase64: xlsx.toString('base64'), fileStem };
}
