import {
  orgLogin,
  validateForm,
  type FormData,
  type RegionQuery,
  type RegistryApplyResult,
  type RegistryOverview,
  type RegistryPreview,
} from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import { FormInvalid } from '../http/form-invalid.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RegistrationDeps } from './deps.ts';
import { readFormXlsx } from '../forms/form-xlsx-reader.ts';
import { writeFormXlsx } from '../forms/form-xlsx-writer.ts';
import { conflict } from '../http/errors.ts';
import { credentialFiles, insertAccounts, preparePasswords, type AccountDraft } from './new-accounts.ts';
import type { RegistryOrgRow } from './registration.repository.ts';
import { diffRegistry, type RegistryPlan } from './registry-diff.ts';
import { resolveScope, type RegistrationScope } from './scope.ts';
import { fingerprint, PREVIEW_TTL_MS, staleError, takeStaged } from './staged.ts';
import {
  municipalityItem,
  registryTemplate,
  REGISTRY_SHEET,
  STATUS_ACTIVE,
  STATUS_CLOSED,
} from './templates/registry.ts';
import { xlsxFileName } from './file-name.ts';
import { freeSheetRowNumbers } from './row-numbers.ts';

interface StagedRegistry {
  scopeTitle: string;
  plan: RegistryPlan;
}

/** What the digest of a registry scope covers: every field the registry check reads or writes. */
const registryDigest = (rows: RegistryOrgRow[]) =>
  fingerprint(rows.map((o) => [o.id, o.code, o.login, o.full_name, o.short_name, o.status, o.municipality_id]));

/**
 * The registry check (выверка ОО): download the ОО of the scope, upload the edited file, see what it
 * would change, apply it in one transaction. New ОО get a code and an account in the real format.
 */
export class RegistryService {
  constructor(private readonly deps: RegistrationDeps) {}

  private scope(actor: Actor, q: RegionQuery) {
    return resolveScope(this.deps, actor, 'registry.manage', q.regionCode);
  }

  async overview(actor: Actor, q: RegionQuery): Promise<RegistryOverview> {
    const scope = await this.scope(actor, q);
    const orgs = await this.deps.repo.registryOrgs({
      regionCode: scope.regionCode,
      municipalityId: scope.municipality?.id ?? null,
    });
    const last = await this.deps.repo.lastApplied('registry', scope.regionCode, scope.municipality?.id ?? null);
    return {
      scopeTitle: scope.title,
      level: scope.municipality ? 'municipality' : 'region',
      active: orgs.filter((o) => o.status === 'active').length,
      closed: orgs.filter((o) => o.status === 'closed').length,
      withoutAccount: orgs.filter((o) => o.status === 'active' && !o.login).length,
      lastAppliedAt: last?.toISOString() ?? null,
      canManageCoordinators: actor.role === 'region_coordinator',
    };
  }

  private async template(scope: RegistrationScope) {
    const municipalities = scope.municipality ? null : await this.deps.repo.municipalities(scope.regionCode);
    return {
      template: registryTemplate({ title: scope.title, municipalities }),
      municipalities,
    };
  }

  async download(actor: Actor, q: RegionQuery): Promise<{ name: string; bytes: Buffer }> {
    const scope = await this.scope(actor, q);
    const { template } = await this.template(scope);
    const orgs = await this.deps.repo.registryOrgs({
      regionCode: scope.regionCode,
      municipalityId: scope.municipality?.id ?? null,
    });
    const data: FormData = {
      [REGISTRY_SHEET]: orgs.map((o) => ({
        code: o.code,
        login: o.login,
        fullName: o.full_name,
        shortName: o.short_name,
        ...(scope.municipality
          ? {}
          : { municipality: municipalityItem({ code: o.municipality_code, name: o.municipality_name }) }),
        status: o.status === 'closed' ? STATUS_CLOSED : STATUS_ACTIVE,
      })),
    };
    const bytes = await writeFormXlsx(template, data);
    return { name: xlsxFileName(`Выверка ОО — ${scope.title}`, this.deps.clock.now()), bytes };
  }

