import type { StoredFile } from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import { isOrgRole } from '../access/visibility.ts';
import type { FileRow } from './files.repository.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const isOpen = (f: Pick<FileRow, 'available_from'>, now: Date) =>
  f.available_from === null || new Date(f.available_from).getTime() <= now.getTime();

/** «Only for ОО»: coordinators see such a file, only the ОО themselves download it. */
export const mayDownload = (actor: Actor, f: Pick<FileRow, 'available_from' | 'only_for_orgs'>, now: Date) =>
  isOpen(f, now) && (!f.only_for_orgs || isOrgRole(actor));

export function toStoredFile(actor: Actor, now: Date, f: FileRow): StoredFile {
  return {
    id: f.id,
    name: f.name,
    size: Number(f.size),
    orgLogin: f.org_login,
    onlyForOrgs: f.only_for_orgs,
    availableAt: iso(f.available_from),
    available: isOpen(f, now),
    downloadable: mayDownload(actor, f, now),
    lastDownloadedAt: iso(f.last_downloaded_at),
  };
}
