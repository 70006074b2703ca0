import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { vprGates } from '@oko/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext, JobHandler } from '../src/jobs/job-runner.ts';
import { GENERATE_MATERIALS_JOB } from '../src/materials/generate-materials.job.ts';
import { TEST_PASSWORD } from './factories.ts';
import { signedIn, startHarness, type Harness } from './harness.ts';
import { materialsCampaign, schedule, TEST_DATE } from './materials-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.clock.set('2026-12-01T06:00:00Z');
});
afterAll(() => h.close());

const federal = async () => signedIn(h.app, (await h.factory.federal()).login, TEST_PASSWORD);

async function schools(n: number, regionCode = '39') {
  const m = await h.factory.municipality(regionCode);
  const out = [];
  for (let i = 0; i < n; i++) {
    const org = await h.factory.org({ municipalityId: m.id, regionCode });
    out.push({ org, user: await h.factory.orgAccount(org) });
  }
  return out;
}

describe('generation survives a crash', () => {
  it('a run killed mid-way is finished by the next one: no duplicate, no corrupt archive', async () => {
    const ids = await materialsCampaign(h, { group: 'encrypted', tasks: 3, itemsPerTask: 2 });
    const list = await schools(60);
    await schedule(
      h,
      ids.campaign.id,
      ids.subject.id,
      list.map((s) => s.org.id),
    );
    const fed = await federal();
    const started = (await fed.post(`/api/campaigns/${ids.campaign.id}/subjects/${ids.subject.id}/materials`)).json();

    // the process "dies" after its first batch: the handler is stopped from the progress callback
    const handler = (h.services.jobs as unknown as { handlers: Map<string, JobHandler> }).handlers.get(
      GENERATE_MATERIALS_JOB,
    )!;
    let calls = 0;
    await expect(
      handler({ subjectId: ids.subject.id, userId: null }, {
        job: { id: started.jobId },
        progress: async () => {
          if (++calls === 2) throw new Error('процесс остановлен');
        },
      } as unknown as JobContext),
    ).rejects.toThrow('процесс остановлен');
    const partial = await h.db
      .selectFrom('materials')
      .where('subject_id', '=', ids.subject.id)
      .select('org_id')
      .execute();
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(60);

    // the queued job (as after a restart) continues from where the first run stopped
    await h.services.jobs.drain();
    const job = (await fed.get(`/api/jobs/${started.jobId}`)).json();
    expect(job).toMatchObject({ status: 'done', done: 60, total: 60 });
    const rows = await h.db
      .selectFrom('materials')
      .innerJoin('storage_files as f', 'f.id', 'materials.archive_file_id')
      .select(['materials.org_id', 'f.sha256', 'f.size'])
      .where('materials.subject_id', '=', ids.subject.id)
      .execute();
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.org_id)).size).toBe(60);
    const files = await h.db
      .selectFrom('storage_files')
      .innerJoin('subjects', 'subjects.storage_id', 'storage_files.storage_id')
      .where('subjects.id', '=', ids.subject.id)
      .select('storage_files.id')
      .execute();
    expect(files).toHaveLength(120);
    // every stored archive is whole: its bytes hash to its name
    const dataDir = (h.services.blobs as unknown as { root: string }).root ?? '';
    for (const r of rows.slice(0, 10)) {
      const local = h.services.blobs.localPath?.(r.sha256) ?? path.join(dataDir, r.sha256);
      const bytes = fs.readFileSync(local);
      expect(bytes.length).toBe(Number(r.size));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.sha256);
    }
  });
});

