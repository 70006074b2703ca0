import { participantCode, reserveCodes } from '@oko/shared';
import { z } from 'zod';
import type { JobHandler } from '../jobs/job-runner.ts';
import type { PlatformDeps } from '../platform.ts';
import { linesOf } from '../registration/application-lines.ts';
import type { CodesPair, CodesRepository } from './codes.repository.ts';
import type { MaterialsRepository } from './materials.repository.ts';
import { renderCodeSlipsPdf, renderProtocolPdf } from './pdf/index.ts';

export const GENERATE_CODES_JOB = 'materials.codes';

const Payload = z.object({ campaignId: z.string().uuid(), userId: z.string().uuid().nullable() });
const BATCH = 200;

/** Pupils of a grade in an application: the largest subject line (one code per pupil for all subjects). */
export function participantsOfGrade(application: unknown, grade: number): number | null {
  const lines = (linesOf(application) ?? []).filter((l) => l.grade === String(grade));
  return lines.length ? Math.max(...lines.map((l) => l.participants)) : null;
}

/** Codes 1..n of the grade, the last ones marked reserve. */
export function codesFor(grade: number, participants: number) {
  const reserve = reserveCodes(participants);
  return Array.from({ length: participants + reserve }, (_, i) => ({
    code: participantCode(grade, i + 1),
    reserve: i >= participants,
  }));
}

/**
 * Participant codes with their slips and paper protocol for every ОО × grade of the plan-schedule,
 * counted from the application the ОО stands by. Resumable like the archives: a pair already written
 * is skipped, each pair is written in one transaction after its files are stored whole.
 */
export function generateCodesJob(
  deps: Pick<PlatformDeps, 'blobs' | 'clock'>,
  repos: { codes: CodesRepository; materials: MaterialsRepository },
): JobHandler {
  return async (payload, ctx) => {
    const { campaignId, userId } = Payload.parse(payload);
    const campaign = await repos.materials.db
      .selectFrom('campaigns')
      .select(['title'])
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (!campaign) throw new Error('кампания удалена');
    const publicationId = await repos.materials.ensureProgressPublication(campaignId, userId, deps.clock.now());
    const storageId = await repos.codes.ensureCodesStorage(campaignId, publicationId);
    const total = await repos.codes.countPairs(campaignId);
    let done = 0;
    let written = 0;
    const withoutApplication: string[] = [];
    let after = { code: '', grade: 0 };
    await ctx.progress(0, total);
    for (;;) {
      const pairs = await repos.codes.pairs(campaignId, after, BATCH);
      if (pairs.length === 0) break;
      const applications = await repos.codes.applications([...new Set(pairs.map((p) => p.org_id))]);
      for (const pair of pairs) {
        if (!pair.has_files) {
          const ok = await writePair(campaign.title, pair, applications.get(pair.org_id), storageId, campaignId);
          if (ok) written++;
          else withoutApplication.push(`${pair.login} (${pair.grade} класс)`);
        }
        done++;
      }
      const last = pairs[pairs.length - 1]!;
      after = { code: last.org_code, grade: last.grade };
      await ctx.progress(done, total);
    }
    return { written, withoutApplication: withoutApplication.length, examples: withoutApplication.slice(0, 20) };
  };

  async function writePair(
    campaignTitle: string,
    pair: CodesPair,
    application: unknown,
    storageId: string,
    campaignId: string,
  ): Promise<boolean> {
    let codes = await repos.codes.existingCodes(campaignId, pair.org_id, pair.grade);
    let fresh: { code: string; reserve: boolean }[] = [];
    if (codes.length === 0) {
      const participants = participantsOfGrade(application, pair.grade);
      if (!participants) return false;
      fresh = codesFor(pair.grade, participants);
      codes = fresh;
    }
    const all = codes.map((c) => c.code);
    const common = { campaignTitle, orgLogin: pair.login, orgName: pair.name, grade: pair.grade, codes: all };
    const [slipsPdf, protocolPdf] = await Promise.all([
      renderCodeSlipsPdf(common),
      renderProtocolPdf({ ...common, subjects: pair.subjects }),
    ]);
    const [slips, protocol] = await Promise.all([deps.blobs.put(slipsPdf), deps.blobs.put(protocolPdf)]);
    await repos.codes.insert({
      campaignId,
      orgId: pair.org_id,
      grade: pair.grade,
      storageId,
      codes: fresh,
      slips: { ...slips, name: `Коды_участников_${pair.grade}_класс_${pair.login}.pdf` },
      protocol: { ...protocol, name: `Бумажный_протокол_${pair.grade}_класс_${pair.login}.pdf` },
      at: deps.clock.now(),
    });
    return true;
  }
}
