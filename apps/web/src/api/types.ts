// Types of the API contract, taken from the zod schemas of @oko/shared.
// Only types are imported, so the schemas (and zod) stay out of the browser bundle.
import type * as S from '@oko/shared';

type Out<T extends { _output: unknown }> = T['_output'];

export type Me = S.Me;
export type Role = S.Role;
export type Permission = S.Permission;
export type Contact = S.Contact;
export type Org = S.Org;
export type Account = S.Account;
export type IssuedCredential = S.IssuedCredential;
export type AuditEventName = (typeof S.AUDIT_EVENTS)[number];

export type OrgList = Out<typeof S.OrgList>;
export type AccountList = Out<typeof S.AccountList>;
export type Region = Out<typeof S.Region>;
export type RegionList = Out<typeof S.RegionList>;
export type Municipality = Out<typeof S.Municipality>;
export type MunicipalityList = Out<typeof S.MunicipalityList>;
export type SessionInfo = Out<typeof S.SessionInfo>;
export type SessionList = Out<typeof S.SessionList>;
export type AuditEvent = Out<typeof S.AuditEvent>;
export type AuditList = Out<typeof S.AuditList>;
export type LoginResponse = Out<typeof S.LoginResponse>;
export type IssueResult = Out<typeof S.IssueResult>;
export type BulkIssueResult = Out<typeof S.BulkIssueResult>;
export type RegionCoordinatorKind = Out<typeof S.IssueRegionCoordinator>['kind'];
