import {
  validateForm,
  ROW_KEY,
  type CoordinatorsApplyResult,
  type CoordinatorsPreview,
  type FormData,
  type RegionQuery,
} from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import { FormInvalid } from '../http/form-invalid.ts';
import { readFormXlsx } from '../forms/form-xlsx-reader.ts';
import { writeFormXlsx } from '../forms/form-xlsx-writer.ts';
import { badRequest, conflict, forbidden } from '../http/errors.ts';
import { diffCoordinators, type CoordinatorsPlan } from './coordinators-diff.ts';
import { xlsxFileName } from './file-name.ts';
import { credentialFiles, insertAccounts, preparePasswords, type AccountDraft } from './new-accounts.ts';
import type { MunicipalityRow } from './registration.repository.ts';
import type { RegistrationDeps } from './deps.ts';
import { resolveScope } from './scope.ts';
import { fingerprint, PREVIEW_TTL_MS, staleError, takeStaged } from './staged.ts';
import { COORDINATORS_SHEET, coordinatorsTemplate } from './templates/coordinators.ts';

const digest = (rows: MunicipalityRow[]) =>
  fingerprint(rows.map((m) => [m.id, m.code, m.name, m.coordinator_id, m.full_name, m.position, m.phone, m.email]));

/**
 * The list of municipal coordinators of a region, kept by its regional coordinator: download one row
 * per municipality, fill the contacts, upload, preview, apply. A municipality without a coordinator
 * gets an account regRR_mNNN with a one-time password.
 */
export class CoordinatorsService {
  constructor(private readonly deps: RegistrationDeps) {}

  private async scope(actor: Actor, q: RegionQuery) {
    // credentials of municipal coordinators are issued by the regional level only (ISSUES_TO)
    if (actor.role !== 'region_coordinator') {
      throw forbidden('Список муниципальных координаторов ведёт региональный координатор ВПР');
    }
    const scope = await resolveScope(this.deps, actor, 'registry.manage', q.regionCode);
    const municipalities = await this.deps.repo.municipalities(scope.regionCode);
    if (municipalities.length === 0) throw badRequest('В регионе ещё нет муниципалитетов');
    return { scope, municipalities, template: coordinatorsTemplate(scope.regionName, municipalities) };
  }

  async download(actor: Actor, q: RegionQuery): Promise<{ name: string; bytes: Buffer }> {
    const { scope, municipalities, template } = await this.scope(actor, q);
    const data: FormData = {
      [COORDINATORS_SHEET]: municipalities.map((m) => ({
        [ROW_KEY]: m.code,
        fullName: m.full_name,
        position: m.position,
        phone: m.phone,
        email: m.email,
      })),
    };
    const bytes = await writeFormXlsx(template, data);
    return { name: xlsxFileName(`Координаторы муниципалитетов — ${scope.regionName}`, this.deps.clock.now()), bytes };
  }

  async preview(actor: Actor, q: RegionQuery, bytes: Buffer): Promise<CoordinatorsPreview> {
    const { scope, municipalities, template } = await this.scope(actor, q);
    const read = await readFormXlsx(template, bytes);
    if (!read.ok) throw new FormInvalid(read.message, read.issues);
    const issues = validateForm(template, read.data);
    if (issues.length) throw new FormInvalid(`Файл не принят: ошибки (${issues.length}) в данных`, issues);
    const plan = diffCoordinators(scope.regionCode, read.data[COORDINATORS_SHEET] ?? [], municipalities);
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + PREVIEW_TTL_MS);
    const previewId = await this.deps.repo.stage({
      kind: 'coordinators',
      createdBy: actor.userId,
      regionCode: scope.regionCode,
      municipalityId: null,
      collectionId: null,
      fingerprint: digest(municipalities),
      changes: plan,
      errors: [],
      createdAt: now,
      expiresAt,
    });
    const rows = [...plan.created, ...plan.updated].sort((a, b) => a.row - b.row);
    return {
      previewId,
      expiresAt: expiresAt.toISOString(),
      counts: {
        created: plan.created.length,
        updated: plan.updated.length,
        unchanged: plan.unchanged.length,
        empty: plan.empty,
      },
      rows: rows.map((r) => ({
        row: r.row,
        municipalityCode: r.municipalityCode,
        municipality: r.municipality,
        login: r.login,
        create: r.userId === null,
        changes: r.changes,
      })),
      errors: [],
      canApply: rows.length > 0,
    };
  }

  async apply(actor: Actor, previewId: string): Promise<CoordinatorsApplyResult> {
    const { db, clock, repo } = this.deps;
    if (actor.role !== 'region_coordinator') {
      throw forbidden('Список муниципальных координаторов ведёт региональный координатор ВПР');
    }
    const peek = await repo.staged(previewId, actor.userId, 'coordinators');
    const passwords = await preparePasswords(peek ? (peek.changes as CoordinatorsPlan).created.length : 0);
    const now = clock.now();
    const { plan, credentials } = await db.transaction().execute(async (trx) => {
      const staged = await takeStaged(repo, trx, actor, 'coordinators', previewId, now);
      const plan = staged.changes as CoordinatorsPlan;
      if (plan.created.length + plan.updated.length === 0) throw conflict('В файле нет изменений: применять нечего');
      await repo.lockRegion(staged.region_code, trx);
      if (digest(await repo.municipalities(staged.region_code, trx)) !== staged.fingerprint) {
        throw staleError('Муниципалитеты или их координаторы');
      }
      for (const u of plan.updated) await repo.setContact(u.userId!, u.contact, trx);
      const drafts: AccountDraft[] = plan.created.map((c) => ({
        login: c.login,
        role: 'municipal_coordinator',
        region_code: staged.region_code,
        municipality_id: c.municipalityId,
        full_name: c.contact.fullName,
        position: c.contact.position,
        phone: c.contact.phone,
        email: c.contact.email,
        organizationName: c.municipality,
      }));
      const credentials = await insertAccounts(this.deps, trx, actor, now, drafts, passwords);
      await repo.markApplied(staged.id, now, trx);
      return { plan, credentials };
    });
    const files = await credentialFiles(credentials, {
      actor,
      now,
      siteUrl: this.deps.siteUrl,
      supportContact: this.deps.supportContact,
    });
    const counts = { created: plan.created.length, updated: plan.updated.length };
    return {
      ...files,
      counts,
      message: `Изменения применены: создано учётных записей координаторов — ${counts.created}, обновлено контактов — ${counts.updated}`,
    };
  }
}
