import {
  buildIndividualReport,
  buildLevelReport,
  objectivitySignals,
  MOSCOW_ZONE,
  REPORT_TITLES,
  wallClockText,
  type JobStarted,
  type LevelRow,
  type ObjectivityReport,
  type ReportDetail,
  type ReportKind,
  type ReportSubject,
  type ReportTable,
} from '@oko/shared';
import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { JobRunner } from '../../jobs/job-runner.ts';
import { TtlCache } from '../../collections/ttl-cache.ts';
import { campaignSubject } from '../subject-lookup.ts';
import type { AnalyticsRepository, LevelAggregate, Parts } from './analytics.repository.ts';
import type { IndividualRepository } from './individual.repository.ts';
import { orderLevels } from './level-order.ts';
import { defaultDetail, levelPlan, orgFilter, type ViewerPlace } from './viewer-levels.ts';

export const ANALYTICS_EXPORT_JOB = 'results.analytics-export';
/** Rows the screen shows; the XLSX has all of them. */
export const SCREEN_ROWS = 500;
/** Pupils on screen in «Индивидуальные результаты»: the rest is in the XLSX. */
const SCREEN_ORGS = 20;
/**
 * Aggregates of a level are reused this long: the whole sample adds up every ОО of the country, and hundreds of
 * viewers open the same report in the same minutes. «Рассчитано» on the report says how old they are.
 */
const AGGREGATE_TTL_MS = 30_000;

const PARTS: Record<Exclude<ReportKind, 'individual'>, Parts> = {
  marks: { histogram: false, tasks: false },
  journal: { histogram: false, tasks: false },
  scores: { histogram: true, tasks: false },
  tasks: { histogram: false, tasks: true },
  planned: { histogram: false, tasks: true },
};

/** R6 «Дата:» and file names: the Moscow calendar day. */
export const ruDate = (d: Date): string => wallClockText(d, MOSCOW_ZONE).slice(0, 10);

interface Cached {
  at: Date;
  rows: LevelAggregate[];
}

