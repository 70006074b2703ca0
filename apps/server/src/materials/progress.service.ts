import {
  isOpen,
  momentText,
  vprGates,
  type ArchivePassword,
  type CodesFile,
  type MaterialFile,
  type ProgressEntry,
  type VprGates,
  type VprProgress,
} from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { checklist } from './checklist.ts';
import type { PasswordSeal } from './password-seal.ts';
import type { ProgressRepository, ProgressRow } from './progress.repository.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : null);

function file(
  f: { id: string | null; name: string | null; size: string | null; downloadedAt: Date | null },
  availableAt: Date,
  now: Date,
): MaterialFile {
  const available = isOpen(availableAt, now);
  // before its moment the ОО learns that the file exists and when it opens, nothing else
  return {
    fileId: available ? f.id : null,
    name: available ? f.name : null,
    size: available && f.size !== null ? Number(f.size) : null,
    generated: f.id !== null,
    availableAt: availableAt.toISOString(),
    available,
    downloadedAt: iso(f.downloadedAt),
  };
}

const gatesOf = (r: Pick<ProgressRow, 'materials_group' | 'test_date' | 'results_deadline' | 'zone'>) =>
  vprGates({ group: r.materials_group, testDate: r.test_date, resultsDeadlineDate: r.results_deadline, zone: r.zone });

/** A short-lived memory of password lookups: the 07:30 rush reads the same rows thousands of times. */
interface PasswordCacheEntry {
  gates: VprGates;
  zone: string;
  sealed: string | null;
  generated: boolean;
  openedAt: Date | null;
  expires: number;
}
const CACHE_MS = 30_000;

/** «Ход ВПР» of an ОО, and the archive password behind its 07:30 gate. */
export class ProgressService {
  private readonly cache = new Map<string, PasswordCacheEntry>();

  constructor(
    private readonly repo: ProgressRepository,
    private readonly seal: PasswordSeal,
    private readonly clock: Clock,
  ) {}

  async progress(actor: Actor, campaignId: string): Promise<VprProgress> {
    const orgId = ownOrg(actor);
    const campaign = await this.repo.campaign(campaignId);
    if (!campaign) throw notFound('Кампания не найдена');
    const now = this.clock.now();
    const [rows, codes, zone] = await Promise.all([
      this.repo.entries(campaignId, orgId),
      this.repo.codes(campaignId, orgId),
      this.repo.orgZone(orgId),
    ]);
    const codesByGrade = new Map(codes.map((c) => [c.grade, c]));
    return {
      campaignId,
      campaignTitle: campaign.title,
      publicationId: campaign.progress_publication_id,
      now: now.toISOString(),
      zone,
      entries: rows.map((r): ProgressEntry => {
        const gates = gatesOf(r);
        const c = codesByGrade.get(r.grade);
        const passwordApplies = r.materials_group === 'encrypted';
        return {
          subjectId: r.subject_id,
          subjectCode: r.code,
          subjectName: r.name,
          grade: r.grade,
          group: r.materials_group,
          testDate: r.test_date,
          resultsDeadline: r.results_deadline,
          zone: r.zone,
          gates: {
            archiveFrom: gates.archiveFrom.toISOString(),
            passwordFrom: iso(gates.passwordFrom),
            criteriaFrom: gates.criteriaFrom.toISOString(),
            resultsUntil: gates.resultsUntil.toISOString(),
          },
          archive: file(
            {
              id: r.archive_file_id,
              name: r.archive_name,
              size: r.archive_size,
              downloadedAt: r.archive_downloaded_at,
            },
            gates.archiveFrom,
            now,
          ),
          criteria: file(
            {
              id: r.criteria_file_id,
              name: r.criteria_name,
              size: r.criteria_size,
              downloadedAt: r.criteria_downloaded_at,
            },
            gates.criteriaFrom,
            now,
          ),
          password: {
            applies: passwordApplies,
            available: passwordApplies && r.archive_file_id !== null && isOpen(gates.passwordFrom, now),
            openedAt: iso(r.password_opened_at),
          },
          kits: { count: r.kits_count, confirmedAt: iso(r.kits_at) },
          checklist: checklist(
            {
              group: r.materials_group,
              testDate: r.test_date,
              zone: r.zone,
              gates,
              archiveDownloadedAt: r.archive_downloaded_at,
              codesDownloadedAt: later(c?.slips_downloaded_at ?? null, c?.protocol_downloaded_at ?? null),
              kitsConfirmedAt: r.kits_at,
              kitsCount: r.kits_count,
              passwordOpenedAt: r.password_opened_at,
              criteriaDownloadedAt: r.criteria_downloaded_at,
              resultsUploadedAt: r.results_uploaded_at,
            },
            now,
          ),
        };
      }),
      codes: codes.map((c): CodesFile => ({
        grade: c.grade,
        codes: c.codes,
        reserve: c.reserve,
        // codes and the protocol are printed in advance: open as soon as they exist
        slips: file(
          { id: c.slips_file_id, name: c.slips_name, size: c.slips_size, downloadedAt: c.slips_downloaded_at },
          new Date(0),
          now,
        ),
        protocol: file(
          {
            id: c.protocol_file_id,
            name: c.protocol_name,
            size: c.protocol_size,
            downloadedAt: c.protocol_downloaded_at,
          },
          new Date(0),
          now,
        ),
      })),
    };
  }

  /**
   * The шифр, from 07:30 local on the test day, to the ОО itself. Before that moment the answer carries
   * the opening time and nothing derived from the password; the sealed value is not even opened.
   */
  async password(actor: Actor, subjectId: string): Promise<ArchivePassword> {
    const orgId = ownOrg(actor);
    const now = this.clock.now();
    const entry = await this.lookup(subjectId, orgId, now.getTime());
    if (!entry.gates.passwordFrom) throw notFound('У архива этого предмета нет шифра: он не зашифрован');
    if (!isOpen(entry.gates.passwordFrom, now)) {
      throw new AppError(403, 'NOT_YET_OPEN', `Шифр откроется ${momentText(entry.gates.passwordFrom, entry.zone)}`);
    }
    if (!entry.generated || !entry.sealed) throw notFound('Материалы для вашей ОО ещё не сформированы');
    const password = this.seal.unseal(entry.sealed);
    if (!entry.openedAt) {
      entry.openedAt = await this.repo.recordStep({
        subjectId,
        orgId,
        step: 'password',
        at: now,
        userId: actor.userId,
      });
    }
    return { password, openedAt: entry.openedAt.toISOString() };
  }

  async confirmKits(actor: Actor, subjectId: string, count: number): Promise<void> {
    const orgId = ownOrg(actor);
    await this.repo.recordStep({
      subjectId,
      orgId,
      step: 'kits_printed',
      at: this.clock.now(),
      userId: actor.userId,
      count,
    });
  }

  private async lookup(subjectId: string, orgId: string, nowMs: number): Promise<PasswordCacheEntry> {
    const key = `${subjectId}|${orgId}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > nowMs) return hit;
    const row = await this.repo.passwordOf(subjectId, orgId);
    if (!row) throw notFound('Предмет не входит в план-график вашей ОО');
    const entry: PasswordCacheEntry = {
      gates: gatesOf(row),
      zone: row.zone,
      sealed: row.password_sealed,
      generated: row.generated,
      openedAt: hit?.openedAt ?? null,
      expires: nowMs + CACHE_MS,
    };
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(key, entry);
    return entry;
  }
}

function ownOrg(actor: Actor): string {
  if (!actor.orgId) throw forbidden('Материалы ВПР получает образовательная организация');
  return actor.orgId;
}
