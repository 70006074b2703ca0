import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { MOSCOW_ZONE, wallClockText } from '@oko/shared';
import { z } from 'zod';
import { accountActor } from '../access/account-actor.repository.ts';
import { neutralizeFormula } from '../forms/xlsx-safety.ts';
import type { JobHandler } from '../jobs/job-runner.ts';
import type { PlatformDeps } from '../platform.ts';
import { sanitizeFileName } from '../publications/file-names.ts';
import type { TrackingRepository } from './tracking.repository.ts';

export const TRACKING_REPORT_JOB = 'materials.tracking-report';
export const TRACKING_SHEET = 'Ход ВПР';
export const TRACKING_HEADER = [
  'Логин',
  'ОО',
  'Муниципалитет',
  'Дата проведения',
  'Материалы сформированы',
  'Архив скачан (МСК)',
  'Шифр получен (МСК)',
  'Критерии скачаны (МСК)',
  'Распечатано комплектов',
] as const;

const Payload = z.object({ subjectId: z.string().uuid(), userId: z.string().uuid() });
const BATCH = 2000;
const msk = (d: Date | null) => (d ? wallClockText(new Date(d), MOSCOW_ZONE) : '');

/**
 * The coordinator's «Ход ВПР» report: every scheduled ОО of the scope with the first time it did each
 * step. Streamed in batches into the blob storage and announced by a notification.
 */
export function trackingReportJob(
  deps: Pick<PlatformDeps, 'db' | 'blobs' | 'blobsRepo' | 'notifications' | 'clock'>,
  repo: TrackingRepository,
): JobHandler {
  return async (payload, ctx) => {
    const { subjectId, userId } = Payload.parse(payload);
    const actor = await accountActor(deps.db, userId);
    if (!actor) throw new Error('учётная запись, запросившая отчёт, удалена');
    const subject = await repo.subject(subjectId);
    if (!subject) throw new Error('предмет удалён');
    const totals = await repo.totals(actor, subjectId);
    await ctx.progress(0, totals.expected);

    const out = new PassThrough();
    const stored = deps.blobs.put(out);
    try {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
      const ws = wb.addWorksheet(TRACKING_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = TRACKING_HEADER.map((h, i) => ({ header: h, width: i === 1 ? 40 : 22 }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      let after = '';
      let done = 0;
      for (;;) {
        const rows = await repo.batch(actor, subjectId, after, BATCH);
        if (rows.length === 0) break;
        for (const r of rows) {
          ws.addRow([
            neutralizeFormula(r.login),
            neutralizeFormula(r.name),
            neutralizeFormula(r.municipality ?? ''),
            r.test_date.split('-').reverse().join('.'),
            r.generated ? 'да' : 'нет',
            msk(r.archive_downloaded_at),
            msk(r.password_opened_at),
            msk(r.criteria_downloaded_at),
            r.kits_count ?? '',
          ]).commit();
        }
        done += rows.length;
        after = rows[rows.length - 1]!.code;
        await ctx.progress(Math.min(done, totals.expected), totals.expected);
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
      await stored.catch(() => undefined);
      throw e;
    }
    const blob = await stored;
    await deps.blobsRepo.record(blob);
    const title = `${subject.name}, ${subject.grade} класс`;
    await deps.notifications.notify({
      userId,
      kind: TRACKING_REPORT_JOB,
      title: 'Отчёт «Ход ВПР» готов',
      body:
        `«${title}»: ОО — ${totals.expected}, архив скачали ${totals.archiveDownloaded}, ` +
        `шифр получили ${totals.passwordOpened}, критерии скачали ${totals.criteriaDownloaded}.`,
      file: {
        sha256: blob.sha256,
        name:
          sanitizeFileName(
            `Ход ВПР — ${subject.code} ${subject.grade} — ${msk(deps.clock.now()).replace(/[.:]/g, '-')}.xlsx`,
          ) ?? 'Ход ВПР.xlsx',
      },
      jobId: ctx.job.id,
    });
    return { orgs: totals.expected, sha256: blob.sha256 };
  };
}
