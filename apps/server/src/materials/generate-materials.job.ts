import { vprGates } from '@oko/shared';
import { z } from 'zod';
import type { JobHandler } from '../jobs/job-runner.ts';
import type { PlatformDeps } from '../platform.ts';
import type { MaterialsRepository, NewMaterials, SubjectForMaterials } from './materials.repository.ts';
import { buildOrgMaterials, materialsFileNames, type BankTask } from './org-materials.ts';
import type { PasswordSeal } from './password-seal.ts';

export const GENERATE_MATERIALS_JOB = 'materials.generate';

const Payload = z.object({ subjectId: z.string().uuid(), userId: z.string().uuid().nullable() });

/** ОО written per transaction: a crash loses at most this much work, and progress moves often. */
const BATCH = 25;

/**
 * The archives of one subject for every scheduled ОО. Resumable by construction: it asks the database
 * which ОО still have no materials and works only on those, each blob is written whole (temp file,
 * hash, rename) before one transaction records a batch, and a batch another run already wrote is
 * skipped — so killing the process mid-way and starting again finishes without duplicates.
 */
export function generateMaterialsJob(
  deps: Pick<PlatformDeps, 'blobs' | 'clock'>,
  repo: MaterialsRepository,
  seal: PasswordSeal,
): JobHandler {
  return async (payload, ctx) => {
    const { subjectId, userId } = Payload.parse(payload);
    const subject = await repo.subject(subjectId);
    if (!subject) throw new Error('предмет удалён');
    const bank = await loadBank(deps, repo, subjectId);
    const publicationId = await repo.ensureProgressPublication(subject.campaign_id, userId, deps.clock.now());
    const storageId = await repo.ensureSubjectStorage(subject, publicationId);

    let { scheduled, generated } = await repo.counts(subjectId);
    await ctx.progress(generated, scheduled);
    const startedWith = generated;
    for (;;) {
      const orgs = await repo.pending(subjectId, BATCH);
      if (orgs.length === 0) break;
      const rows: NewMaterials[] = [];
      for (const org of orgs) rows.push(await materialsOf(subject, bank, org, storageId));
      generated += await repo.insertMaterials(rows);
      ({ scheduled } = await repo.counts(subjectId));
      await ctx.progress(Math.min(generated, scheduled), scheduled);
    }
    return { subjectId, generated: generated - startedWith, total: generated };
  };

  async function materialsOf(
    subject: SubjectForMaterials,
    bank: BankTask[],
    org: { org_id: string; login: string; zone: string; test_date: string },
    storageId: string,
  ): Promise<NewMaterials> {
    const at = deps.clock.now();
    const built = await buildOrgMaterials(
      {
        id: subject.id,
        campaignTitle: subject.campaign_title,
        code: subject.code,
        name: subject.name,
        grade: subject.grade,
        group: subject.materials_group,
        variants: subject.variants,
      },
      bank,
      { id: org.org_id, login: org.login },
      at,
    );
    const gates = vprGates({
      group: subject.materials_group,
      testDate: org.test_date,
      resultsDeadlineDate: subject.results_deadline,
      zone: org.zone,
    });
    const names = materialsFileNames(subject, org.login);
    const [archive, criteria] = await Promise.all([deps.blobs.put(built.archive), deps.blobs.put(built.criteria)]);
    return {
      subjectId: subject.id,
      orgId: org.org_id,
      storageId,
      variants: built.variants,
      archive: { ...archive, name: names.archive, contentType: 'application/zip', availableAt: gates.archiveFrom },
      criteria: {
        ...criteria,
        name: names.criteria,
        contentType: 'application/pdf',
        availableAt: gates.criteriaFrom,
      },
      passwordSealed: built.password === null ? null : seal.seal(built.password),
      at,
    };
  }
}

/** The bank as positions with their items; a position without items stops the job with a message. */
async function loadBank(
  deps: Pick<PlatformDeps, 'blobs'>,
  repo: MaterialsRepository,
  subjectId: string,
): Promise<BankTask[]> {
  const [tasks, items] = await Promise.all([repo.tasks(subjectId), repo.bank(subjectId)]);
  const bank: BankTask[] = tasks.map((t) => ({
    position: t.position,
    number: t.number,
    maxScore: t.max_score,
    items: [],
  }));
  const byPosition = new Map(bank.map((t) => [t.position, t]));
  for (const i of items) {
    const image = i.image_sha256 ? await readAll(deps.blobs.read(i.image_sha256)) : null;
    byPosition.get(i.position)?.items.push({ text: i.text, answer: i.answer, criteria: i.criteria, image });
  }
  const empty = bank.filter((t) => t.items.length === 0).map((t) => t.number);
  if (empty.length) throw new Error(`В банке нет заданий для позиций: ${empty.join(', ')}`);
  return bank;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}
