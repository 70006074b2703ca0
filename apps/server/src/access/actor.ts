import type { Role } from '@oko/shared';

/** Who is calling: the account behind the session and its place in the hierarchy. */
export interface Actor {
  userId: string;
  login: string;
  role: Role;
  regionCode: string | null;
  municipalityId: string | null;
  orgId: string | null;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}
