import { z } from 'zod';
import { MaterialsGroupSchema, ScheduleGates } from './campaigns.ts';

/**
 * ВПР materials (issue 4): the task bank, individual variants, participant codes, the archives and
 * their time gates as an ОО sees them in «Ход ВПР», and the coordinators' tracking across a scope.
 */

const id = z.string().uuid();

export const SubjectParams = z.strictObject({ campaignId: id, subjectId: id });
export type SubjectParams = z.infer<typeof SubjectParams>;
export const MaterialsSubjectParams = z.strictObject({ subjectId: id });
export type MaterialsSubjectParams = z.infer<typeof MaterialsSubjectParams>;

/** How many spare codes an ОО gets beyond its application: 10 %, at least 2. */
export const reserveCodes = (participants: number): number => Math.max(2, Math.ceil(participants * 0.1));

/**
 * A participant code as the real files show it: the grade first, then the number within the ОО
 * (`40001` grade 4, `60012` grade 6, `110003` grade 11). Numbering restarts in every ОО.
 */
export const participantCode = (grade: number, n: number): string => `${grade}${String(n).padStart(4, '0')}`;
export const PARTICIPANT_CODE = /^(4|5|6|7|8|9|10|11)\d{4}$/;

/** One file of «Ход ВПР» as the ОО sees it: it has an id only once it opened. */
export const MaterialFile = z.object({
  /** null until the file is open to this ОО (or not generated yet) */
  fileId: id.nullable(),
  name: z.string().nullable(),
  size: z.number().int().nullable(),
  generated: z.boolean(),
  availableAt: z.string(),
  available: z.boolean(),
  /** this ОО's first download */
  downloadedAt: z.string().nullable(),
});
export type MaterialFile = z.infer<typeof MaterialFile>;

export const CHECKLIST_STEPS = [
  'archive_downloaded',
  'codes_downloaded',
  'kits_printed',
  'password_opened',
  'criteria_downloaded',
  'results_uploaded',
] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

export const CHECKLIST_TITLES: Record<ChecklistStep, string> = {
  archive_downloaded: 'Архив с материалами скачан',
  codes_downloaded: 'Коды участников и бумажный протокол скачаны',
  kits_printed: 'Комплекты распечатаны (количество подтверждено)',
  password_opened: 'Шифр к архиву получен',
  criteria_downloaded: 'Критерии оценивания скачаны',
  results_uploaded: 'Форма сбора результатов загружена',
};

export const ChecklistItem = z.object({
  step: z.enum(CHECKLIST_STEPS),
  title: z.string(),
  /** not every step applies: an open-group subject has no password */
  applies: z.boolean(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  /** the moment the step should be done by (shown in local and Moscow time) */
  deadline: z.string().nullable(),
  /** a done step after its deadline */
  late: z.boolean(),
  note: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ProgressEntry = z.object({
  subjectId: id,
  subjectCode: z.string(),
  subjectName: z.string(),
  grade: z.number().int(),
  group: MaterialsGroupSchema,
  testDate: z.string(),
  resultsDeadline: z.string(),
  zone: z.string(),
  gates: ScheduleGates,
  archive: MaterialFile,
  criteria: MaterialFile,
  password: z.object({
    /** whether an archive password exists at all (encrypted group) */
    applies: z.boolean(),
    available: z.boolean(),
    openedAt: z.string().nullable(),
  }),
  kits: z.object({ count: z.number().int().nullable(), confirmedAt: z.string().nullable() }),
  checklist: z.array(ChecklistItem),
});
export type ProgressEntry = z.infer<typeof ProgressEntry>;

export const CodesFile = z.object({
  grade: z.number().int(),
  codes: z.number().int(),
  reserve: z.number().int(),
  slips: MaterialFile,
  protocol: MaterialFile,
});
export type CodesFile = z.infer<typeof CodesFile>;

/** «Ход ВПР» of one ОО in one campaign. */
export const VprProgress = z.object({
  campaignId: id,
  campaignTitle: z.string(),
  publicationId: id.nullable(),
  /** the server's clock: countdowns run from it, never from the client's */
  now: z.string(),
  zone: z.string(),
  entries: z.array(ProgressEntry),
  codes: z.array(CodesFile),
});
export type VprProgress = z.infer<typeof VprProgress>;

export const ArchivePassword = z.object({ password: z.string(), openedAt: z.string() });
export type ArchivePassword = z.infer<typeof ArchivePassword>;

export const KitsConfirm = z.strictObject({
  count: z.number().int().min(1, 'Укажите число распечатанных комплектов').max(5000),
});
export type KitsConfirm = z.infer<typeof KitsConfirm>;

/** Coordinators: one ОО's steps for one subject. */
export const TrackingRow = z.object({
  orgId: id,
  login: z.string(),
  name: z.string(),
  municipality: z.string().nullable(),
  testDate: z.string(),
  generated: z.boolean(),
  archiveDownloadedAt: z.string().nullable(),
  passwordOpenedAt: z.string().nullable(),
  criteriaDownloadedAt: z.string().nullable(),
  kitsCount: z.number().int().nullable(),
});
export type TrackingRow = z.infer<typeof TrackingRow>;

export const TRACKING_FILTERS = ['all', 'archive_missing', 'password_missing', 'criteria_missing'] as const;
export const TrackingQuery = z.strictObject({
  filter: z.enum(TRACKING_FILTERS).default('all'),
  search: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
});
export type TrackingQuery = z.infer<typeof TrackingQuery>;

export const Tracking = z.object({
  subjectId: id,
  totals: z.object({
    expected: z.number().int(),
    generated: z.number().int(),
    archiveDownloaded: z.number().int(),
    passwordOpened: z.number().int(),
    criteriaDownloaded: z.number().int(),
    kitsConfirmed: z.number().int(),
  }),
  rows: z.array(TrackingRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type Tracking = z.infer<typeof Tracking>;

/** Where a subject's materials stand (federal screen). */
export const MaterialsStatus = z.object({
  subjectId: id,
  scheduled: z.number().int(),
  generated: z.number().int(),
  bankItems: z.number().int(),
  /** positions of the subject without a single bank item: variants cannot be made */
  positionsWithoutItems: z.array(z.string()),
});
export type MaterialsStatus = z.infer<typeof MaterialsStatus>;
