import { z } from 'zod';
import { IssuedCredential } from './api.ts';
import { REGION_CODE } from './logins.ts';
import { FormIssue, FormRow } from './forms/template.ts';

/**
 * The registration flows of seed 001 §1: the registry check of ОО, the list of municipal coordinators
 * and the consolidated application. Each goes: download an XLSX made by the forms engine → edit →
 * upload → a preview kept on the server → «Применить» with the preview's id.
 */

const id = z.string().uuid();

/** The federal level works on one region at a time; coordinators need no parameter. */
export const RegionQuery = z.strictObject({ regionCode: z.string().regex(REGION_CODE).optional() });
export type RegionQuery = z.infer<typeof RegionQuery>;

export const ApplyPreview = z.strictObject({ previewId: id });
export type ApplyPreview = z.infer<typeof ApplyPreview>;

/** What the registry check works on: the ОО of the actor's municipality or region. */
export const RegistryOverview = z.object({
  scopeTitle: z.string(),
  /** the regional file carries a municipality column, the municipal one does not */
  level: z.enum(['region', 'municipality']),
  active: z.number().int(),
  closed: z.number().int(),
  withoutAccount: z.number().int(),
  lastAppliedAt: z.string().nullable(),
  /** a regional coordinator also keeps the list of municipal coordinators */
  canManageCoordinators: z.boolean(),
});
export type RegistryOverview = z.infer<typeof RegistryOverview>;

export const FieldChange = z.object({ field: z.string(), before: z.string(), after: z.string() });
export type FieldChange = z.infer<typeof FieldChange>;

export const RegistryPreviewRow = z.object({
  /** the worksheet row of the uploaded file */
  row: z.number().int(),
  code: z.string().nullable(),
  login: z.string().nullable(),
  shortName: z.string(),
  municipality: z.string(),
  changes: z.array(FieldChange),
});
export type RegistryPreviewRow = z.infer<typeof RegistryPreviewRow>;

export const RegistryPreview = z.object({
  previewId: id,
  expiresAt: z.string(),
  scopeTitle: z.string(),
  counts: z.object({
    added: z.number().int(),
    closed: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
  }),
  added: z.array(RegistryPreviewRow),
  closed: z.array(RegistryPreviewRow),
  changed: z.array(RegistryPreviewRow),
  unchanged: z.array(RegistryPreviewRow),
  /** business errors, each naming its row; any of them blocks «Применить» */
  errors: z.array(FormIssue),
  canApply: z.boolean(),
});
export type RegistryPreview = z.infer<typeof RegistryPreview>;

/** New passwords exist only in this answer: the PDF and XLSX are built from it and never stored. */
export const CredentialFilesResult = z.object({
  credentials: z.array(IssuedCredential),
  pdfBase64: z.string().nullable(),
  xlsxBase64: z.string().nullable(),
  fileStem: z.string(),
});

export const RegistryApplyResult = CredentialFilesResult.extend({
  counts: z.object({ added: z.number().int(), closed: z.number().int(), changed: z.number().int() }),
  message: z.string(),
});
export type RegistryApplyResult = z.infer<typeof RegistryApplyResult>;

export const CoordinatorPreviewRow = z.object({
  row: z.number().int(),
  municipalityCode: z.string(),
  municipality: z.string(),
  login: z.string(),
  /** the account does not exist yet: it is created with a one-time password */
  create: z.boolean(),
  changes: z.array(FieldChange),
});
export type CoordinatorPreviewRow = z.infer<typeof CoordinatorPreviewRow>;

export const CoordinatorsPreview = z.object({
  previewId: id,
  expiresAt: z.string(),
  counts: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    empty: z.number().int(),
  }),
  rows: z.array(CoordinatorPreviewRow),
  errors: z.array(FormIssue),
  canApply: z.boolean(),
});
export type CoordinatorsPreview = z.infer<typeof CoordinatorsPreview>;

export const CoordinatorsApplyResult = CredentialFilesResult.extend({
  counts: z.object({ created: z.number().int(), updated: z.number().int() }),
  message: z.string(),
});
export type CoordinatorsApplyResult = z.infer<typeof CoordinatorsApplyResult>;

/** One line of an application: a parallel, a subject, how many take part. */
export const ApplicationLine = z.object({
  grade: z.string(),
  subject: z.string(),
  classes: z.number().int().nullable(),
  participants: z.number().int(),
});
export type ApplicationLine = z.infer<typeof ApplicationLine>;

export const ApplicationProgress = z.object({
  total: z.number().int(),
  notStarted: z.number().int(),
  inProgress: z.number().int(),
  submitted: z.number().int(),
  confirmed: z.number().int(),
});
export type ApplicationProgress = z.infer<typeof ApplicationProgress>;

export const ApplicationCollection = z.object({
  id,
  title: z.string(),
  status: z.enum(['open', 'closed']),
  opensAt: z.string(),
  closesAt: z.string(),
  progress: ApplicationProgress,
});
export const ApplicationCollectionList = z.object({ collections: z.array(ApplicationCollection) });
export type ApplicationCollection = z.infer<typeof ApplicationCollection>;

export const ApplicationSchoolChange = z.object({
  row: z.number().int(),
  orgId: id,
  code: z.string(),
  login: z.string().nullable(),
  name: z.string(),
  /** confirm: as the school sent it; correct: the coordinator changed it; withdraw: no lines left; same: already confirmed so */
  kind: z.enum(['confirm', 'correct', 'withdraw', 'same']),
  before: z.array(ApplicationLine),
  after: z.array(ApplicationLine),
});
export type ApplicationSchoolChange = z.infer<typeof ApplicationSchoolChange>;

export const ApplicationPreview = z.object({
  previewId: id,
  expiresAt: z.string(),
  counts: z.object({
    confirm: z.number().int(),
    correct: z.number().int(),
    withdraw: z.number().int(),
    same: z.number().int(),
    /** schools of the file with no lines and nothing sent: left unconfirmed */
    skipped: z.number().int(),
  }),
  schools: z.array(ApplicationSchoolChange),
  errors: z.array(FormIssue),
  canApply: z.boolean(),
});
export type ApplicationPreview = z.infer<typeof ApplicationPreview>;

export const ApplicationApplyResult = z.object({ confirmed: z.number().int(), message: z.string() });

export const MyApplication = z.object({
  collectionId: id,
  title: z.string(),
  /** what the school sent last (null: nothing yet) */
  state: z.enum(['not_started', 'in_progress', 'submitted']),
  submittedAt: z.string().nullable(),
  submitted: z.array(ApplicationLine).nullable(),
  confirmation: z
    .object({
      version: z.number().int(),
      confirmedAt: z.string(),
      confirmedBy: z.string().nullable(),
      lines: z.array(ApplicationLine),
      /** the confirmed figures differ from what the school sent */
      corrected: z.boolean(),
    })
    .nullable(),
});
export type MyApplication = z.infer<typeof MyApplication>;

export const MyApplicationList = z.object({ applications: z.array(MyApplication) });

/** A confirmed application as stored: the rows of the application sheet. */
export const ConfirmedRows = z.array(FormRow);