describe('a test date that moves', () => {
  it('moves the opening moments of the materials already made, as the gate rule computes them', async () => {
    const ids = await materialsCampaign(h, { group: 'encrypted', tasks: 2, itemsPerTask: 1 });
    const m = await h.factory.municipality('39', { timeZone: 'Asia/Yakutsk' });
    const org = await h.factory.org({ municipalityId: m.id, regionCode: '39' });
    await schedule(h, ids.campaign.id, ids.subject.id, [org.id]);
    const fed = await federal();
    await fed.post(`/api/campaigns/${ids.campaign.id}/subjects/${ids.subject.id}/materials`);
    await h.services.jobs.drain();
    const res = await fed.request({
      method: 'PUT',
      url: `/api/campaigns/${ids.campaign.id}/schedule`,
      payload: { subjectId: ids.subject.id, orgIds: [org.id], testDate: '2026-12-17' },
    });
    expect(res.statusCode).toBe(200);
    const files = await h.db
      .selectFrom('materials')
      .innerJoin('storage_files as a', 'a.id', 'materials.archive_file_id')
      .innerJoin('storage_files as c', 'c.id', 'materials.criteria_file_id')
      .select(['a.available_at as archive', 'c.available_at as criteria'])
      .where('materials.org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    const gates = vprGates({
      group: 'encrypted',
      testDate: '2026-12-17',
      resultsDeadlineDate: '2026-12-20',
      zone: 'Asia/Yakutsk',
    });
    expect(new Date(files.archive!).toISOString()).toBe(gates.archiveFrom.toISOString());
    expect(new Date(files.criteria!).toISOString()).toBe(gates.criteriaFrom.toISOString());
    expect(TEST_DATE).not.toBe('2026-12-17');
  });
});

