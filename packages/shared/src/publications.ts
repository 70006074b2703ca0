import { z } from 'zod';
import { ROLES } from './roles.ts';

const id = z.string().uuid();

export const SECTIONS = ['vpr', 'vpr_spo', 'interview'] as const;
export const Section = z.enum(SECTIONS);
export type Section = z.infer<typeof Section>;
export const SECTION_TITLES: Record<Section, string> = {
  vpr: 'ВПР',
  vpr_spo: 'ВПР СПО',
  interview: 'Итоговое собеседование',
};

export const PublicationParams = z.strictObject({ publicationId: id });
export const StorageParams = z.strictObject({ storageId: id });
export const FileParams = z.strictObject({ fileId: id });

/** A file as the caller sees it; what the caller may do with it is decided by the server. */
export const StoredFile = z.object({
  id,
  name: z.string(),
  size: z.number().int(),
  /** an individual file: the ОО it is meant for (coordinators see it; the ОО sees only its own) */
  orgLogin: z.string().nullable(),
  onlyForOrgs: z.boolean(),
  /** when it becomes available to this caller (ISO), null if always */
  availableAt: z.string().nullable(),
  available: z.boolean(),
  /** the caller may download it now: available, and not an only-for-ОО file seen by a coordinator */
  downloadable: z.boolean(),
  /** the caller's own last download of this file (ISO) */
  lastDownloadedAt: z.string().nullable(),
});
export type StoredFile = z.infer<typeof StoredFile>;

export const FilePage = z.object({
  items: z.array(StoredFile),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FilePage = z.infer<typeof FilePage>;

export const FileQuery = z.strictObject({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const Storage = z.object({
  id,
  title: z.string(),
  /** the first page of files, so a collapsed publication needs one request */
  files: FilePage,
  /** coordinators: may ask for the download report */
  canReport: z.boolean(),
});
export type Storage = z.infer<typeof Storage>;

/** A data collection block as shown inside a publication. */
export const CollectionBlock = z.object({
  id,
  title: z.string(),
  status: z.enum(['open', 'closed']),
  opensAt: z.string(),
  closesAt: z.string(),
  /** for an ОО: its own progress; null for coordinators */
  entry: z
    .object({
      state: z.enum(['not_started', 'in_progress', 'submitted']),
      lastSubmittedAt: z.string().nullable(),
    })
    .nullable(),
});
export type CollectionBlock = z.infer<typeof CollectionBlock>;

export const Audience = z.strictObject({
  roles: z.array(z.enum(ROLES)).min(1, 'Укажите, кому адресована публикация'),
  /** null: every region (a regional author is limited to its own) */
  regionCodes: z.array(z.string().regex(/^\d{2}$/)).nullable(),
  /** null: every ОО of the roles above; a list narrows it */
  orgIds: z.array(id).max(50000).nullable(),
});
export type Audience = z.infer<typeof Audience>;

export const Publication = z.object({
  id,
  section: Section,
  title: z.string(),
  /**
   * General information in a small safe markup: paragraphs separated by blank lines, **bold**,
   * links [text](https://…) and links to this publication's files [text](file:<id>).
   */
  body: z.string(),
  publishedAt: z.string(),
  authorRegionCode: z.string().nullable(),
  storages: z.array(Storage),
  collections: z.array(CollectionBlock),
  canEdit: z.boolean(),
  /** who the publication is addressed to; given to those who may edit it */
  audience: Audience.nullable().optional(),
});
export type Publication = z.infer<typeof Publication>;

export const PublicationList = z.array(Publication);
export const PublicationQuery = z.strictObject({ section: Section.optional() });

export const CreatePublication = z.strictObject({
  section: Section,
  title: z.string().trim().min(1).max(300),
  body: z.string().max(50000),
  audience: Audience,
  storages: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});
export type CreatePublication = z.infer<typeof CreatePublication>;

export const CreateStorage = z.strictObject({ title: z.string().trim().min(1).max(200) });
export type CreateStorage = z.infer<typeof CreateStorage>;

/** 2026-02-30T25:61 has the right shape but is no moment at all. */
function isRealLocalTime(v: string): boolean {
  const [date = '', time = ''] = v.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s = 0] = time.split(':').map(Number);
  const t = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo! - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s
  );
}

/** Fields of the multipart upload into a storage (besides the files themselves). */
export const UploadFilesFields = z.strictObject({
  /** each file named by an ОО login (sch390001.pdf, sch390001_список.pdf) goes to that ОО only */
  individual: z.enum(['true', 'false']).default('false'),
  onlyForOrgs: z.enum(['true', 'false']).default('false'),
  /** absolute moment (ISO with zone) */
  availableAt: z.string().datetime({ offset: true }).optional(),
  /** wall-clock 'YYYY-MM-DDTHH:MM' read in each ОО's own time zone */
  availableLocal: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Время открытия: формат ГГГГ-ММ-ДДTЧЧ:ММ')
    .refine(isRealLocalTime, 'Время открытия: такой даты или времени не существует')
    .optional(),
});

export const UploadFilesResult = z.object({
  added: z.array(z.object({ name: z.string(), orgLogin: z.string().nullable() })),
});
export type UploadFilesResult = z.infer<typeof UploadFilesResult>;
