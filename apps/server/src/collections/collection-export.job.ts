import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { SheetDef } from '@oko/shared';
import { accountActor } from '../access/account-actor.repository.ts';
import { orgScope } from '../access/scope-rules.ts';
import type { JobHandler } from '../jobs/job-runner.ts';
import type { PlatformDeps } from '../platform.ts';
import type { CollectionExportRepository, ExportRow } from './collection-export.repository.ts';
import { moscowDateTime, writeExportWorkbook } from './collection-export.xlsx.ts';
import type { CollectionsRepository } from './collections.repository.ts';
import { downloadName } from './file-name.ts';
import type { TemplateStore } from './template-store.ts';

export const EXPORT_JOB = 'collection.export';

const Payload = z.object({ collectionId: z.string().uuid(), userId: z.string().uuid() });

/** ОО per database read: a few MB of JSON at 50 columns, small against the 400 MB budget. */
const BATCH = 1000;

/**
 * «Экспорт результатов»: the last submission of every ОО in the requester's scope, one worksheet per
 * template sheet, streamed from the database through exceljs into the blob storage, then announced
 * by a notification. Safe to run again: the file is content-addressed and written whole or not at all.
 */
export function collectionExportJob(
  deps: Pick<PlatformDeps, 'db' | 'blobs' | 'blobsRepo' | 'notifications' | 'clock'>,
  repos: { collections: CollectionsRepository; exports: CollectionExportRepository; templates: TemplateStore },
): JobHandler {
  return async (payload, ctx) => {
    const { collectionId, userId } = Payload.parse(payload);
    const actor = await accountActor(deps.db, userId);
    if (!actor) throw new Error('учётная запись, запросившая экспорт, удалена');
    const collection = await repos.collections.collection(collectionId);
    if (!collection) throw new Error('сбор данных удалён');
    const template = await repos.templates.get(collection.template_id);
    const scope = orgScope(actor);
    const orgs = await repos.exports.countSubmitted(collectionId, scope);
    const total = orgs * template.sheets.length;
    let done = 0;
    await ctx.progress(0, total);

    async function* batches(sheet: SheetDef): AsyncIterable<ExportRow[]> {
      let after = '';
      for (;;) {
        const { rows, lastCode } = await repos.exports.batch(collectionId, scope, sheet.key, after, BATCH);
        if (lastCode === null) return;
        if (rows.length) yield rows;
        after = lastCode;
      }
    }

    const out = new PassThrough();
    const stored = deps.blobs.put(out);
    try {
      await writeExportWorkbook(out, template, batches, async (n) => {
        done += n;
        await ctx.progress(Math.min(done, total), total);
      });
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
      await stored.catch(() => undefined);
      throw e;
    }
    const blob = await stored;
    await deps.blobsRepo.record(blob);
    const name = exportFileName(collection.title, deps.clock.now());
    await deps.notifications.notify({
      userId,
      kind: EXPORT_JOB,
      title: 'Экспорт результатов готов',
      body: `«${collection.title}»: данные ${orgs} ОО. Файл можно скачать из уведомления.`,
      file: { sha256: blob.sha256, name },
      jobId: ctx.job.id,
    });
    return { orgs, sha256: blob.sha256, size: blob.size };
  };
}

function exportFileName(title: string, at: Date): string {
  const stamp = moscowDateTime(at).replace(/[.:]/g, '-').replace(' ', '_');
  return downloadName(`Экспорт результатов — ${title.slice(0, 120)} — ${stamp}`, 'xlsx', 200);
}