describe('participant codes', () => {
  it('gives each ОО and grade codes for its application plus a reserve, numbered afresh in every ОО', async () => {
    const ids = await materialsCampaign(h, { group: 'encrypted' }); // История, 6 класс
    const [a, b, none] = await schools(3);
    await schedule(h, ids.campaign.id, ids.subject.id, [a!.org.id, b!.org.id, none!.org.id]);
    await applications([
      [a!.org.id, 23],
      [b!.org.id, 4],
    ]);
    const fed = await federal();
    const started = await fed.post(`/api/campaigns/${ids.campaign.id}/codes`);
    expect(started.statusCode).toBe(202);
    await h.services.jobs.drain();
    const job = (await fed.get(`/api/jobs/${started.json().jobId}`)).json();
    expect(job).toMatchObject({ status: 'done', done: 3, total: 3 });

    const codes = async (orgId: string) =>
      (
        await h.db
          .selectFrom('participant_codes')
          .select(['code', 'reserve'])
          .where('org_id', '=', orgId)
          .orderBy('code')
          .execute()
      ).map((c) => `${c.code}${c.reserve ? '*' : ''}`);
    // 23 pupils + 10 % reserve (3); 4 pupils + the minimum reserve of 2
    const ca = await codes(a!.org.id);
    expect(ca).toHaveLength(26);
    expect(ca.slice(0, 2)).toEqual(['60001', '60002']);
    expect(ca.slice(-4)).toEqual(['60023', '60024*', '60025*', '60026*']);
    expect(await codes(b!.org.id)).toEqual(['60001', '60002', '60003', '60004', '60005*', '60006*']);
    expect(await codes(none!.org.id)).toEqual([]);

    const client = await signedIn(h.app, a!.user.login, TEST_PASSWORD);
    const progress = (await client.get(`/api/campaigns/${ids.campaign.id}/progress`)).json();
    expect(progress.codes).toHaveLength(1);
    const grade = progress.codes[0];
    expect(grade).toMatchObject({ grade: 6, codes: 26, reserve: 3 });
    for (const f of [grade.slips, grade.protocol]) {
      const res = await client.get(`/api/files/${f.fileId}`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const checklist = (await client.get(`/api/campaigns/${ids.campaign.id}/progress`)).json().entries[0].checklist;
    expect(checklist.find((c: { step: string }) => c.step === 'codes_downloaded').done).toBe(true);
    // another school cannot take these files
    const other = await signedIn(h.app, b!.user.login, TEST_PASSWORD);
    expect((await other.get(`/api/files/${grade.slips.fileId}`)).statusCode).toBe(404);

    // a second run keeps the codes handed out
    await fed.post(`/api/campaigns/${ids.campaign.id}/codes`);
    await h.services.jobs.drain();
    expect(await codes(a!.org.id)).toEqual(ca);
  });
});

describe('tracking across the coordinator’s scope', () => {
  it('shows who downloaded the archive and opened the password, only for its own ОО, and reports it', async () => {
    const ids = await materialsCampaign(h, { group: 'encrypted', tasks: 2, itemsPerTask: 1 });
    const ours = await schools(3, '39');
    const foreign = await schools(1, '77');
    await schedule(
      h,
      ids.campaign.id,
      ids.subject.id,
      [...ours, ...foreign].map((s) => s.org.id),
    );
    const fed = await federal();
    await fed.post(`/api/campaigns/${ids.campaign.id}/subjects/${ids.subject.id}/materials`);
    await h.services.jobs.drain();

    // the first school downloads its archive and takes the password on the day; it confirms 25 kits
    h.clock.set('2026-12-10T08:00:00Z');
    const first = await signedIn(h.app, ours[0]!.user.login, TEST_PASSWORD);
    const entry = (await first.get(`/api/campaigns/${ids.campaign.id}/progress`)).json().entries[0];
    expect((await first.get(`/api/files/${entry.archive.fileId}`)).statusCode).toBe(200);
    expect((await first.get(`/api/vpr/materials/${ids.subject.id}/password`)).statusCode).toBe(200);
    const kits = await first.post(`/api/vpr/materials/${ids.subject.id}/kits`, { count: 25 });
    expect(kits.statusCode).toBe(204);
    expect((await first.post(`/api/vpr/materials/${ids.subject.id}/kits`, { count: 0 })).statusCode).toBe(400);
    const list = (await first.get(`/api/campaigns/${ids.campaign.id}/progress`)).json().entries[0].checklist;
    const done = Object.fromEntries(list.map((c: { step: string; done: boolean }) => [c.step, c.done]));
    expect(done).toEqual({
      archive_downloaded: true,
      codes_downloaded: false,
      kits_printed: true,
      password_opened: true,
      criteria_downloaded: false,
      results_uploaded: false,
    });

    const reg = await signedIn(h.app, (await h.factory.regionCoordinator('39')).login, TEST_PASSWORD);
    const url = `/api/campaigns/${ids.campaign.id}/subjects/${ids.subject.id}/tracking`;
    const t = (await reg.get(url)).json();
    expect(t.totals).toEqual({
      expected: 3,
      generated: 3,
      archiveDownloaded: 1,
      passwordOpened: 1,
      criteriaDownloaded: 0,
      kitsConfirmed: 1,
    });
    expect(t.rows.map((r: { login: string }) => r.login).sort()).toEqual(ours.map((s) => s.user.login).sort());
    const missing = (await reg.get(`${url}?filter=password_missing`)).json();
    expect(missing.total).toBe(2);
    // the federal level sees the foreign region too
    expect((await (await federal()).get(url)).json().totals.expected).toBe(4);

    const report = await reg.post(`${url}/report`);
    expect(report.statusCode).toBe(202);
    await h.services.jobs.drain();
    const notes = (await reg.get('/api/notifications')).json();
    const note = notes.items.find((n: { title: string }) => n.title === 'Отчёт «Ход ВПР» готов');
    expect(note.body).toContain('архив скачали 1');
    const file = await reg.get(`/api/notifications/${note.id}/file`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Ход ВПР')!;
    expect(ws.rowCount).toBe(4);
    const firstRow = ws.getRow(2).values as unknown[];
    expect(firstRow[1]).toBe(ours[0]!.user.login);
    expect(firstRow[6]).toBe('10.12.2026 11:00');
    expect(firstRow[9]).toBe(25);
    expect((ws.getRow(3).values as unknown[])[6]).toBeUndefined();
  });
});

/** Submitted applications with one line of История 6 for each ОО. */
async function applications(lines: [string, number][]) {
  const template = await h.db
    .insertInto('form_templates')
    .values({ code: `app-${Math.random()}`, title: 'Заявка', definition: JSON.stringify({ sheets: [] }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const collection = await h.db
    .insertInto('collections')
    .values({
      template_id: template.id,
      purpose: 'application',
      title: 'Заявка на участие в ВПР',
      opens_at: new Date('2026-11-01T00:00:00Z'),
      closes_at: new Date('2026-11-30T00:00:00Z'),
      org_kinds: ['school'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [orgId, participants] of lines) {
    await h.db
      .insertInto('form_submissions')
      .values({
        collection_id: collection.id,
        org_id: orgId,
        number: 1,
        data: JSON.stringify({ application: [{ grade: '6', subject: 'История', classes: 1, participants }] }),
        source: 'online',
        submitted_at: new Date('2026-11-10T00:00:00Z'),
      })
      .execute();
  }
}
