import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import type { StagedKind } from '../db/schema.registration.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import type { RegistrationRepository, StagedRow } from './registration.repository.ts';

/** How long an uploaded change set waits for «Применить». */
export const PREVIEW_TTL_MS = 2 * 60 * 60 * 1000;

/** A digest of the rows a change set was computed against: apply compares it with the rows as they are then. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * The caller's staged change set, locked for the transaction, or a Russian refusal: someone else's or
 * unknown (404), already applied or expired (409), or computed from a file with errors (400).
 */
export async function takeStaged(
  repo: RegistrationRepository,
  trx: Kysely<DB>,
  actor: Actor,
  kind: StagedKind,
  id: string,
  now: Date,
): Promise<StagedRow> {
  const row = await repo.lockStaged(id, actor.userId, kind, trx);
  if (!row) throw notFound('Предварительный просмотр не найден: загрузите файл ещё раз');
  if (row.applied_at) {
    throw conflict('Эти изменения уже применены. Чтобы внести новые, скачайте файл заново и загрузите его');
  }
  if (new Date(row.expires_at) <= now) {
    throw conflict('Предварительный просмотр устарел (прошло больше двух часов): загрузите файл ещё раз');
  }
  if (Array.isArray(row.errors) && row.errors.length > 0) {
    throw badRequest('В загруженном файле есть ошибки: исправьте их и загрузите файл ещё раз');
  }
  return row;
}

/** The data moved since the preview: the plan may no longer fit it. */
export const staleError = (what: string) =>
  conflict(
    `${what} изменились после загрузки файла (их изменил другой пользователь или другая загрузка). ` +
      'Скачайте файл заново, внесите правки и загрузите его ещё раз',
  );
