import ExcelJS from 'exceljs';
import {
  MONITORING_STATE_TITLES,
  MOSCOW_ZONE,
  wallClockText,
  type ResultsExceptionGrant,
  type ResultsMonitoring,
  type ResultsMonitoringQuery,
} from '@oko/shared';
import type { Kysely } from 'kysely';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { downloadName } from '../collections/file-name.ts';
import { neutralizeFormula } from '../forms/xlsx-safety.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { MonitoringRepository } from './monitoring.repository.ts';
import type { ResultsRepository } from './results.repository.ts';
import { campaignSubject, subjectDeadline } from './subject-lookup.ts';

const PAGE_SIZE = 50;
const EXPORT_LIMIT = 100_000;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const msk = (d: Date | null) => (d ? wallClockText(new Date(d), MOSCOW_ZONE) : '');

/** The coordinator's view of results uploads: counts, the list, its XLSX, and exceptions after the deadline. */
export class MonitoringService {
  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      clock: Clock;
      access: AccessService;
      repo: MonitoringRepository;
      results: ResultsRepository;
    },
  ) {}

  async monitoring(
    actor: Actor,
    campaignId: string,
    subjectId: string,
    q: ResultsMonitoringQuery,
  ): Promise<ResultsMonitoring> {
    const subject = await campaignSubject(this.deps.db, campaignId, subjectId);
    const deadline = subjectDeadline(subject);
    const now = this.deps.clock.now();
    const [counts, page] = await Promise.all([
      this.deps.repo.totals(actor, subjectId, deadline, now),
      this.deps.repo.page(actor, subjectId, deadline, now, {
        state: q.state,
        search: q.search,
        limit: PAGE_SIZE,
        offset: (q.page - 1) * PAGE_SIZE,
      }),
    ]);
    return {
      subjectId,
      deadline: deadline.toISOString(),
      deadlinePassed: now >= deadline,
      counts,
      rows: page.rows.map((r) => ({
        orgId: r.org_id,
        login: r.login,
        name: r.name,
        municipality: r.municipality,
        testDate: r.test_date,
        state: r.state,
        participants: r.participants,
        absent: r.absent,
        uploadedAt: iso(r.uploaded_at),
        uploads: r.uploads,
        openUntil: iso(r.open_until),
      })),
      total: page.total,
      page: q.page,
      pageSize: PAGE_SIZE,
    };
  }

  async exportXlsx(actor: Actor, campaignId: string, subjectId: string): Promise<{ name: string; bytes: Buffer }> {
    const subject = await campaignSubject(this.deps.db, campaignId, subjectId);
    const deadline = subjectDeadline(subject);
    const now = this.deps.clock.now();
    const [counts, page] = await Promise.all([
      this.deps.repo.totals(actor, subjectId, deadline, now),
      this.deps.repo.page(actor, subjectId, deadline, now, { limit: EXPORT_LIMIT, offset: 0 }),
    ]);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'ОКО';
    const ws = wb.addWorksheet('Мониторинг', { views: [{ state: 'frozen', ySplit: 4 }] });
    ws.addRow([`Загрузка результатов ВПР: ${subject.name}, ${subject.grade} класс`]).font = { bold: true };
    ws.addRow([
      `Срок: ${msk(deadline)} МСК. Ожидается ОО: ${counts.expected}, загрузили: ${counts.uploaded + counts.late}` +
        `, после срока: ${counts.late}, не загрузили: ${counts.missing + counts.overdue}, участников: ${counts.participants}`,
    ]);
    ws.addRow([`Сформировано: ${msk(now)} МСК`]);
    const header = ws.addRow([
      'Логин',
      'ОО',
      'Муниципалитет',
      'Дата проведения',
      'Состояние',
      'Участников',
      'Отсутствовало',
      'Загружено (МСК)',
      'Загрузок',
      'Разрешено до (МСК)',
    ]);
    header.font = { bold: true };
    for (const r of page.rows) {
      ws.addRow([
        neutralizeFormula(r.login),
        neutralizeFormula(r.name),
        neutralizeFormula(r.municipality ?? ''),
        r.test_date.split('-').reverse().join('.'),
        MONITORING_STATE_TITLES[r.state],
        r.participants ?? '',
        r.absent ?? '',
        msk(r.uploaded_at),
        r.uploads,
        msk(r.open_until),
      ]);
    }
    [14, 40, 28, 14, 26, 12, 14, 18, 10, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    return { name: downloadName(`Мониторинг результатов ${subject.code} ${subject.grade}`, 'xlsx'), bytes };
  }

  async grantException(
    actor: Actor,
    campaignId: string,
    subjectId: string,
    input: ResultsExceptionGrant,
  ): Promise<{ orgId: string; openUntil: string }> {
    await campaignSubject(this.deps.db, campaignId, subjectId);
    await this.deps.access.requireAccess(actor, 'results.manage', 'org', [input.orgId]);
    if (!(await this.deps.results.scheduled(subjectId, input.orgId))) {
      throw notFound('Этой ОО нет в план-графике предмета');
    }
    const now = this.deps.clock.now();
    const openUntil = new Date(input.openUntil);
    if (openUntil <= now) throw badRequest('Срок разрешения должен быть позже текущего момента');
    await this.deps.results.grantException(subjectId, input.orgId, openUntil, actor.userId, now);
    return { orgId: input.orgId, openUntil: openUntil.toISOString() };
  }
}
