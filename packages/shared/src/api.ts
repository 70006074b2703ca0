import { z } from 'zod';
import { ROLES } from './roles.ts';
import { PERMISSIONS } from './permissions.ts';
import { MUNICIPALITY_CODE, ORG_CODE, REGION_CODE } from './logins.ts';

/** Every error the API returns has this shape; `message` is Russian and shown to the user as is. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

const id = z.string().uuid();
const text = (max: number) => z.string().trim().min(1).max(max);

export const LoginRequest = z.strictObject({
  login: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const OrgLevel = z.enum(['federal', 'region', 'municipality', 'org']);
export const OrgKind = z.enum(['school', 'college']);
export type OrgKind = z.infer<typeof OrgKind>;

export const Contact = z.strictObject({
  fullName: text(200),
  position: text(200),
  phone: z
    .string()
    .trim()
    .regex(/^[+\d][\d\s()-]{5,24}$/, 'Телефон: цифры, пробелы, скобки и дефисы'),
  email: z.string().trim().email('Неверный адрес электронной почты').max(200),
});
export type Contact = z.infer<typeof Contact>;

export const Organization = z.object({
  level: OrgLevel,
  name: z.string(),
  regionCode: z.string().nullable(),
  municipalityId: id.nullable(),
  orgId: id.nullable(),
  timeZone: z.string(),
});
export type Organization = z.infer<typeof Organization>;

export const Me = z.object({
  id,
  login: z.string(),
  role: z.enum(ROLES),
  roleTitle: z.string(),
  mustChangePassword: z.boolean(),
  organization: Organization,
  contact: Contact.nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.object({ user: Me });

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(10, 'Новый пароль: не короче 10 символов').max(256),
});

export const SessionInfo = z.object({
  id,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const SessionList = z.object({ sessions: z.array(SessionInfo) });

export const AUDIT_EVENTS = [
  'login.success',
  'login.failure',
  'login.locked',
  'login.org_closed',
  'logout',
  'password.changed',
  'credentials.issued',
  'session.ended',
] as const;
export const AuditEvent = z.object({
  at: z.string(),
  event: z.enum(AUDIT_EVENTS),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  actorLogin: z.string().nullable(),
});
export const AuditList = z.object({ events: z.array(AuditEvent) });

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  municipalities: z.number().int(),
  orgs: z.number().int(),
  accounts: z.number().int(),
});
export const RegionList = z.object({ regions: z.array(Region) });
export const RegionCodeParams = z.strictObject({ regionCode: z.string().regex(REGION_CODE) });

export const Municipality = z.object({
  id,
  regionCode: z.string(),
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  timeZoneOverride: z.string().nullable(),
  orgs: z.number().int(),
  coordinatorLogin: z.string().nullable(),
});
export const MunicipalityList = z.object({ municipalities: z.array(Municipality) });
export const MunicipalityParams = z.strictObject({ municipalityId: id });
export const CreateMunicipality = z.strictObject({
  code: z.string().regex(MUNICIPALITY_CODE, 'Код муниципалитета: три цифры'),
  name: text(300),
  timeZone: z.string().max(64).nullable().optional(),
});

export const Org = z.object({
  id,
  regionCode: z.string(),
  municipalityId: id,
  municipalityName: z.string(),
  code: z.string(),
  kind: OrgKind,
  fullName: z.string(),
  shortName: z.string(),
  status: z.enum(['active', 'closed']),
  login: z.string().nullable(),
});
export type Org = z.infer<typeof Org>;
export const OrgList = z.object({ orgs: z.array(Org) });
export const OrgParams = z.strictObject({ orgId: id });
export const CreateOrg = z.strictObject({
  code: z.string().regex(ORG_CODE, 'Код ОО: шесть цифр, первые две — код региона'),
  kind: OrgKind,
  fullName: text(500),
  shortName: text(200),
});

export const Account = z.object({
  id,
  login: z.string(),
  role: z.enum(ROLES),
  roleTitle: z.string(),
  organizationName: z.string(),
  regionCode: z.string().nullable(),
  contact: Contact.nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  passwordIssuedAt: z.string().nullable(),
});
export type Account = z.infer<typeof Account>;
export const AccountList = z.object({ accounts: z.array(Account) });
export const AccountParams = z.strictObject({ userId: id });

/** Issuing creates the account when it does not exist yet, or re-issues its password. */
export const IssueCoordinator = z.strictObject({ contact: Contact });
export const IssueRegionCoordinator = z.strictObject({
  kind: z.enum(['region_coordinator', 'spo_region_coordinator']),
  contact: Contact,
});
export const IssuedCredential = z.object({
  userId: id,
  login: z.string(),
  password: z.string(),
  role: z.enum(ROLES),
  organizationName: z.string(),
});
export type IssuedCredential = z.infer<typeof IssuedCredential>;
export const IssueResult = z.object({ credential: IssuedCredential });

export const BulkIssueRequest = z.strictObject({
  userIds: z.array(id).max(5000).optional(),
  orgIds: z.array(id).max(5000).optional(),
});
/** The passwords exist only in this response: the PDF and XLSX are built from it and never stored. */
export const BulkIssueResult = z.object({
  credentials: z.array(IssuedCredential),
  pdfBase64: z.string(),
  xlsxBase64: z.string(),
  fileStem: z.string(),
});

export const Health = z.object({ status: z.literal('ok'), database: z.literal('ok') });
