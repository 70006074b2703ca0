// A school downloads its archive through GET /api/files/:fileId (gates, access, download record, then
// the blob streamed) against reading the same blob from DATA_DIR in this process. An archive is a few
// hundred KB, where the request's fixed cost dominates, so a large blob delivered to schools through
// an ordinary publication is measured the same way beside it.
import { sql } from 'kysely';
import http from 'node:http';
import path from 'node:path';
import { DEMO_ADMIN_LOGIN, DEMO_PASSWORDS } from '../apps/server/src/demo/demo-passwords.ts';
import { download, json, MB, readFromDisk, signIn, uploadFile, type Session } from './lib/materials-http.ts';
import type { MaterialsSite } from './lib/materials-site.ts';
import { NATIONAL_PASSWORD } from './lib/national-registry.ts';

export interface ThroughputFigures {
  fileMb: number;
  runs: number;
  httpMbPerSec: number;
  diskMbPerSec: number;
  /** HTTP ÷ disk */
  httpOverDisk: number;
  /** mean time of one HTTP download */
  httpMs: number;
}

export interface DownloadFigures {
  archive: ThroughputFigures;
  bigBlob: ThroughputFigures;
}

const blobPath = (dataDir: string, sha: string) => path.join(dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha);

/** `runs` downloads one after another on one keep-alive connection, and `runs` reads of the blob. */
async function measure(
  port: number,
  s: Session,
  fileId: string,
  file: string,
  runs: number,
): Promise<ThroughputFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let bytes = 0;
  let httpMs = 0;
  let diskBytes = 0;
  let diskMs = 0;
  try {
    await download(port, s.cookie, `/api/files/${fileId}`, agent); // warm: socket, caches
    await readFromDisk(file);
    for (let i = 0; i < runs; i++) {
      const d = await download(port, s.cookie, `/api/files/${fileId}`, agent);
      bytes += d.bytes;
      httpMs += d.ms;
      const r = await readFromDisk(file);
      diskBytes += r.bytes;
      diskMs += r.ms;
    }
  } finally {
    agent.destroy();
  }
  if (bytes !== diskBytes) throw new Error(`по HTTP ${bytes} байт, с диска ${diskBytes}`);
  const httpMbPerSec = (bytes / MB / httpMs) * 1000;
  const diskMbPerSec = (diskBytes / MB / diskMs) * 1000;
  return {
    fileMb: bytes / runs / MB,
    runs,
    httpMbPerSec,
    diskMbPerSec,
    httpOverDisk: httpMbPerSec / diskMbPerSec,
    httpMs: httpMs / runs,
  };
}

export async function benchMaterialsDownload(
  site: MaterialsSite,
  opts: { archiveRuns: number; bigBlobMb: number; bigBlobRuns: number; log?: (m: string) => void },
): Promise<DownloadFigures> {
  const log = opts.log ?? (() => undefined);
  const server = site.server ?? (await site.start());
  const { port, dataDir } = server;

  const own = await sql<{ login: string; file_id: string; sha256: string }>`
    SELECT u.login, f.id AS file_id, f.sha256 FROM materials m
    JOIN users u ON u.org_id = m.org_id JOIN storage_files f ON f.id = m.archive_file_id
    WHERE m.subject_id = ${site.campaign.subjectId}::uuid ORDER BY u.login LIMIT 1`.execute(site.db);
  const row = own.rows[0];
  if (!row) throw new Error('нет ни одного сгенерированного архива');
  const school = await signIn(port, row.login, NATIONAL_PASSWORD);
  log(`  архив ${row.login}: ${opts.archiveRuns} скачиваний…`);
  const archive = await measure(port, school, row.file_id, blobPath(dataDir, row.sha256), opts.archiveRuns);

  log(`  большой файл ${opts.bigBlobMb} МБ в публикации для ОО…`);
  const admin = await signIn(port, DEMO_ADMIN_LOGIN, DEMO_PASSWORDS.federal_admin);
  const publication = await json<{ storages: { id: string }[] }>(
    port,
    {
      method: 'POST',
      path: '/api/publications',
      body: JSON.stringify({
        section: 'vpr',
        title: 'Замер скачивания материалов',
        body: 'Публикация для замера скорости скачивания',
        audience: { roles: ['school'], regionCodes: null, orgIds: null },
        storages: ['Большой файл'],
      }),
    },
    admin,
    201,
  );
  const storageId = publication.storages[0]!.id;
  const sha = await uploadFile(port, admin, `/api/storages/${storageId}/files`, 'Материалы.bin', opts.bigBlobMb * MB);
  const file = await sql<{ id: string }>`SELECT id FROM storage_files
    WHERE storage_id = ${storageId}::uuid AND sha256 = ${sha}`.execute(site.db);
  const bigBlob = await measure(port, school, file.rows[0]!.id, blobPath(dataDir, sha), opts.bigBlobRuns);
  return { archive, bigBlob };
}
