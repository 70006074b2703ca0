import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { REPORT_TITLES, ReportDetail, ReportKind, type ReportSubject } from '@oko/shared';
import { z } from 'zod';
import { accountActor } from '../../access/account-actor.repository.ts';
import type { JobContext, JobHandler } from '../../jobs/job-runner.ts';
import type { PlatformDeps } from '../../platform.ts';
import { sanitizeFileName } from '../../publications/file-names.ts';
import type { StoredBlob } from '../../storage/blob-storage.ts';
import { ANALYTICS_EXPORT_JOB, ruDate, type AnalyticsService } from './analytics.service.ts';
import type { IndividualRepository } from './individual.repository.ts';
import { openIndividualXlsx } from './individual-xlsx.ts';
import { streamReportXlsx } from './report-xlsx.ts';
import { orgFilter } from './viewer-levels.ts';

const Payload = z.object({
  campaignId: z.string().uuid(),
  subjectId: z.string().uuid(),
  kind: ReportKind,
  detail: ReportDetail,
  userId: z.string().uuid(),
});

/** ОО whose pupils are read in one query while «Индивидуальные результаты» streams. */
const ORG_BATCH = 100;

/**
 * An analytics report as XLSX for the account that asked, announced by a notification. «Индивидуальные
 * результаты» of a region is a hundred thousand rows: it streams ОО by ОО into a temporary file and reports
 * progress per batch; the other reports are a few thousand rows at most.
 */
export function analyticsExportJob(
  deps: Pick<PlatformDeps, 'db' | 'blobs' | 'blobsRepo' | 'notifications' | 'clock'>,
  analytics: AnalyticsService,
  individual: IndividualRepository,
): JobHandler {
  return async (payload, ctx) => {
    const p = Payload.parse(payload);
    const actor = await accountActor(deps.db, p.userId);
    if (!actor) throw new Error('учётная запись, запросившая отчёт, удалена');
    const subject = await analytics.reportSubject(p.campaignId, p.subjectId);
    let blob: StoredBlob;
    let rows: number;
    if (p.kind === 'individual') {
      ({ blob, rows } = await individualXlsx(deps, analytics, individual, actor, p.subjectId, subject, ctx));
    } else {
      await ctx.progress(0, 1);
      const table = await analytics.fullReport(actor, p.subjectId, subject, p.kind, p.detail);
      const out = new PassThrough();
      const stored = deps.blobs.put(out);
      try {
        await streamReportXlsx(table, out);
      } catch (e) {
        out.destroy(e instanceof Error ? e : new Error(String(e)));
        await stored.catch(() => undefined);
        throw e;
      }
      blob = await stored;
      rows = table.rows.length;
      await ctx.progress(1, 1);
    }
    await deps.blobsRepo.record(blob);
    const title = REPORT_TITLES[p.kind];
    await deps.notifications.notify({
      userId: p.userId,
      kind: ANALYTICS_EXPORT_JOB,
      title: `Отчёт «${title}» готов`,
      body: `«${subject.name}, ${subject.grade} класс»: строк в отчёте — ${rows}.`,
      file: {
        sha256: blob.sha256,
        name:
          sanitizeFileName(`${title} — ${subject.code} ${subject.grade} — ${ruDate(deps.clock.now())}.xlsx`) ??
          'Отчёт.xlsx',
      },
      jobId: ctx.job.id,
    });
    return { rows, sha256: blob.sha256 };
  };
}

async function individualXlsx(
  deps: Pick<PlatformDeps, 'blobs' | 'clock'>,
  analytics: AnalyticsService,
  individual: IndividualRepository,
  actor: NonNullable<Awaited<ReturnType<typeof accountActor>>>,
  subjectId: string,
  subject: ReportSubject,
  ctx: JobContext,
): Promise<{ blob: StoredBlob; rows: number }> {
  const place = await analytics.place(actor);
  const orgs = await individual.orgs(subjectId, orgFilter(actor, place));
  await ctx.progress(0, orgs.length);
  const dir = await mkdtemp(join(tmpdir(), 'oko-individual-'));
  const path = join(dir, 'report.xlsx');
  try {
    const at = deps.clock.now();
    const writer = await openIndividualXlsx(path, subject, { date: ruDate(at), computedAt: at });
    let rows = 0;
    try {
      for (let i = 0; i < orgs.length; i += ORG_BATCH) {
        const batch = orgs.slice(i, i + ORG_BATCH);
        const pupils = await individual.rows(subjectId, batch);
        for (const o of batch) {
          const list = pupils.get(o.org_id) ?? [];
          await writer.addSchool({ name: o.name, login: o.login }, list);
          rows += 1 + list.length;
        }
        await ctx.progress(Math.min(i + ORG_BATCH, orgs.length), orgs.length);
      }
      await writer.finish();
    } catch (e) {
      writer.abort(e instanceof Error ? e : new Error(String(e)));
      throw e;
    }
    const blob = await deps.blobs.put(createReadStream(path));
    return { blob, rows };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