  /** Reads the file with the engine (bad files are refused naming the cell), compares, stores the plan. */
  async preview(actor: Actor, q: RegionQuery, bytes: Buffer): Promise<RegistryPreview> {
    const scope = await this.scope(actor, q);
    const { template, municipalities } = await this.template(scope);
    const read = await readFormXlsx(template, bytes);
    if (!read.ok) throw new FormInvalid(read.message, read.issues);
    const issues = validateForm(template, read.data);
    if (issues.length) throw new FormInvalid(`Файл не принят: ошибки (${issues.length}) в данных`, issues);

    const { repo } = this.deps;
    const current = await repo.registryOrgs({
      regionCode: scope.regionCode,
      municipalityId: scope.municipality?.id ?? null,
    });
    const { plan, errors } = diffRegistry({
      sheet: template.sheets[0]!,
      rows: read.data[REGISTRY_SHEET] ?? [],
      current,
      municipalities: new Map((municipalities ?? []).map((m) => [m.code, { id: m.id, name: m.name }])),
      fixedMunicipality: scope.municipality ? { id: scope.municipality.id, name: scope.municipality.name } : null,
      regionNames: await repo.regionOrgNames(scope.regionCode),
      scopeTitle: scope.title,
      rowNumbers: await freeSheetRowNumbers(bytes, template.sheets[0]!),
    });
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + PREVIEW_TTL_MS);
    const staged: StagedRegistry = { scopeTitle: scope.title, plan };
    const previewId = await repo.stage({
      kind: 'registry',
      createdBy: actor.userId,
      regionCode: scope.regionCode,
      municipalityId: scope.municipality?.id ?? null,
      collectionId: null,
      fingerprint: registryDigest(current),
      changes: staged,
      errors,
      createdAt: now,
      expiresAt,
    });
    const existing = (p: RegistryPlan['changed'][number]) => ({
      row: p.row,
      code: p.code,
      login: p.login,
      shortName: p.shortName,
      municipality: p.municipality,
      changes: p.changes,
    });
    return {
      previewId,
      expiresAt: expiresAt.toISOString(),
      scopeTitle: scope.title,
      counts: {
        added: plan.added.length,
        closed: plan.closed.length,
        changed: plan.changed.length,
        unchanged: plan.unchanged.length,
      },
      added: plan.added.map((a) => ({
        row: a.row,
        code: null,
        login: null,
        shortName: a.shortName,
        municipality: a.municipality,
        changes: [{ field: 'Полное наименование', before: '', after: a.fullName }],
      })),
      closed: plan.closed.map(existing),
      changed: plan.changed.map(existing),
      unchanged: plan.unchanged.map(existing),
      errors,
      canApply: errors.length === 0 && plan.added.length + plan.closed.length + plan.changed.length > 0,
    };
  }

  /** One transaction: close, rename, move, add with codes and accounts; the new passwords are answered once. */
  async apply(actor: Actor, previewId: string): Promise<RegistryApplyResult> {
    const { db, clock, repo } = this.deps;
    const peek = await repo.staged(previewId, actor.userId, 'registry');
    const addedCount = peek ? (peek.changes as StagedRegistry).plan.added.length : 0;
    const passwords = await preparePasswords(addedCount);
    const now = clock.now();
    const result = await db.transaction().execute(async (trx) => {
      const staged = await takeStaged(repo, trx, actor, 'registry', previewId, now);
      const { plan } = staged.changes as StagedRegistry;
      if (plan.added.length + plan.closed.length + plan.changed.length === 0) {
        throw conflict('В файле нет изменений: применять нечего');
      }
      await repo.lockRegion(staged.region_code, trx);
      const current = await repo.registryOrgs(
        { regionCode: staged.region_code, municipalityId: staged.municipality_id },
        trx,
      );
      if (registryDigest(current) !== staged.fingerprint) throw staleError('Данные реестра ОО');

      for (const item of [...plan.closed, ...plan.changed]) await repo.updateOrg(item.orgId, item.update, trx);
      const codes = await this.allocateCodes(staged.region_code, plan.added.length, trx);
      const drafts: AccountDraft[] = [];
      for (const [i, a] of plan.added.entries()) {
        const code = codes[i]!;
        const orgId = await repo.insertOrg(
          {
            regionCode: staged.region_code,
            municipalityId: a.municipalityId,
            code,
            fullName: a.fullName,
            shortName: a.shortName,
          },
          trx,
        );
        drafts.push({
          login: orgLogin('school', code),
          role: 'school',
          region_code: staged.region_code,
          municipality_id: a.municipalityId,
          org_id: orgId,
          organizationName: a.shortName,
        });
      }
      const credentials = await insertAccounts(this.deps, trx, actor, now, drafts, passwords);
      await repo.markApplied(staged.id, now, trx);
      return { plan, credentials };
    });
    const { plan, credentials } = result;
    const files = await credentialFiles(credentials, {
      actor,
      now,
      siteUrl: this.deps.siteUrl,
      supportContact: this.deps.supportContact,
    });
    const counts = { added: plan.added.length, closed: plan.closed.length, changed: plan.changed.length };
    return {
      ...files,
      counts,
      message: `Изменения применены: добавлено ОО — ${counts.added}, закрыто — ${counts.closed}, изменено — ${counts.changed}`,
    };
  }

  /**
   * The next free ОО numbers of the region after the highest school number (colleges keep their own
   * band, 0101…), skipping any number in use; past 9999 the lowest free ones.
   */
  private async allocateCodes(regionCode: string, n: number, trx: Kysely<DB>): Promise<string[]> {
    if (n === 0) return [];
    const { repo } = this.deps;
    const used = await repo.usedOrgNumbers(regionCode, trx);
    const start = (await repo.maxSchoolNumber(regionCode, trx)) + 1;
    const out: string[] = [];
    for (const k of [...range(start, 9999), ...range(1, start - 1)]) {
      if (out.length === n) break;
      if (!used.has(k)) out.push(`${regionCode}${String(k).padStart(4, '0')}`);
    }
    if (out.length < n) throw conflict(`В регионе ${regionCode} не осталось свободных кодов ОО`);
    return out;
  }
}

function* range(from: number, to: number): Generator<number> {
  for (let k = from; k <= to; k++) yield k;
}
