import { sql, type Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { orgGoverned } from '../access/visibility.ts';
import { orgReached } from './audience.sql.ts';

export interface ReportOrg {
  id: string;
  login: string | null;
  kind: 'school' | 'college';
  code: string;
  name: string;
  municipality: string;
}

export interface ReportFile {
  id: string;
  name: string;
  org_id: string | null;
}

export interface DownloadSpan {
  org_id: string;
  file_id: string;
  first_at: Date;
  last_at: Date;
}

/** What the download report reads: the ОО a storage reaches inside the caller's part, and their downloads. */
export class DownloadReportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  files(storageId: string): Promise<ReportFile[]> {
    return this.db
      .selectFrom('storage_files')
      .select(['id', 'name', 'org_id'])
      .where('storage_id', '=', storageId)
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  /** The ОО the storage's publication reaches that the actor governs, by municipality and login. */
  orgs(actor: Actor, publicationId: string): Promise<ReportOrg[]> {
    return this.db
      .selectFrom('orgs as o')
      .innerJoin('publications as p', (j) => j.on('p.id', '=', publicationId))
      .innerJoin('municipalities as m', 'm.id', 'o.municipality_id')
      .select([
        'o.id',
        'o.kind',
        'o.code',
        'o.full_name as name',
        'm.name as municipality',
        sql<string | null>`(SELECT min(u.login) FROM users u WHERE u.org_id = o.id
          AND u.role IN ('school', 'college'))`.as('login'),
      ])
      .where(orgReached('p', 'o'))
      .where(orgGoverned(actor, 'o'))
      .orderBy('o.region_code')
      .orderBy('m.name')
      .orderBy('o.code')
      .execute();
  }

  /** First and last download of each file by each of these ОО. */
  spans(fileIds: string[], orgIds: string[]): Promise<DownloadSpan[]> {
    if (fileIds.length === 0 || orgIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('file_downloads')
      .select(['org_id as org_id', 'file_id', sql<Date>`min(at)`.as('first_at'), sql<Date>`max(at)`.as('last_at')])
      .where('file_id', 'in', fileIds)
      .where('org_id', 'in', orgIds)
      .groupBy(['org_id', 'file_id'])
      .execute() as Promise<DownloadSpan[]>;
  }

  async alreadyNotified(jobId: string): Promise<boolean> {
    const row = await this.db.selectFrom('notifications').select('id').where('job_id', '=', jobId).executeTakeFirst();
    return row !== undefined;
  }
}
