import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { MOSCOW_ZONE, orgLogin, wallClockText } from '@oko/shared';
import { accountActor } from '../access/account-actor.repository.ts';
import { neutralizeFormula } from '../forms/xlsx-safety.ts';
import type { JobContext } from '../jobs/job-runner.ts';
import type { PlatformDeps } from '../platform.ts';
import type { DownloadReportRepository, DownloadSpan, ReportFile, ReportOrg } from './download-report.repository.ts';
import { sanitizeFileName } from './file-names.ts';
import type { PublicationsRepository } from './publications.repository.ts';

export const DOWNLOAD_REPORT_JOB = 'storage.download-report';
export const REPORT_SHEET = 'Скачивание файлов';
export const REPORT_HEADER = [
  'Логин',
  'ОО',
  'Муниципалитет',
  'Файл',
  'Скачан',
  'Первое скачивание (МСК)',
  'Последнее скачивание (МСК)',
] as const;

/** ОО per batch of the downloads query: keeps memory flat for 40,000 ОО. */
const BATCH = 2000;

/** dd.mm.yyyy hh:mm in Moscow time. */
export const moscowTime = (d: Date): string => wallClockText(d, MOSCOW_ZONE);

export interface DownloadReportPayload {
  storageId: string;
  userId: string;
}

/**
 * The storage's download report: every ОO of the caller's part that the publication reaches × every
 * file meant for it — downloaded or not, first and last time. Streamed into the blob storage, then
 * announced with a notification; safe to re-run (a finished run is not announced twice).
 */
export function downloadReportJob(
  deps: PlatformDeps,
  repo: DownloadReportRepository,
  publications: PublicationsRepository,
) {
  return async (payload: Record<string, unknown>, ctx: JobContext): Promise<Record<string, unknown>> => {
    const { storageId, userId } = payload as unknown as DownloadReportPayload;
    if (await repo.alreadyNotified(ctx.job.id)) return { skipped: 'already delivered' };
    const actor = await accountActor(deps.db, userId);
    const storage = await publications.storage(storageId);
    if (!actor || !storage) return { skipped: 'storage or user gone' };
    // the storage may have left the caller's reach since the request
    await deps.access.requireAccess(actor, 'storage.report', 'storage', [storageId]);

    const files = await repo.files(storageId);
    const orgs = await repo.orgs(actor, storage.publication_id);

    const out = new PassThrough();
    const stored = deps.blobs.put(out);
    let rows: number;
    try {
      rows = await writeReport(out, deps.clock.now(), { files, orgs, repo, progress: ctx.progress });
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
      await stored.catch(() => undefined);
      throw e;
    }
    const blob = await stored;
    await deps.blobsRepo.record(blob);

    const day = moscowTime(deps.clock.now()).slice(0, 10);
    const name = sanitizeFileName(`Скачивание файлов — ${storage.title} — ${day}.xlsx`) ?? 'Скачивание файлов.xlsx';
    await deps.notifications.notify({
      userId,
      kind: DOWNLOAD_REPORT_JOB,
      title: 'Отчёт о скачивании файлов готов',
      body: `Публикация «${storage.publication_title}», хранилище «${storage.title}»: ${orgs.length} ОО, ${files.length} файлов.`,
      file: { sha256: blob.sha256, name },
      jobId: ctx.job.id,
    });
    return { rows, orgs: orgs.length, files: files.length, sha256: blob.sha256 };
  };
}

async function writeReport(
  out: PassThrough,
  createdAt: Date,
  input: {
    files: ReportFile[];
    orgs: ReportOrg[];
    repo: DownloadReportRepository;
    progress: (done: number, total: number) => Promise<void>;
  },
): Promise<number> {
  const { files, orgs, repo, progress } = input;
  const fileIds = files.map((f) => f.id);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'ОКО';
  wb.created = createdAt;
  const ws = wb.addWorksheet(REPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: REPORT_HEADER[0], width: 14 },
    { header: REPORT_HEADER[1], width: 60 },
    { header: REPORT_HEADER[2], width: 36 },
    { header: REPORT_HEADER[3], width: 40 },
    { header: REPORT_HEADER[4], width: 9 },
    { header: REPORT_HEADER[5], width: 22 },
    { header: REPORT_HEADER[6], width: 22 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: 'A1', to: 'G1' };
  ws.getRow(1).commit();

  let rows = 0;
  for (let i = 0; i < orgs.length; i += BATCH) {
    const batch = orgs.slice(i, i + BATCH);
    const spans = new Map<string, DownloadSpan>();
    for (const s of await repo.spans(
      fileIds,
      batch.map((o) => o.id),
    )) {
      spans.set(`${s.org_id}/${s.file_id}`, s);
    }
    for (const o of batch) {
      const login = o.login ?? orgLogin(o.kind, o.code);
      for (const f of files) {
        if (f.org_id !== null && f.org_id !== o.id) continue;
        const s = spans.get(`${o.id}/${f.id}`);
        ws.addRow([
          neutralizeFormula(login),
          neutralizeFormula(o.name),
          neutralizeFormula(o.municipality),
          neutralizeFormula(f.name),
          s ? 'да' : 'нет',
          s ? moscowTime(new Date(s.first_at)) : '',
          s ? moscowTime(new Date(s.last_at)) : '',
        ]).commit();
        rows++;
      }
    }
    await progress(Math.min(i + BATCH, orgs.length), orgs.length);
  }
  ws.commit();
  await wb.commit();
  return rows;
}
