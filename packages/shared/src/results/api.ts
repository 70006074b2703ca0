import { z } from 'zod';
import { FormTemplate } from '../forms/template.ts';
import { FormData } from '../forms/template.ts';
import { ReportDetail } from './analytics.ts';

const id = z.string().uuid();

export const ResultsSubjectParams = z.strictObject({ subjectId: id });
export type ResultsSubjectParams = z.infer<typeof ResultsSubjectParams>;

/** Where the ОО stands with one subject's results. */
export const ResultsState = z.enum(['not_started', 'in_progress', 'submitted']);
export type ResultsState = z.infer<typeof ResultsState>;
export const RESULTS_STATE_TITLES: Record<ResultsState, string> = {
  not_started: 'Не начато',
  in_progress: 'Заполняется',
  submitted: 'Сдано',
};

export const ResultsUpload = z.object({
  number: z.number().int(),
  source: z.enum(['online', 'xlsx']),
  submittedAt: z.string(),
  participants: z.number().int(),
  absent: z.number().int(),
  late: z.boolean(),
});
export type ResultsUpload = z.infer<typeof ResultsUpload>;

export const ResultsSubjectStatus = z.object({
  subjectId: id,
  campaignId: id,
  code: z.string(),
  name: z.string(),
  grade: z.number().int(),
  testDate: z.string(),
  /** 00:00 local of the test day: the form takes results from then */
  opensAt: z.string(),
  /** 23:00 Moscow time of the subject's deadline */
  deadline: z.string(),
  /** a coordinator's exception after the deadline */
  openUntil: z.string().nullable(),
  open: z.boolean(),
  state: ResultsState,
  lastUpload: ResultsUpload.nullable(),
  zone: z.string(),
});
export type ResultsSubjectStatus = z.infer<typeof ResultsSubjectStatus>;

export const MyResults = z.object({
  subjects: z.array(ResultsSubjectStatus),
  /** the server's clock: «not yet open» and «deadline passed» are told apart by it, not by the visitor's computer */
  now: z.string(),
});
export type MyResults = z.infer<typeof MyResults>;

export const ResultsView = z.object({
  status: ResultsSubjectStatus,
  template: FormTemplate,
  entry: z.object({ data: FormData, version: z.number().int(), updatedAt: z.string() }).nullable(),
  uploads: z.array(ResultsUpload),
  /** the ОО's participant codes of this grade, so the online table refuses a stranger's code as you type */
  codes: z.array(z.string()),
  /** the server's clock */
  now: z.string(),
});
export type ResultsView = z.infer<typeof ResultsView>;

// ---------- coordinators: monitoring and exceptions ----------

export const ResultsSubjectRoute = z.strictObject({ campaignId: id, subjectId: id });
export type ResultsSubjectRoute = z.infer<typeof ResultsSubjectRoute>;

/**
 * uploaded — accepted before the deadline; late — accepted after it (an exception); missing — nothing yet,
 * the deadline has not passed; overdue — nothing and the deadline has passed.
 */
export const MonitoringState = z.enum(['uploaded', 'late', 'missing', 'overdue']);
export type MonitoringState = z.infer<typeof MonitoringState>;
export const MONITORING_STATE_TITLES: Record<MonitoringState, string> = {
  uploaded: 'Загружено',
  late: 'Загружено после срока',
  missing: 'Не загружено',
  overdue: 'Срок прошёл, не загружено',
};

export const ResultsMonitoringQuery = z.strictObject({
  state: MonitoringState.optional(),
  search: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});
export type ResultsMonitoringQuery = z.infer<typeof ResultsMonitoringQuery>;

export const ResultsMonitoringRow = z.object({
  orgId: id,
  login: z.string(),
  name: z.string(),
  municipality: z.string().nullable(),
  testDate: z.string(),
  state: MonitoringState,
  participants: z.number().int().nullable(),
  absent: z.number().int().nullable(),
  uploadedAt: z.string().nullable(),
  uploads: z.number().int(),
  openUntil: z.string().nullable(),
});
export type ResultsMonitoringRow = z.infer<typeof ResultsMonitoringRow>;

export const ResultsMonitoring = z.object({
  subjectId: id,
  deadline: z.string(),
  /** by the server's clock: exceptions are offered only then (before it the ОО uploads by itself) */
  deadlinePassed: z.boolean(),
  counts: z.object({
    expected: z.number().int(),
    uploaded: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    overdue: z.number().int(),
    participants: z.number().int(),
    absent: z.number().int(),
  }),
  rows: z.array(ResultsMonitoringRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ResultsMonitoring = z.infer<typeof ResultsMonitoring>;

export const ResultsExceptionGrant = z.strictObject({ orgId: id, openUntil: z.string().datetime({ offset: true }) });
export type ResultsExceptionGrant = z.infer<typeof ResultsExceptionGrant>;

// ---------- analytics ----------

export const ReportQuery = z.strictObject({ detail: ReportDetail.optional() });
export type ReportQuery = z.infer<typeof ReportQuery>;

/** One ОО flagged by a rule, with the numbers a coordinator needs to judge it. */
export const ObjectivitySignal = z.object({
  orgId: id,
  label: z.string(),
  rule: z.enum(['journal_mismatch', 'threshold_pileup', 'task_pattern']),
  /** the rule in words, with its threshold */
  ruleText: z.string(),
  /** what was measured, in words with the numbers */
  evidence: z.string(),
  participants: z.number().int(),
});
export type ObjectivitySignal = z.infer<typeof ObjectivitySignal>;

export const ObjectivityReport = z.object({
  computedAt: z.string(),
  orgsChecked: z.number().int(),
  signals: z.array(ObjectivitySignal),
});
export type ObjectivityReport = z.infer<typeof ObjectivityReport>;
