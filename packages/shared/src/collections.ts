import { z } from 'zod';
import type { OrgAttributes } from './forms/resolve.ts';
import { FormData, FormIssue, FormTemplate } from './forms/template.ts';

const id = z.string().uuid();

export const CollectionParams = z.strictObject({ collectionId: id });
export const CollectionOrgParams = z.strictObject({ collectionId: id, orgId: id });

/** OrgAttributes of the forms engine, as the API sends them. */
export const FormOrgAttributes = z.object({
  login: z.string(),
  orgCode: z.string(),
  fullName: z.string(),
  shortName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  municipalityName: z.string(),
}) satisfies z.ZodType<OrgAttributes>;

export const EntryState = z.enum(['not_started', 'in_progress', 'submitted']);
export type EntryState = z.infer<typeof EntryState>;
export const ENTRY_STATE_TITLES: Record<EntryState, string> = {
  not_started: 'Не приступило',
  in_progress: 'В работе',
  submitted: 'Сдано',
};

export const Entry = z.object({
  data: FormData,
  version: z.number().int(),
  startedAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  /** the number of submissions kept */
  submissions: z.number().int(),
});
export type Entry = z.infer<typeof Entry>;

/** A collection opened by an ОО to fill it, or by a coordinator to view one ОО's data. */
export const CollectionView = z.object({
  id,
  title: z.string(),
  status: z.enum(['open', 'closed']),
  opensAt: z.string(),
  closesAt: z.string(),
  /** this ОО has an exception keeping it open until (ISO) */
  openUntil: z.string().nullable(),
  /** the template with the ОО's fixed rows and prefilled values resolved */
  template: FormTemplate,
  entry: Entry.nullable(),
  canEdit: z.boolean(),
  org: z.object({ id, login: z.string(), name: z.string() }),
  /** what prefill columns show (initialData(template, attributes) is the blank form; a new free row needs them too) */
  attributes: FormOrgAttributes,
});
export type CollectionView = z.infer<typeof CollectionView>;

export const SaveEntry = z.strictObject({
  data: FormData,
  /** the version the editor started from; a newer one on the server answers 409 */
  version: z.number().int().min(0),
});
export type SaveEntry = z.infer<typeof SaveEntry>;

export const SaveResult = z.object({ version: z.number().int(), savedAt: z.string() });
export type SaveResult = z.infer<typeof SaveResult>;

/**
 * 409 body of a save or submit made from an outdated version (another tab or user saved first):
 * `details[0]` is `{path: 'version', message: '<the stored version, digits>'}`.
 */
export const VERSION_CONFLICT_CODE = 'VERSION_CONFLICT';
export const VersionConflict = z.object({
  error: z.object({
    code: z.literal(VERSION_CONFLICT_CODE),
    message: z.string(),
    details: z.array(z.object({ path: z.literal('version'), message: z.string().regex(/^\d+$/) })),
  }),
});
export type VersionConflict = z.infer<typeof VersionConflict>;

/** The stored version named by a 409 body, or null when the body is something else. */
export function conflictVersion(body: unknown): number | null {
  const parsed = VersionConflict.safeParse(body);
  return parsed.success && parsed.data.error.details[0] ? Number(parsed.data.error.details[0].message) : null;
}

export const SubmitEntry = z.strictObject({ version: z.number().int().min(0) });
export const SubmitResult = z.object({ number: z.number().int(), submittedAt: z.string(), version: z.number().int() });
export type SubmitResult = z.infer<typeof SubmitResult>;

/** 400 body of a refused submission or upload: every problem with its cell. */
export const FormIssues = z.object({
  error: z.object({ code: z.literal('FORM_INVALID'), message: z.string(), issues: z.array(FormIssue) }),
});
export type FormIssues = z.infer<typeof FormIssues>;

export const MonitorQuery = z.strictObject({
  state: EntryState.optional(),
  q: z.string().max(100).optional(),
  municipalityId: id.optional(),
  /** paging of `rows` (a region can hold thousands of ОО); counts are never paged */
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(5000).default(2000),
});

export const MonitorRow = z.object({
  orgId: id,
  login: z.string(),
  name: z.string(),
  municipality: z.string(),
  state: EntryState,
  startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type MonitorRow = z.infer<typeof MonitorRow>;

export const Monitor = z.object({
  collectionId: id,
  title: z.string(),
  counts: z.object({
    total: z.number().int(),
    notStarted: z.number().int(),
    inProgress: z.number().int(),
    submitted: z.number().int(),
  }),
  /** filtered by the query; counts are not */
  rows: z.array(MonitorRow),
  /** rows matching the filter, over all pages */
  matched: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type Monitor = z.infer<typeof Monitor>;

export const CollectionSummary = z.object({
  id,
  title: z.string(),
  purpose: z.enum(['generic', 'application', 'questionnaire']),
  status: z.enum(['open', 'closed']),
  opensAt: z.string(),
  closesAt: z.string(),
  publicationId: id.nullable(),
  /** an ОО's own progress; null for coordinators */
  state: EntryState.nullable(),
  /** an ОО's last submission (ISO); null for coordinators and before the first */
  lastSubmittedAt: z.string().nullable(),
  /** an ОО's reopen exception (ISO) */
  openUntil: z.string().nullable(),
});
export type CollectionSummary = z.infer<typeof CollectionSummary>;
export const CollectionList = z.array(CollectionSummary);

export const GrantException = z.strictObject({ orgId: id, openUntil: z.string().datetime({ offset: true }) });
export type GrantException = z.infer<typeof GrantException>;
/** The exception as stored: the collection stays open for this ОО until `openUntil`. */
export const CollectionException = z.object({ orgId: id, openUntil: z.string() });
export type CollectionException = z.infer<typeof CollectionException>;
