import { canIssueTo } from '@oko/shared';
import type { Me, Permission, Role } from '../api/types';

export const can = (me: Me, permission: Permission): boolean => me.permissions.includes(permission);

export const isOrgRole = (role: Role): boolean => role === 'school' || role === 'college';

/** Whether `me` may issue or re-issue credentials of an account with this role. */
export const canIssue = (me: Me, target: Role): boolean => can(me, 'account.issue') && canIssueTo(me.role, target);