/** «Аналитика»: the level rows of the viewer's scope turned into the reports, on screen and as XLSX. */
export class AnalyticsService {
  private readonly cache = new TtlCache<Cached>(AGGREGATE_TTL_MS, 5_000);

  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      clock: Clock;
      jobs: JobRunner;
      repo: AnalyticsRepository;
      individual: IndividualRepository;
    },
  ) {}

  async report(
    actor: Actor,
    campaignId: string,
    subjectId: string,
    kind: ReportKind,
    q: { detail?: ReportDetail },
  ): Promise<ReportTable> {
    const subject = await this.reportSubject(campaignId, subjectId);
    if (kind === 'individual') return this.individualScreen(actor, subjectId, subject);
    const { levels, at } = await this.levels(actor, subjectId, subject, q.detail ?? defaultDetail(actor), PARTS[kind]);
    return buildLevelReport(kind, subject, levels, { computedAt: at, date: ruDate(at), screenRowLimit: SCREEN_ROWS });
  }

  /** The full report (no screen limit), for the export job. */
  async fullReport(
    actor: Actor,
    subjectId: string,
    subject: ReportSubject,
    kind: Exclude<ReportKind, 'individual'>,
    detail: ReportDetail,
  ): Promise<ReportTable> {
    const { levels, at } = await this.levels(actor, subjectId, subject, detail, PARTS[kind]);
    return buildLevelReport(kind, subject, levels, { computedAt: at, date: ruDate(at) });
  }

  async startExport(
    actor: Actor,
    campaignId: string,
    subjectId: string,
    kind: ReportKind,
    q: { detail?: ReportDetail },
  ): Promise<JobStarted> {
    const s = await campaignSubject(this.deps.db, campaignId, subjectId);
    const job = await this.deps.jobs.enqueue(
      ANALYTICS_EXPORT_JOB,
      { campaignId, subjectId, kind, detail: q.detail ?? defaultDetail(actor), userId: actor.userId },
      actor.userId,
    );
    return {
      jobId: job.id,
      message: `Отчёт «${REPORT_TITLES[kind]}» по предмету «${s.name}, ${s.grade} класс» формируется; он придёт в уведомления`,
    };
  }

  async objectivity(actor: Actor, campaignId: string, subjectId: string): Promise<ObjectivityReport> {
    const subject = await this.reportSubject(campaignId, subjectId);
    const place = await this.place(actor);
    const at = this.deps.clock.now();
    const rows = await this.deps.repo.level(subjectId, 'org', orgFilter(actor, place), shape(subject), {
      histogram: true,
      tasks: true,
    });
    const orgs: LevelRow[] = rows.map((r) => ({
      kind: 'org',
      id: r.key,
      label: r.label,
      parentId: r.parentId,
      agg: r.agg,
    }));
    return { computedAt: at.toISOString(), orgsChecked: orgs.length, signals: objectivitySignals(subject, orgs) };
  }

  async reportSubject(campaignId: string, subjectId: string): Promise<ReportSubject> {
    const s = await campaignSubject(this.deps.db, campaignId, subjectId);
    const tasks = await this.deps.db
      .selectFrom('subject_tasks')
      .select(['number', 'max_score', 'difficulty', 'planned_result'])
      .where('subject_id', '=', subjectId)
      .orderBy('position')
      .execute();
    return {
      code: s.code,
      name: s.name,
      grade: s.grade,
      year: s.year,
      maxScore: s.max_score,
      scale3: s.scale_3,
      scale4: s.scale_4,
      scale5: s.scale_5,
      tasks: tasks.map((t) => ({
        number: t.number,
        maxScore: t.max_score,
        difficulty: t.difficulty,
        plannedResult: t.planned_result,
      })),
    };
  }

  /** The viewer's place: an ОО's region and municipality are its own, a coordinator's come with the account. */
  async place(actor: Actor): Promise<ViewerPlace> {
    if (!actor.orgId) return { regionCode: actor.regionCode, municipalityId: actor.municipalityId, orgId: null };
    const o = await this.deps.db
      .selectFrom('orgs')
      .select(['region_code', 'municipality_id'])
      .where('id', '=', actor.orgId)
      .executeTakeFirst();
    return { regionCode: o?.region_code ?? null, municipalityId: o?.municipality_id ?? null, orgId: actor.orgId };
  }

  private async levels(
    actor: Actor,
    subjectId: string,
    subject: ReportSubject,
    detail: ReportDetail,
    parts: Parts,
  ): Promise<{ levels: LevelRow[]; at: Date }> {
    const place = await this.place(actor);
    const plan = levelPlan(actor, place, detail);
    let oldest = this.deps.clock.now();
    const fetched = await Promise.all(
      plan.map(async (p) => {
        const key = [subjectId, p.kind, JSON.stringify(p.filter), parts.histogram, parts.tasks].join('|');
        // the server's clock, not the process's: «Рассчитано» and the expiry must agree, rehearsal clock included
        const now = this.deps.clock.now();
        const c = await this.cache.get(
          key,
          async () => ({
            at: now,
            rows: await this.deps.repo.level(subjectId, p.kind, p.filter, shape(subject), parts),
          }),
          now.getTime(),
        );
        if (c.at < oldest) oldest = c.at;
        return { kind: p.kind, rows: c.rows };
      }),
    );
    return { levels: orderLevels(fetched), at: oldest };
  }

  private async individualScreen(actor: Actor, subjectId: string, subject: ReportSubject): Promise<ReportTable> {
    const place = await this.place(actor);
    const at = this.deps.clock.now();
    const orgs = await this.deps.individual.orgs(subjectId, orgFilter(actor, place));
    const shown = orgs.slice(0, SCREEN_ORGS);
    const rows = await this.deps.individual.rows(subjectId, shown);
    const table = buildIndividualReport(
      subject,
      shown.map((o) => ({ school: { name: o.name, login: o.login }, rows: rows.get(o.org_id) ?? [] })),
      { computedAt: at, date: ruDate(at), screenRowLimit: SCREEN_ROWS },
    );
    if (orgs.length > shown.length) {
      // each ОО left out is its group row and its pupils: the screen says how many rows only the XLSX has
      table.truncated += orgs.slice(shown.length).reduce((n, o) => n + 1 + o.pupils, 0);
    }
    return table;
  }
}

const shape = (s: ReportSubject) => ({ taskCount: s.tasks.length, maxScore: s.maxScore });
