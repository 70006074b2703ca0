// Generation of one subject's materials for the whole country: the federal organizer starts it, the
// job builds one encrypted archive per ОО. A country takes longer than a bench may run, so a prefix
// is timed (the first `prefixOrgs` ОО or `maxSeconds`) and the country's time extrapolated from it.
import type { Job, JobStarted } from '@oko/shared';
import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_ADMIN_LOGIN, DEMO_PASSWORDS } from '../apps/server/src/demo/demo-passwords.ts';
import { rssMb } from './lib/collections-server.ts';
import { json, peakSampler, signIn } from './lib/materials-http.ts';
import type { MaterialsSite } from './lib/materials-site.ts';

export interface GenerationFigures {
  /** ОО on the plan-schedule: what a full run would generate */
  scheduled: number;
  /** archives committed by the last batch seen in the timed window */
  generated: number;
  /** from the POST to that batch's progress report */
  seconds: number;
  archivesPerSecond: number;
  /** the whole job ran inside the window (otherwise the country time is extrapolated) */
  complete: boolean;
  /** scheduled ÷ archives/s, or the measured time when complete */
  countrySeconds: number;
  rssBeforeMb: number;
  peakRssMb: number;
  /** mean size of one ОО's archive */
  archiveKb: number;
  /** archives present when the bench left the job (a little more than `generated`: the batch in flight) */
  generatedTotal: number;
}

const countGenerated = async (site: MaterialsSite): Promise<number> => {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM materials
    WHERE subject_id = ${site.campaign.subjectId}::uuid`.execute(site.db);
  return r.rows[0]!.n;
};

/**
 * Starts the generation over HTTP and watches the job. When the window closes before the job ends,
 * the server is killed and the job marked failed in the database, so that a restart does not resume
 * it under the next benches (the server is left stopped then; `site.server` tells).
 */
export async function benchGeneration(
  site: MaterialsSite,
  opts: { prefixOrgs: number; maxSeconds: number; log?: (m: string) => void },
): Promise<GenerationFigures> {
  const log = opts.log ?? (() => undefined);
  const server = site.server ?? (await site.start());
  const { port, pid } = server;
  const { campaignId, subjectId } = site.campaign;
  const admin = await signIn(port, DEMO_ADMIN_LOGIN, DEMO_PASSWORDS.federal_admin);

  const rssBeforeMb = rssMb(pid);
  const rss = peakSampler(() => rssMb(pid));
  const started = performance.now();
  const { jobId } = await json<JobStarted>(
    port,
    { method: 'POST', path: `/api/campaigns/${campaignId}/subjects/${subjectId}/materials`, body: '{}' },
    admin,
    202,
  );
  const poll = () => json<Job>(port, { method: 'GET', path: `/api/jobs/${jobId}` }, admin);
  let job = await poll();
  let lastLog = started;
  // the job commits in batches: the rate is taken at the last batch seen, not at the window's end
  let generated = 0;
  let generatedAt = started;
  const windowEnds = started + opts.maxSeconds * 1000;
  // the later benches need one archive at least: a slow first batch stretches the window
  const giveUpAt = started + Math.max(opts.maxSeconds, 600) * 1000;
  const inWindow = () => {
    const now = performance.now();
    return now < windowEnds || (generated === 0 && now < giveUpAt);
  };
  while (job.status !== 'done' && job.status !== 'failed' && generated < opts.prefixOrgs && inWindow()) {
    await sleep(200);
    job = await poll();
    if (job.done > generated) {
      generated = job.done;
      generatedAt = performance.now();
    }
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(`  генерация: ${job.done} / ${job.total}`);
    }
  }
  const peakRssMb = rss.stop();
  const seconds = (generatedAt - started) / 1000;
  if (job.status === 'failed') throw new Error(`генерация не удалась: ${job.error}\n${server.output()}`);
  const complete = job.status === 'done';
  const archivesPerSecond = seconds > 0 ? generated / seconds : 0;

  if (!complete) {
    await site.killServer();
    await sql`UPDATE jobs SET status = 'failed', error = 'остановлено замером', finished_at = now(), locked_until = NULL
      WHERE id = ${jobId}::uuid AND status IN ('queued', 'running')`.execute(site.db);
  }
  const generatedTotal = await countGenerated(site);

  const size = await sql<{ kb: number | null }>`
    SELECT avg(f.size)::float8 / 1024 AS kb FROM materials m JOIN storage_files f ON f.id = m.archive_file_id
    WHERE m.subject_id = ${subjectId}::uuid`.execute(site.db);
  const scheduled = site.campaign.scheduled;
  return {
    scheduled,
    generated,
    seconds,
    archivesPerSecond,
    complete,
    countrySeconds: complete ? seconds : scheduled / archivesPerSecond,
    rssBeforeMb,
    peakRssMb,
    archiveKb: size.rows[0]?.kb ?? Number.NaN,
    generatedTotal,
  };
}
